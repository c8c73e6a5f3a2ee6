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

/** A median number of days, in whole days (a median of an even count may fall on a half), or a dash when there is none. */
export function medianLabel(value: number | null): string {
	return value === null ? '—' : String(Math.round(value));
}

/** The "oldest" cell of a roll-up: "OPS-201, 134 days overdue". */
export function oldestLabel(id: string, state: ItemState, daysOverdue: number, daysLeft: number): string {
	return `${id}, ${daysLabel(state, daysOverdue, daysLeft)}`;
}
