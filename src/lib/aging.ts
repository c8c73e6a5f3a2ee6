import type { ArchiveConfig } from '../schemas/config.ts';
import type { ActionItem } from '../schemas/action-item.ts';
import type { Severity } from '../schemas/severity.ts';
import { toIsoDate } from '../schemas/primitives.ts';
import type { ArchiveActionItem } from './archive.ts';
import { daysBetween } from './dates.ts';
import { breaksDueWindow } from './policies.ts';

/**
 * Action-item aging. Pure: `today` is a `YYYY-MM-DD` calendar date passed in
 * (in the config's time zone), so every page, CLI and export agrees.
 */

/** Where an item stands on a given day. */
export type ItemState = 'done' | 'wont-do' | 'open' | 'overdue';

/** An action item with everything computed about it as of one day. */
export interface AgedItem {
	item: ActionItem;
	/** The postmortem it came from. */
	slug: string;
	incidentTitle: string;
	severity: Severity;
	/** The incident's start as a calendar date (UTC). */
	incidentDate: string;
	state: ItemState;
	/** Days past due (> 0) when overdue, else 0. */
	daysOverdue: number;
	/** Days until due (>= 0) when open and not overdue, else 0. */
	daysLeft: number;
	/** Days since the incident started. */
	ageDays: number;
	/** Whether `due` is later than the policy window allows. */
	breaksWindow: boolean;
	/** For closed items with `completedOn`: days from incident to close. */
	daysToClose?: number;
}

/** Overdue: `open` or `in-progress` with `due` before `today` (due today is not overdue). */
export function isOverdue(item: Pick<ActionItem, 'status' | 'due'>, today: string): boolean {
	return (item.status === 'open' || item.status === 'in-progress') && item.due < today;
}

/** The state of one item on `today`. */
export function itemState(item: Pick<ActionItem, 'status' | 'due'>, today: string): ItemState {
	if (item.status === 'done' || item.status === 'wont-do') return item.status;
	return item.due < today ? 'overdue' : 'open';
}

/** Computes one item's aging as of `today`. */
export function ageActionItem(flat: ArchiveActionItem, today: string, policy: ArchiveConfig['policy']): AgedItem {
	const { item, entry } = flat;
	const incidentDate = toIsoDate(entry.data.startedAt);
	const state = itemState(item, today);
	const toDue = daysBetween(today, item.due);
	return {
		item,
		slug: entry.slug,
		incidentTitle: entry.data.title,
		severity: entry.data.severity,
		incidentDate,
		state,
		daysOverdue: state === 'overdue' ? -toDue : 0,
		daysLeft: state === 'open' ? toDue : 0,
		ageDays: daysBetween(incidentDate, today),
		breaksWindow: breaksDueWindow(item, entry.data, policy),
		daysToClose: item.completedOn ? daysBetween(incidentDate, item.completedOn) : undefined,
	};
}
