import { describe, expect, it } from 'vitest';
import { ageActionItems } from '../../../src/lib/aging/aged-items.ts';
import { viewSlugs } from '../../../src/lib/aging/views.ts';
import { escapeMrkdwn, ownerMention, slackDigest } from '../../../src/lib/notify/slack-digest.ts';
import { getConfig } from '../../../src/config.ts';
import { ACTIONS_AS_OF, loadFixtureArchive } from '../../support/fixture-archive.ts';

const ctx = { site: { url: 'https://pm.example.com', base: '/' }, people: { '@Sam': { slack: 'U012AB3CD' }, '@ops': { slack: 'S0OPS' } } };

describe('the Slack digest', () => {
	it('mentions people and user groups from the people map, whatever the handle case; others as text', () => {
		expect(ownerMention('@sam', ctx.people)).toBe('<@U012AB3CD> (@sam)');
		expect(ownerMention('ops', ctx.people)).toBe('<!subteam^S0OPS> (ops)');
		expect(ownerMention('@a<b>&c', ctx.people)).toBe('*@a&lt;b&gt;&amp;c*');
		expect(escapeMrkdwn('<!channel> & co')).toBe('&lt;!channel&gt; &amp; co');
	});

	it('stays within Slack limits: at most 50 blocks and 3000 characters a section, saying what was left out', async () => {
		const archive = await loadFixtureArchive();
		const base = ageActionItems(archive.actionItems, ACTIONS_AS_OF, getConfig().policy).filter((a) => a.state === 'overdue');
		// 60 owners with 40 long items each.
		const listed = Array.from({ length: 60 }, (_, o) =>
			Array.from({ length: 40 }, (_, i) => ({ ...base[0]!, item: { ...base[0]!.item, id: `X-${o}-${i}`, owner: `@owner-${String(o).padStart(2, '0')}`, title: 'A long title '.repeat(8) } })),
		).flat();
		const message = slackDigest({ asOf: ACTIONS_AS_OF, timeZone: 'UTC', listed, overdue: listed.length, overdueUrgent: 0, ownerSlugs: viewSlugs(listed.map((a) => a.item.owner)) }, ctx);
		expect(message.blocks.length).toBeLessThanOrEqual(50);
		for (const b of message.blocks) if (b.type === 'section') expect((b.text as { text: string }).text.length).toBeLessThanOrEqual(3000);
		const texts = message.blocks.map((b) => JSON.stringify(b));
		expect(texts.at(-1)).toContain('…and 15 more owners');
		expect(texts[2]).toMatch(/…and \d+ more"/);
	});
});
