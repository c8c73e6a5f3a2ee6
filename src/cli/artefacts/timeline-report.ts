import type { ArtefactEvent } from '../../schemas/artefact-event.ts';
import { ARTEFACT_SOURCES } from '../../schemas/artefact-event.ts';
import type { RedactionCount } from '../../lib/artefacts/redact.ts';
import { formatDuration } from '../../lib/format/durations.ts';
import { countOf } from '../../lib/format/labels.ts';
import { formatInZone } from '../../lib/format/zoned-time.ts';
import { refFile } from '../../lib/artefacts/merge.ts';
import type { colours } from '../terminal.ts';

/** How the timeline command shows the merged timeline to people. */

type Paint = ReturnType<typeof colours>;

/** Longest actor column; longer names are cut there. */
const ACTOR_WIDTH = 22;

function cut(text: string, width: number): string {
	if (width <= 1) return '';
	return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** The sources an event was also seen in, for the table: `(also in slack)`. */
function alsoInNote(e: ArtefactEvent, sourceOfFile: (file: string) => string | undefined): string {
	if (!e.alsoIn?.length) return '';
	const sources = [...new Set(e.alsoIn.map((r) => sourceOfFile(refFile(r)) ?? refFile(r)))];
	return ` (also in ${sources.join(', ')})`;
}

export interface TableOptions {
	timeZone: string;
	/** Terminal width: text is cut to it; undefined (a pipe or a file) keeps every line whole. */
	width?: number;
	paint: Paint;
	/** Which source a file was read as (for the also-in note). */
	sourceOfFile: (file: string) => string | undefined;
}

/** The timeline as a table: time in the zone with its offset, source, actor, text. */
export function timelineTable(events: ArtefactEvent[], options: TableOptions): string {
	const { timeZone, width, paint, sourceOfFile } = options;
	const sourceWidth = Math.max(6, ...events.map((e) => e.source.length));
	const actorWidth = Math.min(ACTOR_WIDTH, Math.max(5, ...events.map((e) => (e.actor ?? '—').length)));
	const head = `${'time'.padEnd(25)}  ${'source'.padEnd(sourceWidth)}  ${'actor'.padEnd(actorWidth)}  text`;
	const lines = [paint.bold(width ? cut(head, width) : head)];
	for (const e of events) {
		const time = formatInZone(Date.parse(e.at), timeZone);
		const actor = cut(e.actor ?? '—', actorWidth).padEnd(actorWidth);
		const text = `${e.parent ? '↳ ' : ''}${e.text}${alsoInNote(e, sourceOfFile)}`;
		const prefix = `${time}  ${e.source.padEnd(sourceWidth)}  ${actor}  `;
		const shown = width ? cut(text, width - prefix.length) : text;
		lines.push(`${paint.dim(time)}  ${e.source.padEnd(sourceWidth)}  ${actor}  ${shown}`);
	}
	return `${lines.join('\n')}\n`;
}

/** `3 redactions (2 password, 1 AWS access key)`. */
export function redactionSummary(count: RedactionCount): string {
	if (count.total === 0) return 'no redactions';
	const kinds = Object.entries(count.byKind)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.map(([k, n]) => `${n} ${k}`);
	return `${countOf(count.total, 'redaction')} (${kinds.join(', ')})`;
}

/**
 * The summary line: events per source, the window, redactions, and what
 * --from/--to left out. `12 events (pagerduty 4, slack 8) from 2026-07-22 02:03:00 +00:00 to … (2 h 37 min); no redactions`.
 */
export function timelineSummary(events: ArtefactEvent[], timeZone: string, redactions: RedactionCount, clipped = 0): string {
	const perSource = ARTEFACT_SOURCES.map((s) => [s, events.filter((e) => e.source === s).length] as const)
		.filter(([, n]) => n > 0)
		.map(([s, n]) => `${s} ${n}`);
	const count = `${countOf(events.length, 'event')}${perSource.length ? ` (${perSource.join(', ')})` : ''}`;
	const first = events[0];
	const last = events[events.length - 1];
	const window =
		first && last
			? ` from ${formatInZone(Date.parse(first.at), timeZone)} to ${formatInZone(Date.parse(last.at), timeZone)} (${formatDuration(Date.parse(last.at) - Date.parse(first.at))})`
			: '';
	const outside = clipped ? `; ${clipped} outside --from/--to not shown` : '';
	return `${count}${window}; ${redactionSummary(redactions)}${outside}`;
}
