/**
 * Words and numbers the aging page shows, shared by the build-time components and the
 * in-browser recompute script so both print exactly the same text. No imports of
 * anything heavier than plain functions: this ships to the browser.
 */

import { countOf } from '../format/labels.ts';
import type { ItemState } from './item-state.ts';

/** "134 days overdue", "due today", "7 days left"; closed items get their outcome. */
export function daysLabel(state: ItemState, daysOverdue: number, daysLeft: number): string {
	if (state === 'overdue') return `${countOf(daysOverdue, 'day')} overdue`;
	if (state === 'open') return daysLeft === 0 ? 'due today' : `${countOf(daysLeft, 'day')} left`;
	return state === 'done' ? 'done' : "won't do";
}

/** A median (may be x.5) or a dash when there is none. */
export function medianLabel(value: number | null): string {
	return value === null ? '—' : String(Math.round(value * 10) / 10);
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-11-21` → "21 November 2026" (the date as written, whatever the reader's zone). */
export function formatDay(date: string): string {
	return dayFormat.format(new Date(`${date}T00:00:00Z`));
}

/** The "oldest" cell of a roll-up: "OPS-201, 134 days overdue". */
export function oldestLabel(id: string, state: ItemState, daysOverdue: number, daysLeft: number): string {
	return `${id}, ${daysLabel(state, daysOverdue, daysLeft)}`;
}
