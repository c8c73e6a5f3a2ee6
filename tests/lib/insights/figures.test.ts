import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../../../src/config.ts';
import type { Archive } from '../../../src/lib/archive/types.ts';
import { formatDuration } from '../../../src/lib/format/durations.ts';
import {
	actionItemsPerMonth,
	closedWithinWindow,
	factorsByKind,
	incidentsPerMonth,
	lastMonths,
	lastQuarters,
	medianTimesPerQuarter,
	readActionFlow,
	readFactors,
	readIncidentsPerMonth,
	readMedians,
	readTopKeys,
	readWindowShare,
	topKeys,
} from '../../../src/lib/insights/figures.ts';
import { fixture } from '../../support/build-site.ts';
import { loadArchive, makeEntry } from '../../support/archive-fixtures.ts';

// tests/fixtures/search: 8 published postmortems (2023-05 … 2025-06) and one draft.
const TODAY = '2025-07-15';
const MIN = 60_000;
const HOUR = 60 * MIN;
let archive: Archive;

beforeAll(async () => {
	archive = await loadArchive(fixture('search'));
});

describe('calendar windows', () => {
	it('lists the last months and quarters ending with today, across year ends', () => {
		expect(lastMonths('2025-02-10', 4)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
		expect(lastMonths(TODAY, 24)).toHaveLength(24);
		expect(lastMonths(TODAY, 24)[0]).toBe('2023-08');
		expect(lastQuarters('2025-02-10', 3)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1']);
	});
});

describe('incidents per month', () => {
	it('counts the fixture incidents of the last 24 months by severity, and leaves older ones out', () => {
		const months = incidentsPerMonth(archive.entries, TODAY);
		expect(months.map((m) => m.month).slice(0, 2)).toEqual(['2023-08', '2023-09']);
		const byMonth = Object.fromEntries(months.filter((m) => m.total > 0).map((m) => [m.month, m.bySeverity]));
		expect(Object.keys(byMonth)).toEqual(['2023-09', '2024-02', '2024-08', '2024-11', '2025-01', '2025-04', '2025-06']);
		expect(byMonth['2023-09']).toEqual({ SEV1: 1, SEV2: 0, SEV3: 0, SEV4: 0 });
		expect(byMonth['2025-04']).toEqual({ SEV1: 0, SEV2: 1, SEV3: 0, SEV4: 0 });
		// The SEV4 of 2023-05 is older than 24 months; the draft is not in the published archive.
		expect(months.reduce((n, m) => n + m.total, 0)).toBe(7);
	});
	it('reads the chart: last 12 months against the 12 before, and the share of SEV1/SEV2', () => {
		expect(readIncidentsPerMonth(incidentsPerMonth(archive.entries, TODAY))).toBe(
			'5 incidents in the last 12 months against 2 in the 12 before; 4 of 7 were SEV1 or SEV2.',
		);
	});
	it('names a busiest month only when one stands out', () => {
		const entries = ['2025-03-02', '2025-03-20', '2025-05-01'].map((d, i) => makeEntry(`e${i}`, { startedAt: `${d}T10:00:00Z` }));
		expect(readIncidentsPerMonth(incidentsPerMonth(entries, TODAY))).toContain('the busiest month was March 2025 with 2');
		expect(readIncidentsPerMonth(incidentsPerMonth([], TODAY))).toBe('No incidents started in the last 24 months.');
	});
});

describe('median time to detect and resolve', () => {
	it('takes medians per quarter and severity over the incidents that record the time', () => {
		const quarters = medianTimesPerQuarter(archive.entries, TODAY);
		expect(quarters.map((q) => q.quarter)).toEqual(['2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3']);
		const q2 = quarters.find((q) => q.quarter === '2025-Q2')!;
		expect(q2.detect.SEV1).toEqual({ ms: 6 * MIN, count: 1 });
		expect(q2.detect.SEV2).toEqual({ ms: 5 * MIN, count: 1 });
		expect(q2.resolve.SEV2).toEqual({ ms: HOUR + 15 * MIN, count: 1 });
		expect(q2.resolve.SEV3).toEqual({ ms: undefined, count: 0 });
		expect(quarters.find((q) => q.quarter === '2024-Q3')!.resolve.SEV3.ms).toBe(23 * HOUR);
	});
	it('medians two incidents in one quarter, and skips one without detectedAt', () => {
		const entries = [
			makeEntry('a', { severity: 'SEV2', startedAt: '2025-04-01T10:00:00Z', detectedAt: '2025-04-01T10:10:00Z', resolvedAt: '2025-04-01T11:00:00Z' }),
			makeEntry('b', { severity: 'SEV2', startedAt: '2025-05-01T10:00:00Z', detectedAt: '2025-05-01T10:30:00Z', resolvedAt: '2025-05-01T13:00:00Z' }),
			makeEntry('c', { severity: 'SEV2', startedAt: '2025-06-01T10:00:00Z', resolvedAt: '2025-06-01T12:00:00Z' }),
		];
		const q2 = medianTimesPerQuarter(entries, TODAY).find((q) => q.quarter === '2025-Q2')!;
		expect(q2.detect.SEV2).toEqual({ ms: 20 * MIN, count: 2 });
		expect(q2.resolve.SEV2).toEqual({ ms: 2 * HOUR, count: 3 });
	});
	it('reads the latest quarter with data', () => {
		const quarters = medianTimesPerQuarter(archive.entries, TODAY);
		expect(readMedians(quarters, 'detect', formatDuration)).toBe('In Q2 2025, the latest quarter with data, the median time to detect was SEV1 6 min, SEV2 5 min.');
		expect(readMedians(medianTimesPerQuarter([], TODAY), 'resolve', formatDuration)).toMatch(/^No incident/);
	});
});

describe('contributing factors, services and tags', () => {
	it('counts factors and the incidents with each kind, most frequent first', () => {
		expect(factorsByKind(archive.entries)).toEqual([
			{ kind: 'technical', factors: 5, incidents: 5 },
			{ kind: 'operational', factors: 3, incidents: 3 },
			{ kind: 'process', factors: 2, incidents: 2 },
		]);
		expect(readFactors(factorsByKind(archive.entries))).toBe('Technical factors are the most common: 5 of 10 (50%), in 5 incidents.');
		expect(readFactors(factorsByKind([]))).toBe('No contributing factors recorded yet.');
	});
	it('ranks services and tags by incidents, then by name, published only', () => {
		expect(topKeys(archive.byService, 5)).toEqual([
			{ key: 'api-gateway', count: 2 },
			{ key: 'cdn-edge', count: 2 },
			{ key: 'ledger-db', count: 2 },
			{ key: 'payments-api', count: 2 },
			{ key: 'auth-service', count: 1 },
		]);
		expect(readTopKeys(topKeys(archive.byTag), 'tag')).toBe('config has the most incidents (2), then database (2).');
	});
});

describe('action items', () => {
	it('counts items opened (by incident start) and closed (by completedOn) per month', () => {
		const flow = actionItemsPerMonth(archive.actionItems, TODAY);
		const active = Object.fromEntries(flow.filter((m) => m.opened || m.closed).map((m) => [m.month, [m.opened, m.closed]]));
		expect(active).toEqual({
			'2023-09': [1, 0],
			'2023-10': [0, 1],
			'2024-02': [1, 0],
			'2024-03': [0, 1],
			'2024-08': [2, 0],
			'2024-09': [0, 1],
			'2024-10': [0, 1],
			'2024-11': [2, 0],
			'2024-12': [0, 1],
			'2025-01': [1, 1],
			'2025-04': [2, 1],
			'2025-06': [3, 1],
			'2025-07': [0, 1],
		});
		expect(readActionFlow(flow)).toBe('12 action items opened and 9 closed in the last 24 months: the backlog grew by 3.');
	});
	it('splits items by the policy window: in time, late, still open past it, not due yet', () => {
		const { overall, bySeverity } = closedWithinWindow(archive.actionItems, TODAY, getConfig().policy);
		expect(overall).toEqual({ inWindow: 7, late: 2, missed: 3, pending: 1, share: 7 / 12 });
		// SEV1: PAY-1 and NET-5 in time, PAY-2 closed after its 15-day window, PAY-3 (P3, 90 days) not due yet.
		expect(bySeverity.SEV1).toEqual({ inWindow: 2, late: 1, missed: 0, pending: 1, share: 2 / 3 });
		expect(bySeverity.SEV4).toEqual({ inWindow: 0, late: 0, missed: 1, pending: 0, share: 0 });
		expect(readWindowShare(overall)).toBe('58% of action items were closed within the policy window (7 of 12); 3 still open past it.');
	});
	it('uses the configured windows: a longer window turns a late item into an in-time one', () => {
		const policy = { ...getConfig().policy, urgentDueWindowDays: { SEV1: 40, SEV2: 60, SEV3: 56, SEV4: 56 } };
		const { overall } = closedWithinWindow(archive.actionItems, TODAY, policy);
		// PAY-2 (SEV1, closed after 29 days) and ID-3 (SEV2, after 61 days): only PAY-2 moves.
		expect(overall.inWindow).toBe(8);
		expect(overall.late).toBe(1);
	});
	it('has no share before any window has ended', () => {
		const entry = makeEntry('new', {
			severity: 'SEV2',
			startedAt: '2025-07-10T10:00:00Z',
			actionItems: [{ id: 'X-1', title: 'Fix it', owner: '@team', priority: 'P1', due: '2025-07-20' }],
		});
		const { overall } = closedWithinWindow([{ item: entry.data.actionItems[0]!, index: 0, entry }], TODAY, getConfig().policy);
		expect(overall).toEqual({ inWindow: 0, late: 0, missed: 0, pending: 1, share: undefined });
		expect(readWindowShare(overall)).toBe('No action item has reached the end of its policy window yet.');
	});
});
