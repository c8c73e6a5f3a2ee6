import { describe, expect, it } from 'vitest';
import type { ArtefactEvent } from '../../../src/schemas/artefact-event.ts';
import { redactionSummary, timelineSummary, timelineTable } from '../../../src/cli/artefacts/timeline-report.ts';

const plain = { red: String, yellow: String, green: String, bold: String, dim: String } as unknown as Parameters<typeof timelineTable>[1]['paint'];
const events: ArtefactEvent[] = [
	{ at: '2026-07-22T02:14:00Z', source: 'pagerduty', ref: 'pd.json#Q1', actor: 'Sarah Chen', text: 'Triggered: Customer-API p99 > 5s', alsoIn: ['slack/inc/d.json#1'] },
	{ at: '2026-07-22T02:15:30Z', source: 'slack', ref: 'slack/inc/d.json#2', actor: null, text: 'a long message '.repeat(10).trim(), parent: 'slack/inc/d.json#1' },
];
const sourceOfFile = (file: string) => (file.startsWith('slack/') ? 'slack' : undefined);

describe('timeline table', () => {
	it('shows the time in the zone with its offset, and keeps every line whole when not on a terminal', () => {
		expect(timelineTable(events, { timeZone: 'Europe/Berlin', paint: plain, sourceOfFile })).toBe(
			[
				'time                       source     actor       text',
				'2026-07-22 04:14:00 +02:00  pagerduty  Sarah Chen  Triggered: Customer-API p99 > 5s (also in slack)',
				`2026-07-22 04:15:30 +02:00  slack      —           ↳ ${'a long message '.repeat(10).trim()}`,
				'',
			].join('\n'),
		);
	});

	it('cuts long text to the terminal\'s width', () => {
		const lines = timelineTable(events, { timeZone: 'UTC', width: 80, paint: plain, sourceOfFile }).trimEnd().split('\n');
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
		expect(lines[2]!.endsWith('…')).toBe(true);
	});
});

describe('summary line', () => {
	it('counts events per source, gives the window in the zone, and the redactions by kind', () => {
		expect(timelineSummary(events, 'UTC', { total: 3, byKind: { password: 1, 'AWS access key': 2 } }, 4)).toBe(
			'2 events (slack 1, pagerduty 1) from 2026-07-22 02:14:00 +00:00 to 2026-07-22 02:15:30 +00:00 (2 min); 3 redactions (2 AWS access key, 1 password); 4 outside --from/--to not shown',
		);
		expect(timelineSummary([], 'UTC', { total: 0, byKind: {} })).toBe('0 events; no redactions');
		expect(redactionSummary({ total: 1, byKind: { JWT: 1 } })).toBe('1 redaction (1 JWT)');
	});
});
