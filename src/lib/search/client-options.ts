/**
 * The Pagefind options the search page runs with, shared with the benchmark so that it
 * measures the bytes this site's own first query fetches.
 *
 * `noWorker`: search on the page's thread and skip pagefind-worker.js (43 KB, about a
 * seventh of a first query's bytes at 10,000 incidents); Pagefinds that do not know the
 * option use the worker. `excerptLength`: words around the match in a result's excerpt.
 */
export const PAGEFIND_CLIENT_OPTIONS = { excerptLength: 26, noWorker: true } as const;
