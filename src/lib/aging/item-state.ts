/**
 * The day arithmetic of action-item aging, with no imports beyond plain date maths,
 * so the aging page's in-browser recompute script bundles exactly this code and the
 * build, the CLI and the viewer's browser can never disagree. Dates are `YYYY-MM-DD`.
 */

import { daysBetween } from '../format/dates.ts';

/** Where an item stands on a given day. */
export type ItemState = 'done' | 'wont-do' | 'open' | 'overdue';

/** The fields the state depends on (`status` as written in the file). */
export interface DatedItem {
	status: 'open' | 'in-progress' | 'done' | 'wont-do';
	due: string;
}

/** Overdue: `open` or `in-progress` with `due` before `today` (due today is not overdue). */
export function isOverdue(item: DatedItem, today: string): boolean {
	return (item.status === 'open' || item.status === 'in-progress') && item.due < today;
}

/** The state of one item on `today`. */
export function itemState(item: DatedItem, today: string): ItemState {
	if (item.status === 'done' || item.status === 'wont-do') return item.status;
	return item.due < today ? 'overdue' : 'open';
}

/** The age buckets of the aging chart, in display order. */
export const AGE_BUCKETS = [
	{ key: 'not-due', label: 'Not yet due', min: -Infinity, max: 0 },
	{ key: '1-7', label: '1–7 days', min: 1, max: 7 },
	{ key: '8-30', label: '8–30 days', min: 8, max: 30 },
	{ key: '31-90', label: '31–90 days', min: 31, max: 90 },
	{ key: 'over-90', label: 'Over 90 days', min: 91, max: Infinity },
] as const;

export type AgeBucketKey = (typeof AGE_BUCKETS)[number]['key'];

/** The bucket of a still-open item from its days overdue (0 = not yet due, due today included). */
export function ageBucket(daysOverdue: number): AgeBucketKey {
	for (const b of AGE_BUCKETS) if (daysOverdue >= b.min && daysOverdue <= b.max) return b.key;
	return 'not-due';
}

/** "Closed in the last 90 days": closed on one of the 90 days ending with `today` (today included). */
export const RECENTLY_CLOSED_DAYS = 90;

/** Whether an item closed on `completedOn` counts as closed in the last 90 days as of `today`. */
export function closedRecently(completedOn: string | undefined, today: string): boolean {
	if (!completedOn) return false;
	const ago = daysBetween(completedOn, today);
	return ago >= 0 && ago < RECENTLY_CLOSED_DAYS;
}

/** The calendar date of an instant in the runtime's own time zone (the viewer's, in a browser). */
export function localCalendarDate(instant: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}
