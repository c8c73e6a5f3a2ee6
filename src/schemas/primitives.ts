import { z } from 'zod';
import { slugify } from '../lib/routing/slug.ts';

/**
 * Shared building blocks of the frontmatter schema.
 *
 * Astro's loader parses YAML with js-yaml, which turns timestamps and dates into
 * `Date`; the scripts parse with `yaml` (YAML 1.2), which leaves them strings.
 * Every date-ish field therefore accepts both and coerces here, so the site and
 * the scripts always see the same values.
 */

const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an ISO-like timestamp string; a timestamp without a zone is read as UTC. */
export function parseTimestamp(text: string): Date | undefined {
	const trimmed = text.trim();
	const match = TIMESTAMP_RE.exec(trimmed);
	if (!match) return undefined;
	const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = match;
	const iso = `${y}-${mo}-${d}T${h.padStart(2, '0')}:${mi}:${s}${frac}${normaliseZone(zone)}`;
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return undefined;
	// Reject impossible calendar values that Date would silently roll over (2024-02-31).
	if (!isRealCalendarDate(Number(y), Number(mo), Number(d))) return undefined;
	return date;
}

function normaliseZone(zone: string | undefined): string {
	if (!zone || zone.toUpperCase() === 'Z') return 'Z';
	const m = /^([+-]\d{2}):?(\d{2})?$/.exec(zone);
	return m ? `${m[1]}:${m[2] ?? '00'}` : 'Z';
}

function isRealCalendarDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return d <= days;
}

/**
 * A calendar day as a whole number (days since 1970-01-01, UTC): an instant's UTC day, or a
 * `YYYY-MM-DD` date. Dates compare as numbers, never as strings, so year 10000 (an instant
 * at 9999-12-31T23:00-14:00) still sorts after 9999.
 */
export function dayNumber(value: Date | string): number {
	const ms = typeof value === 'string' ? Date.parse(`${value}T00:00:00Z`) : value.getTime();
	return Math.floor(ms / 86_400_000);
}

/** Formats a Date as its UTC calendar date, `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** A point in time: a YAML timestamp or an ISO string; no zone means UTC. */
export const timestamp = z
	.union([z.date(), z.string()], {
		error: requiredOr('must be a timestamp such as 2025-03-14T09:30:00Z'),
	})
	.transform((value, ctx): Date => {
		if (value instanceof Date) {
			if (Number.isNaN(value.getTime())) {
				ctx.addIssue({ code: 'custom', message: 'is not a valid timestamp' });
				return z.NEVER;
			}
			return value;
		}
		const parsed = parseTimestamp(value);
		if (!parsed) {
			ctx.addIssue({
				code: 'custom',
				message: `"${value}" is not a timestamp; write it like 2025-03-14T09:30:00Z (no zone means UTC)`,
			});
			return z.NEVER;
		}
		return parsed;
	});

/** A calendar date `YYYY-MM-DD`, normalised to that string whichever parser read it. */
export const calendarDate = z
	.union([z.date(), z.string()], { error: requiredOr('must be a date such as 2025-03-14') })
	.transform((value, ctx): string => {
		if (value instanceof Date) {
			if (Number.isNaN(value.getTime())) {
				ctx.addIssue({ code: 'custom', message: 'is not a valid date' });
				return z.NEVER;
			}
			return toIsoDate(value);
		}
		const trimmed = value.trim();
		const m = DATE_RE.exec(trimmed);
		if (!m || !isRealCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
			ctx.addIssue({ code: 'custom', message: `"${value}" is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14` });
			return z.NEVER;
		}
		return trimmed;
	});

/** A lower-case slug such as `customer-api`. */
export const slug = z
	.string({ error: 'must be a text slug such as customer-api' })
	.regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, {
		error: (issue) =>
			`"${String(issue.input)}" must be a lower-case slug (letters, digits and dashes), e.g. ${slugify(String(issue.input)) || 'my-service'}`,
	});

/** "is required" for a missing value, else `wrong`: keeps Zod's schema-level messages honest. */
export function requiredOr(wrong: string) {
	return (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : wrong);
}

/** A string that is not empty once trimmed. */
export const nonEmptyText = z.string({ error: requiredOr('must be text') }).trim().min(1, { error: 'must not be empty' });

/** An http or https URL. */
export const httpUrl = z.string({ error: requiredOr('must be a URL') }).refine(
	(value) => {
		try {
			const url = new URL(value);
			return url.protocol === 'http:' || url.protocol === 'https:';
		} catch {
			return false;
		}
	},
	{ error: (issue) => `"${String(issue.input)}" must be an http or https URL` },
);
