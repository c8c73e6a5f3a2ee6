import type { ArtefactEvent, ArtefactSource } from '../../schemas/artefact-event.ts';

/**
 * One timeline from every reader's events: sorted by time (ties by source,
 * then ref), refs made unique, and the same event seen in two files within a
 * minute (the PagerDuty app's message in the channel and PagerDuty's own log
 * entry) kept once, with the other refs in `alsoIn`.
 */

/** How close two sightings of one event are at most. */
export const SAME_EVENT_WINDOW_MS = 60_000;

/** The sighting kept when an event is seen twice: the system of record first, chat last. */
const SOURCE_RANK: Record<ArtefactSource, number> = { pagerduty: 0, alerts: 1, deploys: 2, annotations: 3, tickets: 4, notes: 5, slack: 6 };

/** Orders events by `at`, then source, then ref (plain code-unit order: the same on every machine). */
export function compareEvents(a: ArtefactEvent, b: ArtefactEvent): number {
	if (a.at !== b.at) return a.at < b.at ? -1 : 1;
	if (a.source !== b.source) return a.source < b.source ? -1 : 1;
	return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}

/** The file part of a ref (`slack/incident/2026-07-22.json#1753150440.000100` → the path). */
export function refFile(ref: string): string {
	const hash = ref.indexOf('#');
	return hash < 0 ? ref : ref.slice(0, hash);
}

/** The words of a lower-cased text, for telling two sightings of one event apart from two events. */
function words(lowerText: string): Set<string> {
	return new Set(lowerText.match(/[\p{L}\p{N}]+/gu) ?? []);
}

const FIRST_WORD = /[\p{L}\p{N}]+/u;

/** Fewer words than this and two texts are too short to call the same event ("ack", "on it"). */
const MIN_SHARED_WORDS = 3;

function isSubset(small: Set<string>, large: Set<string>): boolean {
	for (const w of small) if (!large.has(w)) return false;
	return true;
}

/**
 * Whether two events (in different files, within a minute; two chat messages
 * only from the same actor, a bot cross-posting) are one event seen twice:
 * every word of the shorter text is in the longer one (the chat app adds an
 * incident number or a "by Sarah Chen"), with at least three words.
 */
function sameEvent(aw: Set<string>, bw: Set<string>): boolean {
	const [small, large] = aw.size <= bw.size ? [aw, bw] : [bw, aw];
	return small.size >= MIN_SHARED_WORDS && isSubset(small, large);
}

/** Events with unique refs: an exact repeat (same ref, time and text) is dropped, another event under a used ref gets `~2`, `~3`. */
export function uniqueRefs(events: ArtefactEvent[]): ArtefactEvent[] {
	const seen = new Map<string, ArtefactEvent>();
	const out: ArtefactEvent[] = [];
	for (const e of events) {
		const first = seen.get(e.ref);
		if (!first) {
			seen.set(e.ref, e);
			out.push(e);
			continue;
		}
		if (first.at === e.at && first.text === e.text) continue;
		let n = 2;
		while (seen.has(`${e.ref}~${n}`)) n += 1;
		const renamed = { ...e, ref: `${e.ref}~${n}` };
		seen.set(renamed.ref, renamed);
		out.push(renamed);
	}
	return out;
}

/** The merged timeline: unique refs, sorted, one event per thing that happened. Pure; the input is not changed. */
export function mergeEvents(events: ArtefactEvent[]): ArtefactEvent[] {
	const sorted = uniqueRefs(events).sort(compareEvents);
	const times = sorted.map((e) => Date.parse(e.at));
	const files = sorted.map((e) => refFile(e.ref));
	const lower: Array<string | undefined> = [];
	const wordSets: Array<Set<string> | undefined> = [];
	const lowerOf = (i: number) => (lower[i] ??= sorted[i]!.text.toLowerCase());
	const wordsOf = (i: number) => (wordSets[i] ??= words(lowerOf(i)));
	/** A cheap test before building word sets: the shorter text's first word must be in the longer one. */
	const mayMatch = (a: number, b: number) => {
		const [short, long] = lowerOf(a).length <= lowerOf(b).length ? [lowerOf(a), lowerOf(b)] : [lowerOf(b), lowerOf(a)];
		const first = FIRST_WORD.exec(short)?.[0];
		return first !== undefined && long.includes(first);
	};
	/** For each event, the index of the event it was folded into (itself when kept). */
	const keptAs = sorted.map((_, i) => i);
	const also = new Map<number, string[]>();
	let windowStart = 0;
	for (let i = 0; i < sorted.length; i++) {
		while (times[i]! - times[windowStart]! > SAME_EVENT_WINDOW_MS) windowStart += 1;
		const e = sorted[i]!;
		for (let j = windowStart; j < i; j++) {
			if (keptAs[j] !== j || files[j] === files[i]) continue;
			const other = sorted[j]!;
			if (other.source === e.source && other.actor !== e.actor) continue;
			if (!mayMatch(i, j) || !sameEvent(wordsOf(j), wordsOf(i))) continue;
			// Keep the system of record's sighting; the other's refs go to alsoIn.
			const [keep, fold] = SOURCE_RANK[e.source] < SOURCE_RANK[other.source] ? [i, j] : [j, i];
			keptAs[fold] = keep;
			const refs = [...(also.get(keep) ?? []), sorted[fold]!.ref, ...(also.get(fold) ?? [])];
			also.set(keep, refs);
			also.delete(fold);
			break;
		}
	}
	const out: ArtefactEvent[] = [];
	sorted.forEach((e, i) => {
		if (keptAs[i] !== i) return;
		const refs = also.get(i);
		out.push(refs ? { ...e, alsoIn: [...new Set([...(e.alsoIn ?? []), ...refs])].sort() } : e);
	});
	return out;
}
