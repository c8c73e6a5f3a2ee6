import type { ArtefactEvent } from '../../../schemas/artefact-event.ts';
import { addDays } from '../../format/dates.ts';
import { parseInstant, utcSecond } from '../../format/zoned-time.ts';
import { artefactProblem, oneLine, type ReadContext, type ReaderResult } from '../reader-kit.ts';

/**
 * Markdown or text notes: every line that starts with a time is an event
 * (`02:14 paged`, `- 2026-07-22 02:14 — paged`, `**02:14Z** paged`,
 * `2026-07-22T02:14:00+02:00 paged`). Other lines are prose and are skipped.
 * A time without a date is on the day of the nearest heading or line that is
 * only a date above it, else on the incident's day (from the other artefacts).
 */

export interface NotesContext extends ReadContext {
	/** The incident's day, `YYYY-MM-DD` in the `timeZone`, for times without a date. */
	day?: string;
}

// An optional list marker or emphasis, the time, then a separator and the text.
const TIMED_LINE =
	/^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__|`|\[)?(?:(\d{4}-\d{2}-\d{2})[T ])?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?(?:\s?(Z|UTC|[+-]\d{2}:?\d{2})(?![A-Za-z]))?(?:\*\*|__|`|\])?(?![\d:])\s*(?:[-–—:|]\s*)?(.*)$/i;
// A heading or a line that is only a date (`## 2026-07-22`, `Date: 2026-07-22`).
const DAY_LINE = /^\s*(?:#+\s*|date:\s*)?(?:\w+,?\s+)?(\d{4}-\d{2}-\d{2})\b[^:]*$/i;

/** Whether a text has at least one line that starts with a time. */
export function hasTimedLines(text: string): boolean {
	return text.split(/\r?\n/).some((line) => {
		const m = TIMED_LINE.exec(line);
		return m !== null && m[6]!.trim() !== '';
	});
}

/** Events from the timed lines of a notes file. */
export function notesEvents(text: string, ctx: NotesContext): ReaderResult {
	const events: ArtefactEvent[] = [];
	const problems: ReaderResult['problems'] = [];
	let day = ctx.day;
	let headingDay: string | undefined;
	let previous: { day: string; minutes: number } | undefined;
	text.split(/\r?\n/).forEach((raw, index) => {
		const line = index + 1;
		const m = TIMED_LINE.exec(raw);
		const rest = m?.[6]?.replace(/(\*\*|__)\s*$/, '').trim();
		if (!m || !rest) {
			const d = DAY_LINE.exec(raw)?.[1];
			if (d) {
				headingDay = d;
				previous = undefined;
			}
			return;
		}
		const [, date, h, mi, s = '0', zone] = m;
		let onDay = date;
		if (onDay) {
			previous = { day: onDay, minutes: Number(h) * 60 + Number(mi) };
			day = onDay;
			headingDay = undefined;
		} else {
			onDay = headingDay ?? day;
			if (!onDay) {
				problems.push(artefactProblem(ctx.file, `"${h}:${mi}" has no date and no other artefact tells the incident's day; write the date too, e.g. 2026-07-22 ${h}:${mi}`, { line }));
				return;
			}
			const minutes = Number(h) * 60 + Number(mi);
			// Notes run past midnight: a time more than 12 hours before the previous one is on the next day.
			if (previous && previous.day === onDay && minutes < previous.minutes - 12 * 60) onDay = addDays(onDay, 1);
			previous = { day: onDay, minutes };
			day = onDay;
			headingDay = undefined;
		}
		const instant = parseInstant(`${onDay}T${h!.padStart(2, '0')}:${mi}:${s.padStart(2, '0')}${zone ?? ''}`, ctx.timeZone);
		if (instant === undefined) {
			problems.push(artefactProblem(ctx.file, `"${raw.trim().slice(0, 40)}" does not start with a real time`, { line }));
			return;
		}
		events.push({ at: utcSecond(instant), source: 'notes', ref: `${ctx.file}#L${line}`, actor: null, text: oneLine(rest), kind: 'note' });
	});
	return { events, problems };
}

