import type { ArtefactEvent, ArtefactEventKind } from '../../schemas/artefact-event.ts';

/**
 * What the artefacts say plainly about the incident's timestamps and services,
 * for `npm run new -- --from DIR` (and the first draft). Only what is clear:
 * a field the events do not settle is left out, never guessed.
 */

/** A timestamp taken from one event, with the event and the reason, for the file's comment. */
export interface DerivedTime {
	at: string;
	ref: string;
	why: string;
}

export interface IncidentFacts {
	/** The first alert firing or page, whichever came first: the latest impact can have begun. */
	startedAt?: DerivedTime;
	/** The first page, else the first alert. */
	detectedAt?: DerivedTime;
	/** When the last firing alert resolved, once every alert that fired has resolved. */
	mitigatedAt?: DerivedTime;
	/** The last resolve entry of the pager, when no page came after it. */
	resolvedAt?: DerivedTime;
	/** Service slugs named by alert labels and deployments, sorted, with the events that name them. */
	services: { names: string[]; refs: string[] };
	/** The first event of all, for a placeholder `startedAt` when nothing settles it. */
	firstEvent?: { at: string; ref: string };
}

function first(events: ArtefactEvent[], kind: ArtefactEventKind): ArtefactEvent | undefined {
	return events.find((e) => e.kind === kind);
}

function last(events: ArtefactEvent[], kind: ArtefactEventKind): ArtefactEvent | undefined {
	for (let i = events.length - 1; i >= 0; i--) if (events[i]!.kind === kind) return events[i];
	return undefined;
}

const derived = (e: ArtefactEvent, why: string): DerivedTime => ({ at: e.at, ref: e.ref, why });

/** The facts the merged, sorted events settle. */
export function incidentFacts(events: ArtefactEvent[]): IncidentFacts {
	const firstAlert = first(events, 'alert-firing');
	const firstPage = first(events, 'page');
	const facts: IncidentFacts = { services: { names: [], refs: [] } };
	if (events[0]) facts.firstEvent = { at: events[0].at, ref: events[0].ref };

	const earliest = [firstAlert, firstPage].filter((e): e is ArtefactEvent => e !== undefined).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))[0];
	if (earliest) facts.startedAt = derived(earliest, earliest === firstAlert ? 'the first alert' : 'the first page');
	if (firstPage) facts.detectedAt = derived(firstPage, 'the first page');
	else if (firstAlert) facts.detectedAt = derived(firstAlert, 'the first alert');

	// Mitigated: every alert that fired has resolved; the last resolution is when the symptoms stopped.
	const fired = events.filter((e) => e.kind === 'alert-firing').length;
	const resolved = events.filter((e) => e.kind === 'alert-resolved');
	const lastResolved = resolved[resolved.length - 1];
	if (fired > 0 && resolved.length >= fired && lastResolved) facts.mitigatedAt = derived(lastResolved, 'the last alert to resolve');

	const lastResolve = last(events, 'resolve');
	const lastPage = last(events, 'page');
	if (lastResolve && (!lastPage || lastPage.at <= lastResolve.at)) facts.resolvedAt = derived(lastResolve, "the pager's last resolve entry");

	// The format's order: detected, mitigated, resolved never before what comes earlier; drop what would break it.
	const order: Array<keyof Pick<IncidentFacts, 'startedAt' | 'detectedAt' | 'mitigatedAt' | 'resolvedAt'>> = ['startedAt', 'detectedAt', 'mitigatedAt', 'resolvedAt'];
	let floor: string | undefined;
	for (const key of order) {
		const value = facts[key];
		if (!value) continue;
		if (floor && value.at < floor) delete facts[key];
		else floor = value.at;
	}

	const names = new Set<string>();
	const refs: string[] = [];
	for (const e of events) {
		if ((e.kind !== 'alert-firing' && e.kind !== 'deploy') || !e.services?.length) continue;
		e.services.forEach((s) => names.add(s));
		refs.push(e.ref);
	}
	facts.services = { names: [...names].sort(), refs };
	return facts;
}
