import type { ArchiveEntry } from './types.ts';

/** How many related incidents an incident page lists. */
export const RELATED_LIMIT = 5;
/**
 * How many published incidents are read from each service or tag list (newest first).
 * This cap keeps the pass linear in the archive size: a service with 3,000 incidents
 * contributes its 60 newest, not all of them, to each of its incidents.
 */
export const CANDIDATES_PER_KEY = 60;

const SERVICE_WEIGHT = 2;
const TAG_WEIGHT = 1;
const YEAR_MS = 365.25 * 86_400_000;

/**
 * Up to `RELATED_LIMIT` related published incidents for every entry, in one pass.
 *
 * Score = Σ over shared services (2) and tags (1), each divided by log2(1 + how many
 * incidents carry it), so a rare shared service says more than a tag on half the
 * archive; then scaled by recency, 0.5 + 0.5 / (1 + years before the newest incident),
 * so a newer incident wins among equally similar ones but never outweighs a much
 * closer match. Ties go to the newer incident, then the slug.
 *
 * `byService` and `byTag` are the archive's inverted indexes (entries newest first).
 */
export function relatedIncidents(
	entries: ReadonlyArray<ArchiveEntry>,
	byService: ReadonlyMap<string, ReadonlyArray<ArchiveEntry>>,
	byTag: ReadonlyMap<string, ReadonlyArray<ArchiveEntry>>,
	limit = RELATED_LIMIT,
): Map<string, ArchiveEntry[]> {
	// Entries are numbered so that scores live in one reusable typed array, not a Map per entry.
	const position = new Map<ArchiveEntry, number>();
	entries.forEach((e, i) => position.set(e, i));
	const newest = entries.reduce((max, e) => Math.max(max, e.data.startedAt.getTime()), 0);
	const recency = entries.map((e) => 0.5 + 0.5 / (1 + Math.max(0, newest - e.data.startedAt.getTime()) / YEAR_MS));

	// Per key: its published candidates (capped, as positions) and its weight, computed once.
	const keyCache = new Map<string, { candidates: number[]; weight: number }>();
	const keyInfo = (kind: 's' | 't', key: string) => {
		const id = `${kind}:${key}`;
		let info = keyCache.get(id);
		if (!info) {
			const list = (kind === 's' ? byService : byTag).get(key) ?? [];
			const candidates: number[] = [];
			let published = 0;
			for (const e of list) {
				const at = position.get(e);
				if (e.data.status !== 'published' || at === undefined) continue;
				published++;
				if (candidates.length < CANDIDATES_PER_KEY) candidates.push(at);
			}
			info = { candidates, weight: (kind === 's' ? SERVICE_WEIGHT : TAG_WEIGHT) / Math.log2(1 + Math.max(published, 1)) };
			keyCache.set(id, info);
		}
		return info;
	};

	const scores = new Float64Array(entries.length);
	const touched: number[] = [];
	// Whether candidate a ranks above b: higher score, then newer, then slug.
	const above = (a: number, b: number) =>
		scores[a]! * recency[a]! - scores[b]! * recency[b]! ||
		entries[a]!.data.startedAt.getTime() - entries[b]!.data.startedAt.getTime() ||
		entries[b]!.slug.localeCompare(entries[a]!.slug);

	const related = new Map<string, ArchiveEntry[]>();
	entries.forEach((entry, self) => {
		const keys = [...entry.data.services.map((s) => keyInfo('s', s)), ...entry.data.tags.map((t) => keyInfo('t', t))];
		for (const { candidates, weight } of keys) {
			for (const c of candidates) {
				if (c === self) continue;
				if (scores[c] === 0) touched.push(c);
				scores[c]! += weight;
			}
		}
		// Keep the best `limit` by insertion: lists are short, so no full sort.
		const best: number[] = [];
		for (const c of touched) {
			if (best.length === limit && above(c, best[limit - 1]!) <= 0) continue;
			let i = Math.min(best.length, limit - 1);
			best[i] = c;
			while (i > 0 && above(best[i]!, best[i - 1]!) > 0) {
				[best[i - 1], best[i]] = [best[i]!, best[i - 1]!];
				i--;
			}
		}
		for (const c of touched) scores[c] = 0;
		touched.length = 0;
		related.set(entry.slug, best.map((i) => entries[i]!));
	});
	return related;
}
