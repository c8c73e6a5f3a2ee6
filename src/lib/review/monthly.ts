import { compareClosed, compareOpen, type AgedItem } from '../aging/aged-items.ts';
import { addDays, daysBetween } from '../format/dates.ts';

/**
 * The monthly action-item review: what was opened, closed and newly overdue in a
 * month, the oldest open items and each owner's open count as of the month's end
 * (or today, for the current month). Pure: the aged items and today are passed in.
 *
 * An item has no creation date of its own; it counts as opened on its incident's
 * start date. It is open on a day when it was opened by then and not closed by
 * then (`completedOn` after that day, or never). It became overdue on the day
 * after its due date, unless it was closed by its due date.
 */

/** `YYYY-MM`. */
export type Month = string;

export interface OwnerOpenCount {
	owner: string;
	open: number;
	overdue: number;
}

/** One item as it stood on the review's day. */
export interface ReviewedItem {
	aged: AgedItem;
	/** Days past due on the review's day (0 when not overdue then). */
	daysOverdue: number;
}

export interface MonthReview {
	month: Month;
	/** The day the open figures are for: the month's last day, or today for the current month. */
	asOf: string;
	/** Whether the month is still running (asOf is today). */
	current: boolean;
	opened: AgedItem[];
	closed: AgedItem[];
	newlyOverdue: AgedItem[];
	/** Items open on `asOf`, the most overdue first (at most OLDEST_LIMIT). */
	oldestOpen: ReviewedItem[];
	openCount: number;
	overdueCount: number;
	/** Open items per owner on `asOf`, most overdue owners first. */
	owners: OwnerOpenCount[];
}

/** How many of the oldest open items a review lists. */
export const OLDEST_LIMIT = 10;

const monthOf = (date: string): Month => date.slice(0, 7);

/** The last day of a month, `YYYY-MM-DD`. */
export function lastDayOf(month: Month): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
}

function nextMonth(month: Month): Month {
	return monthOf(addDays(lastDayOf(month), 1));
}

/** Every month from the first incident with action items to today's month, newest first. */
export function reviewMonths(aged: ReadonlyArray<AgedItem>, today: string): Month[] {
	if (aged.length === 0) return [monthOf(today)];
	let first = monthOf(today);
	for (const a of aged) if (monthOf(a.incidentDate) < first) first = monthOf(a.incidentDate);
	const months: Month[] = [];
	for (let m = first; m <= monthOf(today); m = nextMonth(m)) months.push(m);
	return months.reverse();
}

/** Whether the item was open at the end of `day`. */
export function openOn(a: AgedItem, day: string): boolean {
	if (a.incidentDate > day) return false;
	return !a.item.completedOn || a.item.completedOn > day || (a.item.status !== 'done' && a.item.status !== 'wont-do');
}

/** The day an item became overdue, if it did: the day after `due`, unless closed by then. */
export function becameOverdueOn(a: AgedItem): string | undefined {
	const closedByDue = (a.item.status === 'done' || a.item.status === 'wont-do') && a.item.completedOn !== undefined && a.item.completedOn <= a.item.due;
	return closedByDue ? undefined : addDays(a.item.due, 1);
}

/**
 * What every month's review reads, computed once: items in open-list order, and the
 * items opened, closed and becoming overdue bucketed by month (per-month date
 * arithmetic over the whole archive is what made ten years of a large archive slow).
 */
interface Prepared {
	byDue: ReadonlyArray<AgedItem>;
	opened: Map<Month, AgedItem[]>;
	closed: Map<Month, AgedItem[]>;
	/** Month → the items that became overdue in it, with the day they did. */
	overdue: Map<Month, Array<{ a: AgedItem; day: string }>>;
}

function push<T>(map: Map<Month, T[]>, key: Month, value: T): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function prepare(aged: ReadonlyArray<AgedItem>): Prepared {
	const byDue = [...aged].sort(compareOpen);
	const prepared: Prepared = { byDue, opened: new Map(), closed: new Map(), overdue: new Map() };
	for (const a of byDue) {
		push(prepared.opened, monthOf(a.incidentDate), a);
		const day = becameOverdueOn(a);
		if (day) push(prepared.overdue, monthOf(day), { a, day });
	}
	for (const a of aged.filter((x) => (x.item.status === 'done' || x.item.status === 'wont-do') && x.item.completedOn).sort(compareClosed)) {
		push(prepared.closed, monthOf(a.item.completedOn!), a);
	}
	return prepared;
}

function reviewOf(prepared: Prepared, month: Month, today: string): MonthReview {
	const end = lastDayOf(month);
	const current = end >= today;
	const asOf = current ? today : end;
	const open = prepared.byDue.filter((a) => openOn(a, asOf));
	const owners = new Map<string, OwnerOpenCount>();
	let overdueCount = 0;
	for (const a of open) {
		const o = owners.get(a.item.owner) ?? { owner: a.item.owner, open: 0, overdue: 0 };
		o.open++;
		if (a.item.due < asOf) {
			o.overdue++;
			overdueCount++;
		}
		owners.set(a.item.owner, o);
	}
	return {
		month,
		asOf,
		current,
		opened: prepared.opened.get(month) ?? [],
		closed: prepared.closed.get(month) ?? [],
		newlyOverdue: (prepared.overdue.get(month) ?? []).filter((x) => x.day <= asOf).map((x) => x.a),
		oldestOpen: open.slice(0, OLDEST_LIMIT).map((a) => ({ aged: a, daysOverdue: Math.max(0, daysBetween(a.item.due, asOf)) })),
		openCount: open.length,
		overdueCount,
		owners: [...owners.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.owner.localeCompare(b.owner)),
	};
}

/** The review of one month, as of its last day (or `today` when the month is still running). */
export function monthReview(aged: ReadonlyArray<AgedItem>, month: Month, today: string): MonthReview {
	return reviewOf(prepare(aged), month, today);
}

/** Every month's review, newest first, computed once per build. */
export function monthlyReviews(aged: ReadonlyArray<AgedItem>, today: string): MonthReview[] {
	const prepared = prepare(aged);
	return reviewMonths(aged, today).map((m) => reviewOf(prepared, m, today));
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-11` → "November 2026". */
export function monthLabel(month: Month): string {
	return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}
