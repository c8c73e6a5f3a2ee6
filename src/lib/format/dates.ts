/** Calendar-date helpers. Dates are `YYYY-MM-DD` strings; the clock is always passed in. */

const DAY_MS = 86_400_000;

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date of an instant in an IANA time zone, `YYYY-MM-DD`. */
export function calendarDateIn(instant: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whether a string is a real `YYYY-MM-DD` date. */
export function isIsoDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const d = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

// One format for prose and one for tables, everywhere (pages, the recompute script, the CLI).
const proseDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar date `YYYY-MM-DD` in prose: "14 March 2025" (the date as written, whatever the reader's zone). */
export function formatDay(isoDate: string): string {
	return proseDay.format(new Date(`${isoDate}T00:00:00Z`));
}

/** A calendar date in a table cell: "2025-03-14" (one width, sorts as it reads, as in the CSV and JSON exports). */
export function formatTableDay(isoDate: string): string {
	return isoDate;
}
