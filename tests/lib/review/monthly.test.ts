import { describe, expect, it } from 'vitest';
import { ageActionItems } from '../../../src/lib/aging/aged-items.ts';
import { becameOverdueOn, lastDayOf, monthLabel, monthlyReviews, monthReview, reviewMonths } from '../../../src/lib/review/monthly.ts';
import { getConfig } from '../../../src/config.ts';
import { ACTIONS_AS_OF, loadFixtureArchive } from '../../support/fixture-archive.ts';

const aged = async () => ageActionItems((await loadFixtureArchive()).actionItems, ACTIONS_AS_OF, getConfig().policy);
const ids = (items: ReadonlyArray<{ item: { id: string } }>) => items.map((a) => a.item.id);

describe('the monthly review', () => {
	it('covers every month from the first incident to today, newest first', async () => {
		const months = reviewMonths(await aged(), ACTIONS_AS_OF);
		expect(months[0]).toBe('2026-11');
		expect(months.at(-1)).toBe('2026-06'); // the queue backlog incident
		expect(months).toHaveLength(6);
		expect(lastDayOf('2026-02')).toBe('2026-02-28');
		expect(lastDayOf('2026-12')).toBe('2026-12-31');
		expect(monthLabel('2026-11')).toBe('November 2026');
	});

	it('counts items opened (incident month), closed (completedOn month) and newly overdue (the day after due) by hand', async () => {
		const all = await aged();
		const october = monthReview(all, '2026-10', ACTIONS_AS_OF);
		expect(ids(october.opened).sort()).toEqual(['SEC-101', 'SEC-102', 'SEC-103', 'SEC-104']);
		// Most recently closed first: won't do on 20 October, done on 1 October.
		expect(ids(october.closed)).toEqual(['SEC-104', 'SEC-103']);
		// PAY-301 was due 2026-10-01: overdue from 2 October.
		expect(ids(october.newlyOverdue)).toContain('PAY-301');
		expect(october.asOf).toBe('2026-10-31');
		expect(october.current).toBe(false);
	});

	it('counts open items and owners as of the month end, and as of today for the current month', async () => {
		const all = await aged();
		const november = monthReview(all, '2026-11', ACTIONS_AS_OF);
		expect(november).toMatchObject({ asOf: ACTIONS_AS_OF, current: true });
		// Today's open items are the aging page's.
		expect(november.openCount).toBe(all.filter((a) => a.state === 'open' || a.state === 'overdue').length);
		expect(november.overdueCount).toBe(all.filter((a) => a.state === 'overdue').length);
		expect(november.oldestOpen[0]!.aged.item.id).toBe('OPS-201');
		expect(november.oldestOpen[0]!.daysOverdue).toBe(134);
		expect(november.owners[0]).toEqual({ owner: '@platform-team', open: 2, overdue: 2 });
		// An item due today is open, not newly overdue yet.
		expect(ids(november.newlyOverdue)).not.toContain('SEC-102');
		// In July, OPS-204 (closed 2026-07-01) was no longer open; OPS-201 (due 2026-07-10) became overdue.
		const july = monthReview(all, '2026-07', ACTIONS_AS_OF);
		expect(ids(july.newlyOverdue)).toContain('OPS-201');
		expect(ids(july.oldestOpen.map((r) => r.aged))).not.toContain('OPS-204');
		expect(july.owners.find((o) => o.owner === '@platform-team')).toEqual({ owner: '@platform-team', open: 2, overdue: 1 });
	});

	it('an item closed by its due date never becomes overdue', async () => {
		const all = await aged();
		const ops204 = all.find((a) => a.item.id === 'OPS-204')!; // due 2026-06-20, done 2026-07-01: late
		expect(becameOverdueOn(ops204)).toBe('2026-06-21');
		expect(becameOverdueOn({ ...ops204, item: { ...ops204.item, completedOn: '2026-06-20' } })).toBeUndefined();
		expect(monthlyReviews(all, ACTIONS_AS_OF)).toHaveLength(6);
	});
});
