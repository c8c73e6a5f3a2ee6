import type { ArchiveEntry } from './archive.ts';

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
	const newest = entries.reduce((max, e) => Math.max(max, e.data.startedAt.getTime()), 0);
	const recency = (e: ArchiveEntry) => 0.5 + 0.5 / (1 + Math.max(0, newest - e.data.startedAt.getTime()) / YEAR_MS);

	// Per key: its published candidates (capped) and its weight, computed once.
	const keyCache = new Map<string, { candidates: ArchiveEntry[]; weight: number }>();
	const keyInfo = (kind: 's' | 't', key: string) => {
		const id = `${kind}:${key}`;
		let info = keyCache.get(id);
		if (!info) {
			const list = (kind === 's' ? byService : byTag).get(key) ?? [];
			const candidates: ArchiveEntry[] = [];
			let published = 0;
			for (const e of list) {
				if (e.data.status !== 'published') continue;
				published++;
				if (candidates.length < CANDIDATES_PER_KEY) candidates.push(e);
			}
			info = { candidates, weight: (kind === 's' ? SERVICE_WEIGHT : TAG_WEIGHT) / Math.log2(1 + Math.max(published, 1)) };
			keyCache.set(id, info);
		}
		return info;
	};

	const related = new Map<string, ArchiveEntry[]>();
	for (const entry of entries) {
		const scores = new Map<ArchiveEntry, number>();
		const keys = [
			...entry.data.services.map((s) => keyInfo('s', s)),
			...entry.data.tags.map((t) => keyInfo('t', t)),
		];
		for (const { candidates, weight } of keys) {
			for (const candidate of candidates) {
				if (candidate === entry) continue;
				scores.set(candidate, (scores.get(candidate) ?? 0) + weight);
			}
		}
		const ranked = [...scores]
			.map(([candidate, score]) => ({ candidate, score: score * recency(candidate) }))
			.sort(
				(a, b) =>
					b.score - a.score ||
					b.candidate.data.startedAt.getTime() - a.candidate.data.startedAt.getTime() ||
					a.candidate.slug.localeCompare(b.candidate.slug),
			)
			.slice(0, limit)
			.map((r) => r.candidate);
		related.set(entry.slug, ranked);
	}
	return related;
}
