import { slugify } from '../routing/slug.ts';
import type { ArtefactEvent } from '../../schemas/artefact-event.ts';
import { parseInstant, utcSecond } from '../format/zoned-time.ts';
import type { Finding } from '../validation/findings.ts';

/** What every reader gets besides its data: the file (relative to the artefact folder) and the zone for zone-less times. */
export interface ReadContext {
	file: string;
	/** IANA zone in which times without a zone are read (`--tz`, default the archive's `timeZone`). */
	timeZone: string;
}

/** What a reader hands back: events, and findings naming the file and the entry or line (errors fail the run). */
export interface ReaderResult {
	events: ArtefactEvent[];
	problems: Finding[];
}

/** A finding about an artefact file; `path` names the entry (`log_entries[3]`), `line` the line where known. */
export function artefactProblem(file: string, message: string, where: { path?: string; line?: number; level?: 'error' | 'warning' } = {}): Finding {
	return { file, path: where.path ?? '', message, level: where.level ?? 'error', ...(where.line ? { line: where.line } : {}) };
}

/** One line: runs of whitespace (newlines included) become one space. */
export function oneLine(text: string): string {
	// Most texts are one line already; the regex replace is the costly part at 100,000 messages.
	return /\s\s|[\t\n\r\f\v\u00a0\u2028\u2029]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** An object's property when the value is an object itself. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string property, or undefined. */
export function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() ? value : undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** A `summary` (PagerDuty references) or `name`-like field of a nested object. */
export function nestedText(value: unknown, ...keys: string[]): string | undefined {
	if (!isRecord(value)) return undefined;
	for (const k of keys) {
		const t = textOf(value[k]);
		if (t) return t;
	}
	return undefined;
}

/** An ISO time (`Z`, `+02:00`, or zone-less read in `timeZone`) as the event's `at`, or undefined. */
export function atFromIso(value: unknown, timeZone: string): string | undefined {
	if (typeof value !== 'string') return undefined;
	const ms = parseInstant(value, timeZone);
	return ms === undefined ? undefined : utcSecond(ms);
}

/** Epoch seconds or milliseconds (number or numeric string) as the event's `at`, or undefined. */
export function atFromEpoch(value: unknown, unit: 'seconds' | 'milliseconds'): string | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	if (!Number.isFinite(n) || n <= 0) return undefined;
	const ms = unit === 'seconds' ? n * 1000 : n;
	// Beyond year 9999 the number is in the wrong unit (or nonsense).
	if (ms > 253_402_300_799_000) return undefined;
	return utcSecond(ms);
}

/** How a bad time value is described in a finding. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'is missing';
	const shown = typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : JSON.stringify(value);
	return `${shown} is not a time`;
}

/** Lower-case slug of a service name (`Customer API` → `customer-api`), or undefined when nothing is left. */
export function serviceSlug(name: unknown): string | undefined {
	const t = textOf(name);
	return t ? slugify(t) || undefined : undefined;
}
