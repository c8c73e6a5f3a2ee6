import type { ArtefactEvent } from '../../schemas/artefact-event.ts';
import { median } from '../stats/median.ts';
import type { Finding } from '../validation/findings.ts';
import { refFile } from './merge.ts';
import { artefactProblem } from './reader-kit.ts';

/**
 * The incident's window, and the events far outside it: a ticket from last
 * year in the folder, a notes line with a mistyped date. They are reported,
 * never silently dropped; `--from`/`--to` clip them when asked.
 */

const HOUR_MS = 3_600_000;
/** Around pages and alerts: how far an event may lie before or after them. */
export const PAGED_MARGIN_MS = 24 * HOUR_MS;
/** Without pages or alerts: how far an event may lie from the middle of the rest. */
export const MEDIAN_MARGIN_MS = 72 * HOUR_MS;

const CORE_KINDS = new Set(['page', 'acknowledge', 'resolve', 'alert-firing', 'alert-resolved']);

export interface IncidentWindow {
	from: number;
	to: number;
	/** What the window is drawn around, for the message. */
	basis: string;
}

/** The window events are expected in: a day around the pages and alerts, else three days around the median event. */
export function incidentWindow(events: ArtefactEvent[]): IncidentWindow | undefined {
	if (events.length === 0) return undefined;
	const core = events.filter((e) => e.kind && CORE_KINDS.has(e.kind)).map((e) => Date.parse(e.at));
	if (core.length) {
		return { from: Math.min(...core) - PAGED_MARGIN_MS, to: Math.max(...core) + PAGED_MARGIN_MS, basis: 'a day around the pages and alerts' };
	}
	const middle = median(events.map((e) => Date.parse(e.at)))!;
	return { from: middle - MEDIAN_MARGIN_MS, to: middle + MEDIAN_MARGIN_MS, basis: 'three days around the middle of the timeline' };
}

/** One warning per file holding events far outside the incident's window (they stay in the timeline). */
export function farOutsideWarnings(events: ArtefactEvent[]): Finding[] {
	const window = incidentWindow(events);
	if (!window) return [];
	const byFile = new Map<string, ArtefactEvent[]>();
	for (const e of events) {
		const t = Date.parse(e.at);
		if (t >= window.from && t <= window.to) continue;
		const file = refFile(e.ref);
		byFile.set(file, [...(byFile.get(file) ?? []), e]);
	}
	const range = `${new Date(window.from).toISOString().slice(0, 16)}Z to ${new Date(window.to).toISOString().slice(0, 16)}Z`;
	return [...byFile].map(([file, outside]) => {
		const first = outside[0]!;
		const more = outside.length > 1 ? ` and ${outside.length - 1} more` : '';
		return artefactProblem(
			file,
			`${first.ref.slice(file.length)} at ${first.at}${more} lie${outside.length > 1 ? '' : 's'} outside the incident (${window.basis}: ${range}); kept, clip with --from/--to`,
			{ level: 'warning' },
		);
	});
}

/** The events in [from, to] (epoch ms, either end open), and how many fell outside. */
export function clipEvents(events: ArtefactEvent[], from?: number, to?: number): { events: ArtefactEvent[]; outside: number } {
	if (from === undefined && to === undefined) return { events, outside: 0 };
	const kept = events.filter((e) => {
		const t = Date.parse(e.at);
		return (from === undefined || t >= from) && (to === undefined || t <= to);
	});
	return { events: kept, outside: events.length - kept.length };
}
