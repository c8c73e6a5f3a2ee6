import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { slackEvents, slackPlainText, slackUserNames } from '../../../../src/lib/artefacts/readers/slack.ts';

const dir = new URL('../../../fixtures/artefacts/small/chat/', import.meta.url);
const day = async () => JSON.parse(await readFile(new URL('search-incident/2026-03-10.json', dir), 'utf8'));
const users = async () => slackUserNames(JSON.parse(await readFile(new URL('users.json', dir), 'utf8')));
const FILE = 'chat/search-incident/2026-03-10.json';

describe('Slack export reader', () => {
	it('reads a channel day: names from users.json, joins dropped, the bot under its name, a reply with its parent ref', async () => {
		const result = slackEvents([{ file: FILE, data: await day() }], await users());
		expect(result.problems).toEqual([]);
		expect(result.unresolvedUsers.size).toBe(0);
		expect(result.events).toEqual([
			{ at: '2026-03-10T09:00:05Z', source: 'slack', ref: `${FILE}#1773133205.000100`, actor: 'Ana Lima', text: '@Ben O. seeing 502s from search, status page is still green', kind: 'message' },
			{ at: '2026-03-10T09:01:10Z', source: 'slack', ref: `${FILE}#1773133270.000200`, actor: 'PagerDuty', text: 'Triggered #812: Search API error rate above 5%', kind: 'message' },
			{
				at: '2026-03-10T09:02:00Z',
				source: 'slack',
				ref: `${FILE}#1773133320.000300`,
				actor: 'Ben O.',
				text: 'on it, rolling back',
				kind: 'message',
				parent: `${FILE}#1773133205.000100`,
			},
		]);
	});

	it('without users.json, ids stay ids and are listed for the warning', async () => {
		const result = slackEvents([{ file: FILE, data: await day() }], undefined);
		expect(result.events.map((e) => e.actor)).toEqual(['U01ANALIMA', 'PagerDuty', 'U02BENOKAF']);
		expect(result.events[0]!.text).toBe('@U02BENOKAF seeing 502s from search, status page is still green');
		expect([...result.unresolvedUsers].sort()).toEqual(['U01ANALIMA', 'U02BENOKAF']);
	});

	it('finds a reply\'s parent in the previous day\'s file (threads cross midnight)', () => {
		const parentTs = '1773100790.000100'; // 2026-03-09T23:59:50Z
		const result = slackEvents(
			[
				{ file: 'c/x/2026-03-09.json', data: [{ type: 'message', user: 'U1', text: 'deploy done?', ts: parentTs, thread_ts: parentTs }] },
				{ file: 'c/x/2026-03-10.json', data: [{ type: 'message', user: 'U1', text: 'yes', ts: '1773100810.000200', thread_ts: parentTs }] },
			],
			new Map([['U1', 'Ana']]),
		);
		expect(result.events[1]!.parent).toBe(`c/x/2026-03-09.json#${parentTs}`);
	});

	it('names a bad ts by its entry', () => {
		const result = slackEvents([{ file: FILE, data: [{ type: 'message', user: 'U1', text: 'hi', ts: 'yesterday' }] }], new Map());
		expect(result.events).toEqual([]);
		expect(result.problems).toEqual([{ file: FILE, path: '[0]', level: 'error', message: 'ts "yesterday" is not a time (epoch seconds, e.g. "1753150440.000100")' }]);
	});

	it('turns mrkdwn into plain text', () => {
		const names = new Map([['U1', 'Ana Lima']]);
		expect(slackPlainText('<@U1> see <#C1|incident> and <https://x.example/a?b=1&amp;c=2> &lt;3 <!here> <!subteam^S1|@sre>', (id) => names.get(id) ?? id)).toBe(
			'@Ana Lima see #incident and https://x.example/a?b=1&c=2 <3 @here @sre',
		);
	});
});
