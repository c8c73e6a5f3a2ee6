import { calendarDateIn } from '../lib/format/dates.ts';

/**
 * The day this build treats as "today" for due dates, in the config's time zone.
 * PM_AS_OF=YYYY-MM-DD pins it (tests, reproducible builds).
 */
export function buildDay(timeZone: string): string {
	return process.env.PM_AS_OF || calendarDateIn(new Date(), timeZone);
}

/**
 * The instant files are stamped with (the calendar's DTSTAMP): now, or midnight UTC of
 * PM_AS_OF when the build day is pinned, so pinned builds are byte-for-byte reproducible.
 */
export function buildStamp(): Date {
	const pinned = process.env.PM_AS_OF;
	return pinned ? new Date(`${pinned}T00:00:00Z`) : new Date();
}
