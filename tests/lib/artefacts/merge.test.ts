import { describe, expect, it } from 'vitest';
import type { ArtefactEvent } from '../../../src/schemas/artefact-event.ts';
import { mergeEvents } from '../../../src/lib/artefacts/merge.ts';

const ev = (at: string, source: ArtefactEvent['source'], ref: string, text: string, actor: string | null = null): ArtefactEvent => ({ at, source, ref, actor, text });

describe('mergeEvents', () => {
	it('sorts by time, ties by source then ref, and does not change its input', () => {
		const input = [
			ev('2026-07-22T02:15:00Z', 'slack', 's.json#2', 'b'),
			ev('2026-07-22T02:14:00Z', 'slack', 's.json#1', 'a'),
			ev('2026-07-22T02:14:00Z', 'deploys', 'd.csv#L3', 'c'),
			ev('2026-07-22T02:14:00Z', 'deploys', 'd.csv#L2', 'd'),
		];
		const copy = structuredClone(input);
		expect(mergeEvents(input).map((e) => e.ref)).toEqual(['d.csv#L2', 'd.csv#L3', 's.json#1', 's.json#2']);
		expect(input).toEqual(copy);
	});

	it('keeps the pager\'s entry once when the chat app posted it within a minute, with the chat ref in alsoIn', () => {
		const merged = mergeEvents([
			ev('2026-07-22T02:14:20Z', 'slack', 'slack/inc/2026-07-22.json#1784686460.000100', 'Triggered #1234: Customer-API p99 > 5s', 'PagerDuty'),
			ev('2026-07-22T02:14:00Z', 'pagerduty', 'pagerduty.json#Q1XYZ', 'Triggered: Customer-API p99 > 5s', 'Sarah Chen'),
		]);
		expect(merged).toEqual([
			{ ...ev('2026-07-22T02:14:00Z', 'pagerduty', 'pagerduty.json#Q1XYZ', 'Triggered: Customer-API p99 > 5s', 'Sarah Chen'), alsoIn: ['slack/inc/2026-07-22.json#1784686460.000100'] },
		]);
	});

	it('keeps both when more than a minute apart, when the words differ, or when the text is too short to tell', () => {
		expect(mergeEvents([ev('2026-07-22T02:14:00Z', 'pagerduty', 'p#1', 'Triggered: API down'), ev('2026-07-22T02:15:01Z', 'slack', 's#1', 'Triggered #9: API down')])).toHaveLength(2);
		expect(mergeEvents([ev('2026-07-22T02:14:00Z', 'pagerduty', 'p#1', 'Triggered: API down'), ev('2026-07-22T02:14:10Z', 'slack', 's#1', 'Resolved #9: API down')])).toHaveLength(2);
		expect(mergeEvents([ev('2026-07-22T02:14:00Z', 'notes', 'n#L1', 'on it'), ev('2026-07-22T02:14:10Z', 'slack', 's#1', 'on it')])).toHaveLength(2);
	});

	it('does not fold two people\'s chat messages together, but does fold a bot cross-posting to two channels', () => {
		const a = ev('2026-07-22T02:14:00Z', 'slack', 'slack/a/d.json#1', 'looking at the orders database now', 'Ana');
		const b = ev('2026-07-22T02:14:05Z', 'slack', 'slack/b/d.json#2', 'looking at the orders database now', 'Ben');
		expect(mergeEvents([a, b])).toHaveLength(2);
		const bot1 = ev('2026-07-22T02:14:00Z', 'slack', 'slack/a/d.json#1', 'Triggered #9: orders API down', 'PagerDuty');
		const bot2 = ev('2026-07-22T02:14:01Z', 'slack', 'slack/b/d.json#2', 'Triggered #9: orders API down', 'PagerDuty');
		expect(mergeEvents([bot1, bot2])).toEqual([{ ...bot1, alsoIn: ['slack/b/d.json#2'] }]);
	});

	it('never folds two events of the same file, and makes repeated refs unique', () => {
		const merged = mergeEvents([
			ev('2026-07-22T02:14:00Z', 'tickets', 't.csv#7', 'Ticket 7 opened: checkout broken'),
			ev('2026-07-22T02:14:00Z', 'tickets', 't.csv#7', 'Ticket 7 opened: checkout broken'),
			ev('2026-07-22T02:14:30Z', 'tickets', 't.csv#7', 'Ticket 7 opened: checkout broken again'),
		]);
		expect(merged.map((e) => e.ref)).toEqual(['t.csv#7', 't.csv#7~2']);
	});
});

describe('timelineJsonChunks', () => {
	it('writes exactly what JSON.stringify(timelineJson(events), null, 2) would, in chunks', async () => {
		const { timelineJson, timelineJsonChunks } = await import('../../../src/lib/artefacts/timeline-entries.ts');
		const events: ArtefactEvent[] = [
			{ ...ev('2026-07-22T02:14:00Z', 'pagerduty', 'p.json#Q1', 'Triggered: "quoted" \\ back\u2028slash', 'Ana'), alsoIn: ['s#1', 's#2'], kind: 'page' },
			{ ...ev('2026-07-22T02:15:00Z', 'slack', 's#3', 'reply'), parent: 's#1', services: ['x'] },
			ev('2026-07-22T02:16:00Z', 'notes', 'n#L1', 'é ✓ 🙂'),
		];
		for (const size of [1, 2, 5]) expect([...timelineJsonChunks(events, size)].join('')).toBe(`${JSON.stringify(timelineJson(events), null, 2)}\n`);
		expect([...timelineJsonChunks([])].join('')).toBe(`${JSON.stringify(timelineJson([]), null, 2)}\n`);
	});
});
