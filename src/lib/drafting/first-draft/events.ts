/**
 * The normalised artefact event of `incident-artefacts.md`, as the first draft
 * reads it, and the lookups every later stage shares.
 */

/** One event from an incident's artefacts, in UTC, redacted. */
export interface ArtefactEvent {
	/** ISO 8601 UTC. */
	at: string;
	source: string;
	/** `file#id`, unique in the artefact folder. */
	ref: string;
	actor: string | null;
	text: string;
	/** The refs of the same event seen in other files. */
	alsoIn?: string[];
}

/** Every ref the artefacts hold (an event's own and its `alsoIn`), to the event. */
export function refIndex(events: ReadonlyArray<ArtefactEvent>): Map<string, ArtefactEvent> {
	const index = new Map<string, ArtefactEvent>();
	for (const e of events) {
		index.set(e.ref, e);
		for (const r of e.alsoIn ?? []) if (!index.has(r)) index.set(r, e);
	}
	return index;
}

/** The file part of a ref: `slack/incident/2026-07-22.json#1753150440.000100` → `slack/incident/2026-07-22.json`. */
export function refFile(ref: string): string {
	const hash = ref.lastIndexOf('#');
	return hash === -1 ? ref : ref.slice(0, hash);
}

/** The artefact files the events came from, sorted: `drafted.sources`. */
export function sourceFiles(events: ReadonlyArray<ArtefactEvent>): string[] {
	const files = new Set<string>();
	for (const e of events) {
		files.add(refFile(e.ref));
		for (const r of e.alsoIn ?? []) files.add(refFile(r));
	}
	return [...files].sort();
}

/** The people and systems the artefacts name as actors, once each. */
export function actorsOf(events: ReadonlyArray<ArtefactEvent>): string[] {
	return [...new Set(events.map((e) => e.actor).filter((a): a is string => Boolean(a && a.trim())))];
}
