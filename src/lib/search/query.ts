/**
 * The search page's state and how it maps to the URL and to Pagefind options.
 * Pure (no DOM) and free of runtime imports, because the page's client script
 * bundles it (nothing here may pull Zod or the schemas into the browser).
 *
 * URL: `?q=words&severity=SEV1&severity=SEV2&service=checkout-api&sort=newest`;
 * a facet may repeat; values of one facet are OR-ed, facets are AND-ed.
 */

/** The facet names (Pagefind filter keys) on the search page, in display order. */
export const SEARCH_FACETS = ['severity', 'service', 'tag', 'year', 'status'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** Values shown per facet before "Show all". */
export const FACET_VISIBLE = 8;

export type SearchSort = 'relevance' | 'newest';

export interface SearchState {
	q: string;
	filters: Record<SearchFacet, string[]>;
	sort: SearchSort;
}

/** Every facet with no value selected. */
export function emptyFilters(): Record<SearchFacet, string[]> {
	return Object.fromEntries(SEARCH_FACETS.map((f) => [f, []])) as unknown as Record<SearchFacet, string[]>;
}

/** Reads the state from a query string (`location.search`). Unknown parameters are ignored. */
export function readSearchState(search: string | URLSearchParams): SearchState {
	const params = typeof search === 'string' ? new URLSearchParams(search) : search;
	const filters = emptyFilters();
	for (const facet of SEARCH_FACETS) {
		filters[facet] = [...new Set(params.getAll(facet).map((v) => v.trim()).filter(Boolean))];
	}
	return { q: (params.get('q') ?? '').trim(), filters, sort: params.get('sort') === 'newest' ? 'newest' : 'relevance' };
}

/** The query string for a state (without `?`): only what is set, in a stable order. */
export function searchStateToQuery(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const facet of SEARCH_FACETS) for (const value of state.filters[facet]) params.append(facet, value);
	if (state.sort === 'newest') params.set('sort', 'newest');
	return params.toString();
}

/** Whether there is anything to search for: words or at least one selected filter. */
export function hasCriteria(state: SearchState): boolean {
	return state.q !== '' || SEARCH_FACETS.some((f) => state.filters[f].length > 0);
}

/** Pagefind's filter object: `any` within a facet, all facets together. */
export type PagefindFilters = Partial<Record<SearchFacet, { any: string[] }>>;

export interface PagefindSearchOptions {
	filters: PagefindFilters;
	sort?: { date: 'desc' };
}

/**
 * Options for `pagefind.search`. `without` leaves one facet out, to count that facet's
 * values against everything else selected (so ticking SEV1 does not zero out SEV2).
 * Without words there is no relevance, so results come newest first.
 */
export function pagefindOptions(state: SearchState, without?: SearchFacet): PagefindSearchOptions {
	const filters: PagefindFilters = {};
	for (const facet of SEARCH_FACETS) {
		if (facet !== without && state.filters[facet].length > 0) filters[facet] = { any: [...state.filters[facet]] };
	}
	return state.sort === 'newest' || !state.q ? { filters, sort: { date: 'desc' } } : { filters };
}


/** A result URL is shown only when it is a path on this site (never `javascript:` or another host). */
export function isSitePath(url: string, base: string): boolean {
	return url.startsWith(base) && !url.startsWith('//');
}

/** The words of a query, for highlighting (at most 10, at least 2 characters each). */
export function queryTerms(q: string): string[] {
	return [...new Set(q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length >= 2))].slice(0, 10);
}

/** Pieces of `text` with the query's terms (at a word start) marked, for the page to put into text nodes and <mark>s. */
export function highlightSegments(text: string, terms: ReadonlyArray<string>): Array<{ text: string; match: boolean }> {
	if (terms.length === 0) return text ? [{ text, match: false }] : [];
	const alternatives = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})`, 'giu');
	const out: Array<{ text: string; match: boolean }> = [];
	let last = 0;
	for (const m of text.matchAll(pattern)) {
		if (m.index > last) out.push({ text: text.slice(last, m.index), match: false });
		out.push({ text: m[0], match: true });
		last = m.index + m[0].length;
	}
	if (last < text.length) out.push({ text: text.slice(last), match: false });
	return out;
}

export interface FacetValue {
	value: string;
	count: number;
}

/**
 * A facet's values in display order: severities and statuses by name (SEV1 first),
 * years newest first, services and tags by count, then name. The page orders by
 * archive-wide totals, so the list stays put while counts change under a query.
 */
export function orderFacetValues(facet: SearchFacet, counts: Readonly<Record<string, number>>): FacetValue[] {
	const values = Object.entries(counts).map(([value, count]) => ({ value, count }));
	if (facet === 'severity' || facet === 'status') return values.sort((a, b) => a.value.localeCompare(b.value));
	if (facet === 'year') return values.sort((a, b) => b.value.localeCompare(a.value));
	return values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
