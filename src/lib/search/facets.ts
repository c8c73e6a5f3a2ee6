import type { Archive } from '../archive/types.ts';
import { orderFacetValues, SEARCH_FACETS, type FacetValue, type SearchFacet } from './query.ts';

/** Facet headings on the search page. */
export const FACET_LABELS: Record<SearchFacet, string> = {
	severity: 'Severity',
	service: 'Service',
	tag: 'Tag',
	year: 'Year',
	status: 'Status',
};

/** Every facet's values with their counts in the whole archive, in display order (from the archive's indexes). */
export function facetTotals(archive: Archive): Array<{ name: SearchFacet; values: FacetValue[] }> {
	const size = (index: ReadonlyMap<string, ReadonlyArray<unknown>>) =>
		Object.fromEntries([...index].filter(([, list]) => list.length > 0).map(([k, list]) => [k, list.length]));
	const statuses: Record<string, number> = {};
	for (const e of archive.entries) statuses[e.data.status] = (statuses[e.data.status] ?? 0) + 1;
	const counts: Record<SearchFacet, Record<string, number>> = {
		severity: size(archive.bySeverity),
		service: size(archive.byService),
		tag: size(archive.byTag),
		year: size(archive.byYear),
		status: statuses,
	};
	// The index has a status filter only in builds that show drafts (see search-meta.ts).
	return SEARCH_FACETS.filter((f) => f !== 'status' || archive.includesUnpublished).map((name) => ({ name, values: orderFacetValues(name, counts[name]) }));
}
