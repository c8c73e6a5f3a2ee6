import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { buildFeedItems, publishedOn } from '../../../src/lib/exports/rss-items.ts';
import { entry } from '../../support/archive-entries.ts';
import { loadFixtureArchive } from '../../support/fixture-archive.ts';

describe('rss items', async () => {
	const archive = await loadFixtureArchive();
	const site = { url: 'https://pm.example.com', base: '/pm' };

	it('dates each postmortem by its last review, newest first', () => {
		const items = buildFeedItems(archive.entries, site);
		expect(items.map((i) => [i.link, i.pubDate.toISOString().slice(0, 10)])).toEqual([
			['https://pm.example.com/pm/postmortems/2026-10-01-login-outage/', '2026-10-06'],
			['https://pm.example.com/pm/postmortems/2026-09-01-payment-retries/', '2026-09-04'],
			['https://pm.example.com/pm/postmortems/2026-06-10-queue-backlog/', '2026-06-15'],
		]);
		expect(items[0]).toMatchObject({
			title: '[SEV1] Login outage after identity provider certificate rotation',
			description: 'An expired intermediate certificate broke sign-in until the chain was replaced.',
			categories: ['SEV1', 'identity', 'web-app', 'certificates'],
		});
		expect(items[1]!.description).toBe('About 80 customers saw a payment attempted twice; all were refunded.');
	});
	it('falls back to the resolution time without reviews, and keeps at most the limit', () => {
		const e = entry('x', [], { status: 'draft', reviews: [], resolvedAt: '2026-10-09T10:00:00Z' });
		expect(publishedOn(e).toISOString()).toBe('2026-10-09T10:00:00.000Z');
		expect(buildFeedItems(archive.entries, site, 2)).toHaveLength(2);
	});
	it('sends descriptions as plain text: script and onerror probes reach a feed reader as text, never as markup (issue 14)', async () => {
		const probe = `Deliveries stopped <script>alert('rss')</script> <img src=x onerror="alert('rss-img')"> & resumed <b>later</b>.`;
		const items = buildFeedItems([entry('probe', [], { summary: probe })], site);
		const xml = await getRssString({ title: 'Postmortems', description: 'All of them', site: 'https://pm.example.com/pm/', items });
		// What a feed reader does: decode the XML, then render the description as HTML.
		const description: string = new XMLParser({ processEntities: true, htmlEntities: true }).parse(xml).rss.channel.item.description;
		const rendered = parseHtml(description);
		expect(rendered.querySelectorAll('script, img, b')).toHaveLength(0);
		expect(rendered.text).toBe(probe);
	});
});
