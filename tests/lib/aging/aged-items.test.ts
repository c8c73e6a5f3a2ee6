import { describe, expect, it } from 'vitest';
import {
	ageActionItem,
	ageActionItems,
	ageBucket,
	bucketCounts,
	closedItems,
	closedRecently,
	isOverdue,
	itemState,
	openItems,
	rollUpByOwner,
	rollUpByPriority,
	rollUpBySeverity,
	summarize,
} from '../../../src/lib/aging/aged-items.ts';
import { localCalendarDate } from '../../../src/lib/aging/item-state.ts';
import { calendarDateIn } from '../../../src/lib/format/dates.ts';
import { entry, flatItems, item, policy } from '../../support/archive-entries.ts';

const TODAY = '2026-11-21';

describe('itemState and isOverdue', () => {
	it('is not overdue on the due day itself', () => {
		expect(itemState({ status: 'open', due: TODAY }, TODAY)).toBe('open');
		expect(isOverdue({ status: 'open', due: TODAY }, TODAY)).toBe(false);
	});
	it('is overdue the day after the due date, for open and in-progress items', () => {
		expect(itemState({ status: 'open', due: '2026-11-20' }, TODAY)).toBe('overdue');
		expect(itemState({ status: 'in-progress', due: '2026-11-20' }, TODAY)).toBe('overdue');
		expect(isOverdue({ status: 'in-progress', due: '2026-11-20' }, TODAY)).toBe(true);
	});
	it('never calls a closed item overdue', () => {
		expect(itemState({ status: 'done', due: '2020-01-01' }, TODAY)).toBe('done');
		expect(itemState({ status: 'wont-do', due: '2020-01-01' }, TODAY)).toBe('wont-do');
		expect(isOverdue({ status: 'done', due: '2020-01-01' }, TODAY)).toBe(false);
	});
	it('compares across month and year ends as calendar dates', () => {
		expect(itemState({ status: 'open', due: '2026-12-31' }, '2027-01-01')).toBe('overdue');
		expect(itemState({ status: 'open', due: '2027-01-01' }, '2026-12-31')).toBe('open');
	});
});

describe('ageActionItem', () => {
	const pm = entry('x', [
		item('DUE-TODAY', { due: TODAY }),
		item('DUE-YESTERDAY', { due: '2026-11-20', priority: 'P0' }),
		item('DONE', { status: 'done', due: '2026-10-10', completedOn: '2026-10-15' }),
		item('WONT', { status: 'wont-do', due: '2026-12-01', completedOn: '2026-10-05' }),
	]);
	const [today, yesterday, done, wont] = flatItems(pm).map((f) => ageActionItem(f, TODAY, policy));

	it('counts days left and days overdue from the calendar date', () => {
		expect(today).toMatchObject({ state: 'open', daysLeft: 0, daysOverdue: 0 });
		expect(yesterday).toMatchObject({ state: 'overdue', daysOverdue: 1, daysLeft: 0 });
	});
	it('measures age from the incident start date, whatever the time of day', () => {
		expect(today!.incidentDate).toBe('2026-10-01');
		expect(today!.ageDays).toBe(51);
	});
	it('measures time to close and lateness for closed items', () => {
		expect(done).toMatchObject({ state: 'done', daysToClose: 14, daysLateAtClose: 5, daysOverdue: 0 });
		expect(wont).toMatchObject({ state: 'wont-do', daysToClose: 4, daysLateAtClose: 0 });
		expect(today!.daysToClose).toBeUndefined();
	});
	it('flags a due date beyond the policy window (SEV2, P0: 30 days)', () => {
		const p = entry('w', [item('IN', { priority: 'P0', due: '2026-10-31' }), item('OUT', { priority: 'P0', due: '2026-11-01' })]);
		const [inside, outside] = flatItems(p).map((f) => ageActionItem(f, TODAY, policy));
		expect(inside!.breaksWindow).toBe(false);
		expect(outside!.breaksWindow).toBe(true);
	});
	it('carries the incident it came from', () => {
		const p = entry('inc', [item('A')], { incident: 'INC-9', severity: 'SEV1', status: 'review', resolvedAt: undefined });
		expect(ageActionItem(flatItems(p)[0]!, TODAY, policy)).toMatchObject({ slug: 'inc', severity: 'SEV1', incidentId: 'INC-9', postmortemStatus: 'review' });
	});
	it('works for a postmortem with no timeline and no detection or mitigation times', () => {
		const p = entry('bare', [item('B', { due: '2026-10-02' })], { startedAt: '2026-10-01', resolvedAt: '2026-10-01T01:00:00Z', timeline: [] });
		expect(ageActionItem(flatItems(p)[0]!, TODAY, policy)).toMatchObject({ incidentDate: '2026-10-01', daysOverdue: 50, ageDays: 51 });
	});
});

describe('time zones', () => {
	// Dates are calendar dates; "today" is decided in the configured zone before aging.
	const instant = new Date('2026-11-21T06:30:00Z');
	it('decides today in the configured time zone', () => {
		expect(calendarDateIn(instant, 'UTC')).toBe('2026-11-21');
		expect(calendarDateIn(instant, 'America/Los_Angeles')).toBe('2026-11-20');
		expect(calendarDateIn(instant, 'Pacific/Kiritimati')).toBe('2026-11-21');
		expect(calendarDateIn(new Date('2026-11-21T11:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-11-22');
	});
	it('so the same instant can make an item due "yesterday" in one zone and "today" in another', () => {
		const due = { status: 'open' as const, due: '2026-11-20' };
		expect(itemState(due, calendarDateIn(instant, 'America/Los_Angeles'))).toBe('open');
		expect(itemState(due, calendarDateIn(instant, 'UTC'))).toBe('overdue');
	});
	it('reads the local calendar date of the runtime (the viewer in a browser)', () => {
		const d = new Date(2026, 10, 21, 23, 59);
		expect(localCalendarDate(d)).toBe('2026-11-21');
	});
});

describe('buckets and recent closes', () => {
	it('puts boundary days in the right bucket', () => {
		expect([0, 1, 7, 8, 30, 31, 90, 91, 400].map(ageBucket)).toEqual(['not-due', '1-7', '1-7', '8-30', '8-30', '31-90', '31-90', 'over-90', 'over-90']);
	});
	it('counts a close as recent on the 90 days ending today', () => {
		expect(closedRecently(TODAY, TODAY)).toBe(true);
		expect(closedRecently('2026-08-24', TODAY)).toBe(true); // 89 days ago
		expect(closedRecently('2026-08-23', TODAY)).toBe(false); // 90 days ago
		expect(closedRecently('2026-11-22', TODAY)).toBe(false); // in the future
		expect(closedRecently(undefined, TODAY)).toBe(false);
	});
});

describe('summaries and roll-ups', () => {
	const a = entry(
		'a',
		[
			item('A1', { owner: '@ops', priority: 'P0', due: '2026-11-20' }), // 1 day overdue
			item('A2', { owner: '@ops', priority: 'P1', due: '2026-07-10' }), // 134 days overdue
			item('A3', { owner: '@web', priority: 'P2', due: TODAY }), // due today
			item('A4', { owner: '@web', priority: 'P3', status: 'done', due: '2026-10-10', completedOn: '2026-10-11' }),
		],
		{ severity: 'SEV1', reviews: [{ role: 'responder', by: '@a', on: '2026-10-02' }, { role: 'lead', by: '@b', on: '2026-10-02' }, { role: 'director', by: '@c', on: '2026-10-02' }] },
	);
	const b = entry(
		'b',
		[
			item('B1', { owner: '@web', priority: 'P2', status: 'in-progress', due: '2026-11-01' }), // 20 days overdue
			item('B2', { owner: '@ops', priority: 'P1', due: '2026-10-01' }), // 51 days overdue
			item('B3', { owner: '@ops', priority: 'P2', status: 'wont-do', due: '2026-11-01', completedOn: '2026-08-01' }), // closed long ago
		],
		{ startedAt: '2026-06-10T00:00:00Z', resolvedAt: '2026-06-10T01:00:00Z' },
	);
	const aged = ageActionItems(flatItems(a, b), TODAY, policy);

	it('gives the headline figures', () => {
		expect(summarize(aged, TODAY)).toEqual({
			asOf: TODAY,
			total: 7,
			open: 5,
			overdue: 4,
			overdueUrgent: 3,
			notYetDue: 1,
			medianDaysOverdue: 35.5,
			closed: 2,
			closedLast90Days: 1,
			medianDaysToClose: 31, // (10 + 52) / 2
			buckets: [
				{ key: 'not-due', label: 'Not yet due', count: 1 },
				{ key: '1-7', label: '1–7 days', count: 1 },
				{ key: '8-30', label: '8–30 days', count: 1 },
				{ key: '31-90', label: '31–90 days', count: 1 },
				{ key: 'over-90', label: 'Over 90 days', count: 1 },
			],
		});
	});
	it('gives a null median when nothing is overdue', () => {
		expect(summarize(ageActionItems(flatItems(a, b), '2026-01-01', policy), '2026-01-01').medianDaysOverdue).toBeNull();
	});
	it('sorts open items overdue first, most overdue on top, and closed items newest first', () => {
		expect(openItems(aged).map((x) => x.item.id)).toEqual(['A2', 'B2', 'B1', 'A1', 'A3']);
		expect(closedItems(aged).map((x) => x.item.id)).toEqual(['A4', 'B3']);
	});
	it('rolls up per owner, most overdue owners first, with their oldest open item', () => {
		const owners = rollUpByOwner(aged);
		expect(owners.map((o) => [o.key, o.open, o.overdue, o.overdueUrgent, o.oldest?.item.id])).toEqual([
			['@ops', 3, 3, 3, 'A2'],
			['@web', 2, 1, 0, 'B1'],
		]);
		expect(owners[1]).toMatchObject({ done: 1, wontDo: 0, medianDaysToClose: 10 });
	});
	it('rolls up per severity and per priority, listing every level', () => {
		expect(rollUpBySeverity(aged).map((r) => [r.key, r.total, r.overdue])).toEqual([
			['SEV1', 4, 2],
			['SEV2', 3, 2],
			['SEV3', 0, 0],
			['SEV4', 0, 0],
		]);
		expect(rollUpByPriority(aged).map((r) => [r.key, r.open, r.overdue, r.oldest?.item.id ?? null])).toEqual([
			['P0', 1, 1, 'A1'],
			['P1', 2, 2, 'A2'],
			['P2', 2, 1, 'B1'],
			['P3', 0, 0, null],
		]);
	});
	it('counts the same items into buckets whichever list they come from', () => {
		expect(bucketCounts(openItems(aged))).toEqual(bucketCounts(aged));
	});
});
