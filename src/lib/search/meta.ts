import type { ArchiveEntry } from '../archive/types.ts';
import { toIsoDate } from '../../schemas/primitives.ts';
import type { SearchFacet } from './query.ts';

/** Longest summary kept in the search metadata: every result card loads it, so it stays small. */
export const SUMMARY_META_CHARS = 200;


/** What the search index holds about one incident page. */
export interface SearchMeta {
	/** Facet → values (Pagefind filters); `status` only when the build shows unpublished postmortems. */
	filters: Partial<Record<SearchFacet, string[]>>;
	/** Small fields for result cards (Pagefind meta; raw text, escape when shown). */
	meta: { title: string; date: string; severity: string; summary: string };
	/** Sort keys: `date` is the incident's start as an ISO timestamp (sorts as text). */
	sort: { date: string };
}

/** Shortens text to `max` characters at a word boundary, with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/**
 * The filters, metadata and sort key Pagefind indexes for an incident. `withStatus`:
 * a published build has one status, and a filter with one value would only cost
 * bytes (a filter file is ~20 KB at 10,000 incidents), so it is left out there.
 */
export function searchMeta(entry: ArchiveEntry, options: { withStatus: boolean }): SearchMeta {
	const pm = entry.data;
	return {
		filters: {
			severity: [pm.severity],
			service: [...pm.services],
			tag: [...pm.tags],
			year: [String(pm.startedAt.getUTCFullYear())],
			...(options.withStatus ? { status: [pm.status] } : {}),
		},
		meta: {
			title: pm.title,
			date: toIsoDate(pm.startedAt),
			severity: pm.severity,
			summary: truncateText(pm.summary ?? pm.impact.summary, SUMMARY_META_CHARS),
		},
		sort: { date: pm.startedAt.toISOString() },
	};
}
