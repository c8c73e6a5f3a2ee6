import { refFile } from '../../artefacts/merge.ts';
import type { ArtefactEvent } from '../../../schemas/artefact-event.ts';

/**
 * The lookups every stage of a first draft shares over the normalised artefact
 * events (`incident-artefacts.md`, read by src/lib/artefacts).
 */

export type { ArtefactEvent };

/** Every ref the artefacts hold (an event's own and its `alsoIn`), to the event. */
export function refIndex(events: ReadonlyArray<ArtefactEvent>): Map<string, ArtefactEvent> {
	const index = new Map<string, ArtefactEvent>();
	for (const e of events) {
		index.set(e.ref, e);
		for (const r of e.alsoIn ?? []) if (!index.has(r)) index.set(r, e);
	}
	return index;
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
