/**
 * The search app's client script (bundled for /search/ only; its markup and templates are
 * in SearchApp.astro beside it, and everything it writes is cloned from those templates
 * and filled with textContent).
 *
 * Loads Pagefind from `<base>pagefind/pagefind.js` when the page opens: failing to
 * import it means there is no index (`npm run dev`, or a build without its search
 * step), and the page says so. The URL (`?q=…&severity=…&sort=newest`) holds the
 * state and is kept current with history.replaceState as the user types.
 *
 * Bytes matter (the first query at 10,000 incidents must stay under 300 KB): the
 * facet filter files (~170 KB there) load after the first results are shown, so the
 * results come first and the counts follow; until they are in, a query's facets show
 * no numbers rather than archive-wide ones that would not match the query.
 */
import { withBase } from '../../lib/routing/urls.ts';
import { PAGEFIND_CLIENT_OPTIONS } from '../../lib/search/client-options.ts';
import {
	FACET_VISIBLE,
	hasCriteria,
	highlightSegments,
	isSitePath,
	orderFacetValues,
	pagefindOptions,
	queryTerms,
	readSearchState,
	SEARCH_FACETS,
	searchStateToQuery,
	type PagefindSearchOptions,
	type SearchFacet,
	type SearchState,
} from '../../lib/search/query.ts';

// ---- The parts of Pagefind's browser API this page uses ----
type Counts = Partial<Record<string, Record<string, number>>>;
interface ResultData {
	url: string;
	excerpt: string;
	meta: Partial<Record<string, string>>;
}
interface Result {
	id: string;
	data(): Promise<ResultData>;
}
interface Search {
	results: Result[];
	filters?: Counts;
}
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(term: string | null, options?: PagefindSearchOptions): Promise<Search>;
	debouncedSearch(term: string | null, options?: PagefindSearchOptions, ms?: number): Promise<Search | null>;
	filters(): Promise<Counts>;
}

const PAGE_SIZE = 10;
const base = withBase(import.meta.env.BASE_URL, '');

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
const form = $<HTMLFormElement>('[data-search-form]')!;
const input = $<HTMLInputElement>('#search-q')!;
const app = $<HTMLElement>('[data-search-app]')!;
const notice = $<HTMLElement>('[data-search-notice]')!;
const status = $<HTMLElement>('[data-search-status]')!;
const list = $<HTMLOListElement>('[data-results]')!;
const more = $<HTMLButtonElement>('[data-more]')!;
const facetNote = $<HTMLElement>('[data-facet-note]')!;
const selectedNote = $<HTMLElement>('[data-facet-selected]')!;
const headerBox = $<HTMLInputElement>('#site-search-q');
const facetRow = $<HTMLTemplateElement>('template[data-facet-row]')!;
const resultCard = $<HTMLTemplateElement>('template[data-result-card]')!;
const matchMark = $<HTMLTemplateElement>('template[data-match]')!;

let state: SearchState = readSearchState(location.search);
let results: Result[] = [];
let shown = 0;
/** Bumped by every new search; a slower older one then drops its answer. */
let generation = 0;
/** Archive-wide counts per facet: from the page's HTML, then from Pagefind once its filters load. */
let totals: Counts = readRenderedTotals();
/** Counts for the current query, once Pagefind's filters are loaded. */
let matching: Counts | undefined;
let filtersState: 'no' | 'loading' | 'yes' = 'no';
const expanded = new Set<SearchFacet>();

let pagefind: Promise<Pagefind | undefined> | undefined;

function loadPagefind(): Promise<Pagefind | undefined> {
	pagefind ??= import(/* @vite-ignore */ withBase(base, 'pagefind/pagefind.js'))
		.then(async (module: Pagefind) => {
			await module.options({ baseUrl: base, ...PAGEFIND_CLIENT_OPTIONS });
			return module;
		})
		.catch(() => {
			showNoIndex();
			return undefined;
		});
	return pagefind;
}

function showNoIndex(): void {
	app.hidden = true;
	notice.hidden = false;
}

/** Loads every facet's filter file (counts for each search from then on), once. */
async function loadFilters(): Promise<void> {
	if (filtersState !== 'no') return;
	filtersState = 'loading';
	const pf = await loadPagefind();
	if (!pf) return;
	const all = await pf.filters();
	totals = all;
	filtersState = 'yes';
	if (hasCriteria(state)) void runSearch();
	else renderFacets();
}

// ---- Facets ----

function readRenderedTotals(): Counts {
	const counts: Counts = {};
	for (const fieldset of document.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
		const facet = fieldset.dataset.facet!;
		counts[facet] = {};
		for (const li of fieldset.querySelectorAll<HTMLElement>('li[data-value]')) {
			counts[facet]![li.dataset.value!] = Number(li.querySelector('.count')?.textContent ?? 0);
		}
	}
	return counts;
}

function facetFieldset(facet: SearchFacet): HTMLFieldSetElement | null {
	return document.querySelector(`fieldset[data-facet="${facet}"]`);
}

/** Re-renders facet lists, keeping focus on the checkbox the user was on. */
function renderFacets(): void {
	const active = document.activeElement;
	const focused = active instanceof HTMLInputElement && active.type === 'checkbox' ? { name: active.name, value: active.value } : undefined;
	for (const facet of SEARCH_FACETS) {
		const fieldset = facetFieldset(facet);
		if (!fieldset) continue;
		const ordered = orderFacetValues(facet, totals[facet] ?? {});
		for (const value of state.filters[facet]) if (!ordered.some((v) => v.value === value)) ordered.push({ value, count: 0 });
		const selected = new Set(state.filters[facet]);
		const visible = expanded.has(facet) ? ordered : ordered.filter((v, i) => i < FACET_VISIBLE || selected.has(v.value));
		// Under a query, archive-wide totals would not say what a filter gives: no number until the query's are in.
		const counts = matching?.[facet];
		const pending = !counts && hasCriteria(state);
		const ul = fieldset.querySelector<HTMLUListElement>('[data-facet-list]')!;
		ul.replaceChildren(
			...visible.map((v) => {
				const count = counts ? (counts[v.value] ?? 0) : v.count;
				const li = facetRow.content.firstElementChild!.cloneNode(true) as HTMLLIElement;
				li.dataset.value = v.value;
				li.classList.toggle('zero', !pending && count === 0);
				const box = li.querySelector('input')!;
				box.name = facet;
				box.value = v.value;
				box.checked = selected.has(v.value);
				li.querySelector('.facet-value')!.textContent = v.value;
				li.querySelector('.count')!.textContent = pending ? '' : String(count);
				return li;
			}),
		);
		const button = fieldset.querySelector<HTMLButtonElement>('[data-facet-more]');
		const total = Math.max(ordered.length, Number(fieldset.dataset.valueCount ?? 0));
		if (button) {
			button.hidden = total <= FACET_VISIBLE;
			button.textContent = expanded.has(facet) ? 'Show fewer' : `Show all ${total}`;
			button.setAttribute('aria-expanded', String(expanded.has(facet)));
		}
	}
	facetNote.textContent = matching
		? 'Numbers are the matching incidents each filter would give.'
		: hasCriteria(state)
			? 'Counting the matches for each filter…'
			: 'Numbers are incidents in the whole archive.';
	const selectedCount = SEARCH_FACETS.reduce((n, f) => n + state.filters[f].length, 0);
	selectedNote.textContent = selectedCount > 0 ? ` · ${selectedCount} selected` : '';
	if (focused) {
		const again = [...document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${focused.name}"]`)].find((i) => i.value === focused.value);
		again?.focus();
	}
}

/**
 * Counts for each facet under the current search. A facet with a selection is counted
 * against the other facets only (one more search each), so its other values stay visible.
 */
async function facetCounts(pf: Pagefind, search: Search): Promise<Counts> {
	const counts: Counts = {};
	for (const facet of SEARCH_FACETS) {
		if (state.filters[facet].length === 0) counts[facet] = search.filters?.[facet] ?? {};
		else counts[facet] = (await pf.search(state.q || null, pagefindOptions(state, facet))).filters?.[facet] ?? {};
	}
	return counts;
}

// ---- Results ----

/** Text with the query's terms in <mark>s, as nodes (never parsed as HTML). */
function highlighted(text: string, terms: string[]): Node[] {
	return highlightSegments(text, terms).map((piece) => {
		if (!piece.match) return document.createTextNode(piece.text);
		const mark = matchMark.content.firstElementChild!.cloneNode(true) as HTMLElement;
		mark.textContent = piece.text;
		return mark;
	});
}

/** Pagefind's excerpt is HTML (escaped text, matches in <mark>): read its text in an inert document. */
function excerptText(html: string): string {
	return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

function renderResult(data: ResultData, terms: string[]): HTMLLIElement {
	const li = resultCard.content.firstElementChild!.cloneNode(true) as HTMLLIElement;
	const link = li.querySelector<HTMLAnchorElement>('[data-title]')!;
	link.href = isSitePath(data.url, base) ? data.url : base;
	link.replaceChildren(...highlighted(data.meta.title ?? data.url, terms));
	const severity = data.meta.severity ?? '';
	const badge = li.querySelector<HTMLElement>('[data-severity]')!;
	if (/^SEV[1-4]$/.test(severity)) {
		badge.hidden = false;
		badge.textContent = severity;
		badge.classList.add(`sev-${severity.toLowerCase()}`);
	} else badge.remove();
	const time = li.querySelector<HTMLTimeElement>('[data-date]')!;
	// The table format (ISO), as in the listing's metadata line; importing the prose formatter here would
	// put it in a chunk shared with the aging page's script, which then could no longer be inlined.
	time.dateTime = data.meta.date ?? '';
	time.textContent = data.meta.date ?? '';
	const summary = data.meta.summary ?? '';
	const summaryNodes = highlighted(summary, terms);
	const summaryEl = li.querySelector<HTMLElement>('[data-summary]')!;
	if (summary) summaryEl.replaceChildren(...summaryNodes);
	else summaryEl.remove();
	// Pagefind's excerpt shows where the words matched when the summary itself does not contain them.
	const excerptEl = li.querySelector<HTMLElement>('[data-excerpt]')!;
	const excerpt = data.excerpt ? excerptText(data.excerpt) : '';
	if (terms.length > 0 && excerpt && !summaryNodes.some((n) => n.nodeType === Node.ELEMENT_NODE)) excerptEl.replaceChildren(...highlighted(excerpt, terms));
	else excerptEl.remove();
	return li;
}

async function showMore(current: number, focusFirst: boolean): Promise<void> {
	const slice = results.slice(shown, shown + PAGE_SIZE);
	const data = await Promise.all(slice.map((r) => r.data()));
	if (current !== generation) return;
	const terms = queryTerms(state.q);
	const before = list.children.length;
	list.append(...data.map((d) => renderResult(d, terms)));
	shown += slice.length;
	more.hidden = shown >= results.length;
	more.textContent = `Show more results (${results.length - shown} more)`;
	if (focusFirst) list.children[before]?.querySelector('a')?.focus();
}

function describe(count: number): string {
	const incidents = `${count} ${count === 1 ? 'incident' : 'incidents'}`;
	const filtered = SEARCH_FACETS.some((f) => state.filters[f].length > 0);
	const order = state.sort === 'newest' || !state.q ? ', newest first' : '';
	if (state.q) {
		if (count === 0) return `No incidents match “${state.q}”${filtered ? ' with these filters' : ''}. Try other words${filtered ? ' or fewer filters' : ''}.`;
		return `${incidents} ${count === 1 ? 'matches' : 'match'} “${state.q}”${filtered ? ' with these filters' : ''}${order}`;
	}
	return count === 0 ? 'No incidents have all these filters.' : `${incidents} with these filters${order}`;
}

async function runSearch(options: { debounce?: boolean } = {}): Promise<void> {
	const current = ++generation;
	const pf = await loadPagefind();
	if (!pf || current !== generation) return;
	if (!hasCriteria(state)) {
		results = [];
		shown = 0;
		list.replaceChildren();
		more.hidden = true;
		matching = undefined;
		status.textContent = 'Type a word, or pick a filter.';
		renderFacets();
		return;
	}
	status.textContent = 'Searching…';
	const opts = pagefindOptions(state);
	const search = options.debounce && state.q ? await pf.debouncedSearch(state.q, opts, 200) : await pf.search(state.q || null, opts);
	if (!search || current !== generation) return;
	results = search.results;
	shown = 0;
	list.replaceChildren();
	await showMore(current, false);
	if (current !== generation) return;
	status.textContent = describe(results.length);
	if (filtersState === 'yes') {
		const counts = await facetCounts(pf, search);
		if (current !== generation) return;
		matching = counts;
	} else {
		// The results are in: now fetch the filter files, which runs this search again with counts.
		matching = undefined;
		void loadFilters();
	}
	renderFacets();
}

// ---- State, URL and events ----

function updateUrl(): void {
	const query = searchStateToQuery(state);
	history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
	if (headerBox) headerBox.value = state.q;
}

function syncControls(): void {
	input.value = state.q;
	if (headerBox) headerBox.value = state.q;
	for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=sort]')) radio.checked = radio.value === state.sort;
}

function readCheckedFilters(): void {
	for (const facet of SEARCH_FACETS) {
		const fieldset = facetFieldset(facet);
		if (!fieldset) continue;
		const checked = [...fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((i) => i.value);
		// Keep selected values that are not drawn (a collapsed long list).
		const drawn = new Set([...fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((i) => i.value));
		state.filters[facet] = [...state.filters[facet].filter((v) => !drawn.has(v)), ...checked];
	}
}

/** Something the user did: fetch the facet filters from now on. */
function interacted(): void {
	void loadFilters();
}

input.addEventListener('focus', () => void loadPagefind().then((pf) => pf?.init()), { once: true });
input.addEventListener('input', () => {
	state = { ...state, q: input.value.trim() };
	updateUrl();
	interacted();
	void runSearch({ debounce: true });
});
form.addEventListener('submit', (event) => {
	event.preventDefault();
	state = { ...state, q: input.value.trim() };
	updateUrl();
	interacted();
	void runSearch();
});
app.addEventListener('change', (event) => {
	const target = event.target;
	if (!(target instanceof HTMLInputElement)) return;
	if (target.name === 'sort') state = { ...state, sort: target.value === 'newest' ? 'newest' : 'relevance' };
	else readCheckedFilters();
	updateUrl();
	interacted();
	void runSearch();
});
app.addEventListener('click', (event) => {
	const button = event.target instanceof Element ? event.target.closest('[data-facet-more]') : null;
	if (!button) return;
	const facet = button.closest<HTMLFieldSetElement>('fieldset[data-facet]')!.dataset.facet as SearchFacet;
	if (expanded.has(facet)) expanded.delete(facet);
	else expanded.add(facet);
	interacted();
	renderFacets();
});
more.addEventListener('click', () => void showMore(generation, true));

// Start: show the app, restore the state from the URL, load Pagefind (or say there is none).
// The app was shown (and on a narrow screen its filters folded) by an inline script as the page
// was parsed, so nothing moves when this script arrives.
syncControls();
renderFacets();
if (hasCriteria(state)) void runSearch();
else
	void loadPagefind().then((pf) => {
		if (pf && !hasCriteria(state)) status.textContent = 'Type a word, or pick a filter.';
	});
