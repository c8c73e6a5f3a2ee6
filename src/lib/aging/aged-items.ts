import type { ArchiveConfig } from '../../schemas/config.ts';
import { PRIORITIES, type ActionItem, type Priority } from '../../schemas/action-item.ts';
import { SEVERITIES, type Severity } from '../../schemas/severity.ts';
import type { PostmortemStatus } from '../../schemas/status.ts';
import { toIsoDate } from '../../schemas/primitives.ts';
import type { ArchiveActionItem } from '../archive/types.ts';
import { AGE_BUCKETS, ageBucket, closedRecently, itemState, type AgeBucketKey, type ItemState } from './item-state.ts';
import { median } from '../stats/median.ts';
import { daysBetween } from '../format/dates.ts';
import { breaksDueWindow } from '../validation/policies.ts';

/**
 * Action-item aging. Pure: `today` is a `YYYY-MM-DD` calendar date passed in
 * (in the config's time zone), so every page, CLI and export agrees.
 * The day arithmetic itself lives in aging-core.ts, shared with the browser.
 */

export { AGE_BUCKETS, ageBucket, closedRecently, isOverdue, itemState, RECENTLY_CLOSED_DAYS } from './item-state.ts';
export type { AgeBucketKey, ItemState } from './item-state.ts';

/** An action item with everything computed about it as of one day. */
export interface AgedItem {
	item: ActionItem;
	/** The postmortem it came from. */
	slug: string;
	incidentTitle: string;
	severity: Severity;
	/** The incident's id in the incident tool (`INC-2291`), when given. */
	incidentId?: string;
	/** The postmortem's status; only `published` ones appear on the published site. */
	postmortemStatus: PostmortemStatus;
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
	/** For closed items: days after `due` it was closed (0 when on time or early). */
	daysLateAtClose?: number;
}

/** Computes one item's aging as of `today`. */
export function ageActionItem(flat: ArchiveActionItem, today: string, policy: ArchiveConfig['policy']): AgedItem {
	const { item, entry } = flat;
	const incidentDate = toIsoDate(entry.data.startedAt);
	const state = itemState(item, today);
	const toDue = daysBetween(today, item.due);
	const closed = state === 'done' || state === 'wont-do';
	return {
		item,
		slug: entry.slug,
		incidentTitle: entry.data.title,
		severity: entry.data.severity,
		incidentId: entry.data.incident,
		postmortemStatus: entry.data.status,
		incidentDate,
		state,
		daysOverdue: state === 'overdue' ? -toDue : 0,
		daysLeft: state === 'open' ? toDue : 0,
		ageDays: daysBetween(incidentDate, today),
		breaksWindow: breaksDueWindow(item, entry.data, policy),
		daysToClose: item.completedOn ? daysBetween(incidentDate, item.completedOn) : undefined,
		daysLateAtClose: closed && item.completedOn ? Math.max(0, daysBetween(item.due, item.completedOn)) : undefined,
	};
}

/** Ages every item (archive order kept). */
export function ageActionItems(items: ReadonlyArray<ArchiveActionItem>, today: string, policy: ArchiveConfig['policy']): AgedItem[] {
	return items.map((flat) => ageActionItem(flat, today, policy));
}

/** Whether the item is still to do (overdue or open). */
export function isStillOpen(a: Pick<AgedItem, 'state'>): boolean {
	return a.state === 'open' || a.state === 'overdue';
}

const priorityRank = (p: Priority) => PRIORITIES.indexOf(p);

/**
 * Order of the open-items lists: earliest due first, which is overdue first with the
 * most overdue on top, then the soonest due; ties by priority, then id. The order does
 * not depend on `today`, so a page recomputed on a later day stays correctly sorted.
 */
export function compareOpen(a: AgedItem, b: AgedItem): number {
	return a.item.due.localeCompare(b.item.due) || priorityRank(a.item.priority) - priorityRank(b.item.priority) || a.item.id.localeCompare(b.item.id);
}

/** Order of the closed-items list: most recently closed first, then id. */
export function compareClosed(a: AgedItem, b: AgedItem): number {
	return (b.item.completedOn ?? '').localeCompare(a.item.completedOn ?? '') || a.item.id.localeCompare(b.item.id);
}

/** Open and overdue items, most overdue on top. */
export function openItems(aged: ReadonlyArray<AgedItem>): AgedItem[] {
	return aged.filter(isStillOpen).sort(compareOpen);
}

/** Done and won't-do items, most recently closed first. */
export function closedItems(aged: ReadonlyArray<AgedItem>): AgedItem[] {
	return aged.filter((a) => !isStillOpen(a)).sort(compareClosed);
}

/** One bar of the aging chart. */
export interface BucketCount {
	key: AgeBucketKey;
	label: string;
	count: number;
}

/** Open items per age bucket (not yet due; 1-7; 8-30; 31-90; over 90 days overdue). */
export function bucketCounts(aged: ReadonlyArray<AgedItem>): BucketCount[] {
	const counts = new Map<AgeBucketKey, number>(AGE_BUCKETS.map((b) => [b.key, 0]));
	for (const a of aged) if (isStillOpen(a)) counts.set(ageBucket(a.daysOverdue), counts.get(ageBucket(a.daysOverdue))! + 1);
	return AGE_BUCKETS.map((b) => ({ key: b.key, label: b.label, count: counts.get(b.key)! }));
}

/** The headline figures of the aging page. */
export interface AgingSummary {
	/** The day the figures are for, `YYYY-MM-DD`. */
	asOf: string;
	/** Every item counted. */
	total: number;
	/** Still to do: overdue plus not yet due. */
	open: number;
	overdue: number;
	/** Overdue items of priority P0 or P1. */
	overdueUrgent: number;
	/** Open items not yet past due (due today included). */
	notYetDue: number;
	/** Median days overdue of the overdue items; null when none is overdue. */
	medianDaysOverdue: number | null;
	/** Done plus won't do. */
	closed: number;
	/** Closed on one of the 90 days ending with `asOf`. */
	closedLast90Days: number;
	/** Median days from incident to close of the closed items; null when none. */
	medianDaysToClose: number | null;
	buckets: BucketCount[];
}

/** The headline figures as of `today`. */
export function summarize(aged: ReadonlyArray<AgedItem>, today: string): AgingSummary {
	const overdue = aged.filter((a) => a.state === 'overdue');
	const closed = aged.filter((a) => !isStillOpen(a));
	return {
		asOf: today,
		total: aged.length,
		open: aged.length - closed.length,
		overdue: overdue.length,
		overdueUrgent: overdue.filter((a) => a.item.priority === 'P0' || a.item.priority === 'P1').length,
		notYetDue: aged.filter((a) => a.state === 'open').length,
		medianDaysOverdue: median(overdue.map((a) => a.daysOverdue)) ?? null,
		closed: closed.length,
		closedLast90Days: closed.filter((a) => closedRecently(a.item.completedOn, today)).length,
		medianDaysToClose: median(closed.flatMap((a) => (a.daysToClose === undefined ? [] : [a.daysToClose]))) ?? null,
		buckets: bucketCounts(aged),
	};
}

/** Counts for one owner, severity or priority. */
export interface RollUp<K extends string = string> {
	key: K;
	total: number;
	open: number;
	overdue: number;
	/** Overdue P0 and P1 items. */
	overdueUrgent: number;
	done: number;
	wontDo: number;
	/** The open item with the earliest due date: the most overdue one, or else the next due. */
	oldest?: AgedItem;
	/** Median days from incident to close of the closed items; null when none. */
	medianDaysToClose: number | null;
}

function rollUp<K extends string>(key: K, items: ReadonlyArray<AgedItem>): RollUp<K> {
	const open = openItems(items);
	const closed = items.filter((a) => !isStillOpen(a));
	return {
		key,
		total: items.length,
		open: open.length,
		overdue: open.filter((a) => a.state === 'overdue').length,
		overdueUrgent: open.filter((a) => a.state === 'overdue' && (a.item.priority === 'P0' || a.item.priority === 'P1')).length,
		done: closed.filter((a) => a.state === 'done').length,
		wontDo: closed.filter((a) => a.state === 'wont-do').length,
		oldest: open[0],
		medianDaysToClose: median(closed.flatMap((a) => (a.daysToClose === undefined ? [] : [a.daysToClose]))) ?? null,
	};
}

/** Per owner, most overdue owners first (then most open, then by name). */
export function rollUpByOwner(aged: ReadonlyArray<AgedItem>): RollUp[] {
	return [...Map.groupBy(aged, (a) => a.item.owner)]
		.map(([owner, items]) => rollUp(owner, items))
		.sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.key.localeCompare(b.key));
}

/** Per incident severity, SEV1 first; every severity is listed, with zeros. */
export function rollUpBySeverity(aged: ReadonlyArray<AgedItem>): RollUp<Severity>[] {
	const groups = Map.groupBy(aged, (a) => a.severity);
	return SEVERITIES.map((s) => rollUp(s, groups.get(s) ?? []));
}

/** Per item priority, P0 first; every priority is listed, with zeros. */
export function rollUpByPriority(aged: ReadonlyArray<AgedItem>): RollUp<Priority>[] {
	const groups = Map.groupBy(aged, (a) => a.item.priority);
	return PRIORITIES.map((p) => rollUp(p, groups.get(p) ?? []));
}
