import { isoInstant } from './labels.ts';

/**
 * Instants and wall-clock times in IANA time zones, with no library: the
 * artefacts carry `Z`, `+02:00` and zone-less local times, and the timeline is
 * shown in the archive's zone with its UTC offset.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows (`Europe/Berlin`, `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
	try {
		partsFormatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

function wallTimeAt(instantMs: number, timeZone: string): WallTime {
	const out: Record<string, number> = {};
	for (const p of partsFormatter(timeZone).formatToParts(new Date(instantMs))) {
		if (p.type !== 'literal') out[p.type] = Number(p.value);
	}
	return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/** The zone's offset from UTC at an instant, in minutes (+120 for CEST). */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
	const w = wallTimeAt(instantMs, timeZone);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time names in `timeZone`. In a DST gap the time is
 * read with the offset before the change; in an overlap, the earlier instant.
 */
export function wallTimeToInstant(w: WallTime, timeZone: string): number {
	const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	const first = guess - offsetMinutesAt(guess, timeZone) * 60_000;
	const second = guess - offsetMinutesAt(first, timeZone) * 60_000;
	if (first === second) return first;
	const shows = (ms: number) => {
		const at = wallTimeAt(ms, timeZone);
		return at.year === w.year && at.month === w.month && at.day === w.day && at.hour === w.hour && at.minute === w.minute;
	};
	const real = [first, second].filter(shows);
	// Both real: an overlap, take the earlier. Neither: a gap, read with the offset before the change (the later instant).
	return real.length ? Math.min(...real) : Math.max(first, second);
}

/** `+02:00`, `-05:30`, `+00:00`. */
export function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-07-22 04:14:05 +02:00`: an instant as the zone's clock shows it, with the offset. */
export function formatInZone(instantMs: number, timeZone: string): string {
	const w = wallTimeAt(instantMs, timeZone);
	return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} ${formatOffset(offsetMinutesAt(instantMs, timeZone))}`;
}

/** `2026-07-22T02:14:05Z`: UTC to the second (fractions dropped, as the contract's events have). */
export function utcSecond(instantMs: number): string {
	return isoInstant(new Date(Math.floor(instantMs / 1000) * 1000));
}

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads `2026-07-22T02:14:00Z`, `2026-07-22T04:14:00+02:00`, `2026-07-22 02:14`
 * or `2026-07-22`; a time without a zone is read in `timeZone`. Undefined when
 * the text is not such a time or names an impossible one (2026-02-31).
 */
export function parseInstant(text: string, timeZone: string): number | undefined {
	const m = INSTANT_RE.exec(text.trim());
	if (!m) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
	const w = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s) };
	if (!isRealWallTime(w)) return undefined;
	if (!zone) return wallTimeToInstant(w, timeZone);
	const base = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	if (/^(Z|UTC)$/i.test(zone)) return base;
	const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
	const minutes = Number(z[2]) * 60 + Number(z[3] ?? 0);
	return base - (z[1] === '-' ? -minutes : minutes) * 60_000;
}

/** Whether the fields name a real calendar day and clock time. */
export function isRealWallTime(w: WallTime): boolean {
	if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 60) return false;
	return w.day <= new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
}

/** The calendar day (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function dayInZone(instantMs: number, timeZone: string): string {
	return formatInZone(instantMs, timeZone).slice(0, 10);
}
