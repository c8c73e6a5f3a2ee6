import type { ArchiveConfig } from '../../schemas/config.ts';
import { FACTOR_KINDS, type FactorKind } from '../../schemas/contributing-factor.ts';
import { SEVERITIES, type Severity } from '../../schemas/severity.ts';
import { toIsoDate } from '../../schemas/primitives.ts';
import type { ArchiveActionItem, ArchiveEntry } from '../archive/types.ts';
import { incidentDurations } from '../format/durations.ts';
import { dueWindowDays } from '../validation/policies.ts';
import { dayNumber } from '../../schemas/primitives.ts';
import { countOf } from '../format/labels.ts';
import { median } from '../stats/median.ts';

/**
 * The numbers behind the insights page. Pure: entries, items and `today`
 * (`YYYY-MM-DD`, the build day) come in; plain data goes out. Months and
 * quarters are taken from `startedAt` in UTC, like the archive's year index.
 */

type BySeverity<T> = Record<Severity, T>;

function bySeverity<T>(make: () => T): BySeverity<T> {
	return Object.fromEntries(SEVERITIES.map((s) => [s, make()])) as BySeverity<T>;
}

/** `YYYY-MM` of a `YYYY-MM-DD` date. */
const monthOf = (date: string) => date.slice(0, 7);

/** The `count` calendar months ending with `today`'s, oldest first: `['2023-08', …, '2025-07']`. */
export function lastMonths(today: string, count: number): string[] {
	const year = Number(today.slice(0, 4));
	const month = Number(today.slice(5, 7)) - 1;
	return Array.from({ length: count }, (_, i) => {
		const d = new Date(Date.UTC(year, month - (count - 1 - i), 1));
		return d.toISOString().slice(0, 7);
	});
}

/** `YYYY-Qn` of a `YYYY-MM-DD` (or `YYYY-MM`) date. */
export function quarterOf(date: string): string {
	return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The `count` quarters ending with `today`'s, oldest first: `['2023-Q4', …, '2025-Q3']`. */
export function lastQuarters(today: string, count: number): string[] {
	const months = lastMonths(today, count * 3);
	return [...new Set(months.map(quarterOf))].slice(-count);
}

export interface MonthCount {
	/** `YYYY-MM`. */
	month: string;
	bySeverity: BySeverity<number>;
	total: number;
}

/** Incidents started in each of the last `months` months (today's included), split by severity. */
export function incidentsPerMonth(entries: ReadonlyArray<ArchiveEntry>, today: string, months = 24): MonthCount[] {
	const buckets = new Map(lastMonths(today, months).map((month) => [month, { month, bySeverity: bySeverity(() => 0), total: 0 }]));
	for (const e of entries) {
		const bucket = buckets.get(monthOf(toIsoDate(e.data.startedAt)));
		if (!bucket) continue;
		bucket.bySeverity[e.data.severity]++;
		bucket.total++;
	}
	return [...buckets.values()];
}

export interface MedianCell {
	/** Median milliseconds, undefined without data. */
	ms: number | undefined;
	/** How many incidents the median is taken over. */
	count: number;
}

export interface QuarterMedians {
	/** `YYYY-Qn`. */
	quarter: string;
	/** From `startedAt` to `detectedAt`. */
	detect: BySeverity<MedianCell>;
	/** From `startedAt` to `resolvedAt`. */
	resolve: BySeverity<MedianCell>;
}

/**
 * Median time to detect and to resolve, per quarter (the last `quarters`, today's
 * included) and severity. Incidents without the timestamp are left out of that median.
 */
export function medianTimesPerQuarter(entries: ReadonlyArray<ArchiveEntry>, today: string, quarters = 8): QuarterMedians[] {
	const raw = new Map(lastQuarters(today, quarters).map((q) => [q, { detect: bySeverity<number[]>(() => []), resolve: bySeverity<number[]>(() => []) }]));
	for (const e of entries) {
		const bucket = raw.get(quarterOf(toIsoDate(e.data.startedAt)));
		if (!bucket) continue;
		const { toDetect, toResolve } = incidentDurations(e.data);
		if (toDetect !== undefined) bucket.detect[e.data.severity].push(toDetect);
		if (toResolve !== undefined) bucket.resolve[e.data.severity].push(toResolve);
	}
	const cell = (values: number[]): MedianCell => ({ ms: median(values), count: values.length });
	return [...raw].map(([quarter, b]) => ({
		quarter,
		detect: Object.fromEntries(SEVERITIES.map((s) => [s, cell(b.detect[s])])) as BySeverity<MedianCell>,
		resolve: Object.fromEntries(SEVERITIES.map((s) => [s, cell(b.resolve[s])])) as BySeverity<MedianCell>,
	}));
}

export interface FactorCount {
	kind: FactorKind;
	/** Factors of this kind across the archive. */
	factors: number;
	/** Incidents with at least one factor of this kind. */
	incidents: number;
}

/** Contributing factors by kind, most frequent first (ties in display order). */
export function factorsByKind(entries: ReadonlyArray<ArchiveEntry>): FactorCount[] {
	const counts = new Map(FACTOR_KINDS.map((kind) => [kind, { kind, factors: 0, incidents: 0 }]));
	for (const e of entries) {
		const seen = new Set<FactorKind>();
		for (const f of e.data.contributingFactors) {
			const c = counts.get(f.kind)!;
			c.factors++;
			if (!seen.has(f.kind)) c.incidents++;
			seen.add(f.kind);
		}
	}
	return [...counts.values()].sort((a, b) => b.factors - a.factors || FACTOR_KINDS.indexOf(a.kind) - FACTOR_KINDS.indexOf(b.kind));
}

export interface KeyCount {
	key: string;
	count: number;
}

/** The `limit` keys with the most entries (services or tags), from an archive index. */
export function topKeys(index: ReadonlyMap<string, ReadonlyArray<unknown>>, limit = 10): KeyCount[] {
	return [...index]
		.map(([key, list]) => ({ key, count: list.length }))
		.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
		.slice(0, limit);
}

/** An action item is closed once `done` or `wont-do`. */
const isClosed = (a: ArchiveActionItem) => a.item.status === 'done' || a.item.status === 'wont-do';

export interface ActionMonth {
	/** `YYYY-MM`. */
	month: string;
	/** Items from incidents that started this month (items carry no creation date). */
	opened: number;
	/** Items closed (`done` or `wont-do`) this month, by `completedOn`. */
	closed: number;
}

/** Action items opened and closed in each of the last `months` months. */
export function actionItemsPerMonth(items: ReadonlyArray<ArchiveActionItem>, today: string, months = 24): ActionMonth[] {
	const buckets = new Map(lastMonths(today, months).map((month) => [month, { month, opened: 0, closed: 0 }]));
	for (const a of items) {
		const opened = buckets.get(monthOf(toIsoDate(a.entry.data.startedAt)));
		if (opened) opened.opened++;
		if (isClosed(a) && a.item.completedOn) {
			const closed = buckets.get(monthOf(a.item.completedOn));
			if (closed) closed.closed++;
		}
	}
	return [...buckets.values()];
}

export interface WindowShare {
	/** Closed on or before the last day the policy window allows. */
	inWindow: number;
	/** Closed, but after the window ended. */
	late: number;
	/** Still open and the window has already ended. */
	missed: number;
	/** Still open and the window has not ended yet: not counted in the share. */
	pending: number;
	/** inWindow / (inWindow + late + missed); undefined when nothing is decided yet. */
	share: number | undefined;
}

function emptyShare(): WindowShare {
	return { inWindow: 0, late: 0, missed: 0, pending: 0, share: undefined };
}

/**
 * How many action items were closed within their policy window (policies.ts:
 * `dueWindowDays`, from the incident's start, severity and the item's priority),
 * overall and per incident severity, as of `today`.
 */
export function closedWithinWindow(
	items: ReadonlyArray<ArchiveActionItem>,
	today: string,
	policy: ArchiveConfig['policy'],
): { overall: WindowShare; bySeverity: BySeverity<WindowShare> } {
	const overall = emptyShare();
	const perSeverity = bySeverity(emptyShare);
	for (const a of items) {
		// As day numbers, not text: dates compare as dates in any year.
		const windowEnd = dayNumber(a.entry.data.startedAt) + dueWindowDays(a.entry.data.severity, a.item.priority, policy);
		const outcome: keyof Omit<WindowShare, 'share'> =
			isClosed(a) && a.item.completedOn
				? dayNumber(a.item.completedOn) <= windowEnd
					? 'inWindow'
					: 'late'
				: windowEnd < dayNumber(today)
					? 'missed'
					: 'pending';
		overall[outcome]++;
		perSeverity[a.entry.data.severity][outcome]++;
	}
	for (const s of [overall, ...Object.values(perSeverity)]) {
		const decided = s.inWindow + s.late + s.missed;
		s.share = decided > 0 ? s.inWindow / decided : undefined;
	}
	return { overall, bySeverity: perSeverity };
}

// ---- One-line readings of each chart (plain text; the page renders them) ----

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2025-03` → `March 2025`. */
export function monthLabel(month: string): string {
	return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** `2025-Q2` → `Q2 2025`. */
export function quarterLabel(quarter: string): string {
	return `${quarter.slice(5)} ${quarter.slice(0, 4)}`;
}


/** Reading of the incidents-per-month chart: the last 12 months against the 12 before, the share of SEV1/SEV2, the busiest month. */
export function readIncidentsPerMonth(months: ReadonlyArray<MonthCount>): string {
	const total = months.reduce((n, m) => n + m.total, 0);
	if (total === 0) return `No incidents started in the last ${months.length} months.`;
	const recent = months.slice(-12).reduce((n, m) => n + m.total, 0);
	const before = months.slice(0, -12).reduce((n, m) => n + m.total, 0);
	const most = Math.max(...months.map((m) => m.total));
	const busiest = months.filter((m) => m.total === most);
	const severe = months.reduce((n, m) => n + m.bySeverity.SEV1 + m.bySeverity.SEV2, 0);
	const trend = months.length > 12 ? `${countOf(recent, 'incident')} in the last 12 months against ${before} in the 12 before` : countOf(total, 'incident');
	// Name the busiest month only when there is one that stands out.
	const peak = most >= 2 && busiest.length === 1 ? `; the busiest month was ${monthLabel(busiest[0]!.month)} with ${most}` : '';
	return `${trend}; ${severe} of ${total} were SEV1 or SEV2${peak}.`;
}

/** Reading of a median-time chart: the latest quarter with data, per severity. */
export function readMedians(quarters: ReadonlyArray<QuarterMedians>, which: 'detect' | 'resolve', format: (ms: number) => string): string {
	const verb = which === 'detect' ? 'detect' : 'resolve';
	const latest = [...quarters].reverse().find((q) => SEVERITIES.some((s) => q[which][s].count > 0));
	if (!latest) return `No incident in these quarters records when it was ${which === 'detect' ? 'detected' : 'resolved'}.`;
	const parts = SEVERITIES.filter((s) => latest[which][s].count > 0).map((s) => `${s} ${format(latest[which][s].ms!)}`);
	return `In ${quarterLabel(latest.quarter)}, the latest quarter with data, the median time to ${verb} was ${parts.join(', ')}.`;
}

/** Reading of the contributing-factors chart. */
export function readFactors(factors: ReadonlyArray<FactorCount>): string {
	const total = factors.reduce((n, f) => n + f.factors, 0);
	const top = factors[0];
	if (!top || total === 0) return 'No contributing factors recorded yet.';
	return `${top.kind[0]!.toUpperCase()}${top.kind.slice(1)} factors are the most common: ${top.factors} of ${total} (${Math.round((top.factors / total) * 100)}%), in ${countOf(top.incidents, 'incident')}.`;
}

/** Reading of a ranked list of services or tags. */
export function readTopKeys(keys: ReadonlyArray<KeyCount>, noun: string): string {
	const [first, second] = keys;
	if (!first) return `No ${noun}s recorded yet.`;
	const then = second ? `, then ${second.key} (${second.count})` : '';
	return `${first.key} has the most incidents (${first.count})${then}.`;
}

/** Reading of the opened-vs-closed chart. */
export function readActionFlow(months: ReadonlyArray<ActionMonth>): string {
	const opened = months.reduce((n, m) => n + m.opened, 0);
	const closed = months.reduce((n, m) => n + m.closed, 0);
	if (opened + closed === 0) return `No action items opened or closed in the last ${months.length} months.`;
	const balance = closed >= opened ? 'the backlog shrank' : `the backlog grew by ${opened - closed}`;
	return `${countOf(opened, 'action item')} opened and ${closed} closed in the last ${months.length} months: ${balance}.`;
}

/** Reading of the closed-within-window chart. */
export function readWindowShare(share: WindowShare): string {
	const decided = share.inWindow + share.late + share.missed;
	if (share.share === undefined) return 'No action item has reached the end of its policy window yet.';
	const missed = share.missed > 0 ? `; ${share.missed} still open past it` : '';
	return `${Math.round(share.share * 100)}% of action items were closed within the policy window (${share.inWindow} of ${decided})${missed}.`;
}
