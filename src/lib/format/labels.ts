/** Display formatting for the site: dates, times, labels and counts. Pure. */

import type { ActionStatus } from '../../schemas/action-item.ts';
import type { PostmortemStatus } from '../../schemas/status.ts';

const LOCALE = 'en-GB';
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const timeFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = dayFormatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat(LOCALE, { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
		dayFormatters.set(timeZone, f);
	}
	return f;
}

function timeFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = timeFormatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat(LOCALE, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
		timeFormatters.set(timeZone, f);
	}
	return f;
}

/** The calendar day of an instant in a time zone, in prose: "14 March 2025" (see formatDay in dates.ts). */
export function formatInstantDay(instant: Date, timeZone: string): string {
	return dayFormatter(timeZone).format(instant);
}

/** The clock time of an instant in a time zone, with the zone: "09:30 UTC". */
export function formatTime(instant: Date, timeZone: string): string {
	return timeFormatter(timeZone).format(instant);
}

/** Day and time of an instant: "14 March 2025, 09:30 UTC". */
export function formatInstant(instant: Date, timeZone: string): string {
	return `${formatInstantDay(instant, timeZone)}, ${formatTime(instant, timeZone)}`;
}

/** Machine-readable instant for `<time datetime>`, without milliseconds: "2025-03-14T09:30:00Z". */
export function isoInstant(instant: Date): string {
	return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "1 postmortem", "3 postmortems". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
	return `${n.toLocaleString(LOCALE)} ${n === 1 ? singular : plural}`;
}

const STATUS_LABELS: Record<PostmortemStatus, string> = { draft: 'Draft', review: 'In review', published: 'Published' };

/** A postmortem status for people: "In review". */
export function postmortemStatusLabel(status: PostmortemStatus): string {
	return STATUS_LABELS[status];
}

const ACTION_LABELS: Record<ActionStatus, string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done', 'wont-do': 'Won’t do' };

/** An action item status for people: "In progress". */
export function actionStatusLabel(status: ActionStatus): string {
	return ACTION_LABELS[status];
}

/** "yes" / "no" / "not recorded" for optional booleans. */
export function yesNo(value: boolean | undefined): string {
	return value === undefined ? 'not recorded' : value ? 'yes' : 'no';
}
