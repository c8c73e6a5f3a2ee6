import type { Browser, Response } from 'playwright-core';
import { launchBrowser } from '../../tools/browser.ts';
import { serveStatic } from '../../tools/serve-static.ts';

/** One response from the Pagefind bundle. */
export interface FetchedFile {
	path: string;
	/** Bytes on the wire (text files gzip-encoded, as a static host serves them). */
	bytes: number;
	/** Bytes after decoding. */
	decodedBytes: number;
}

/** What the first search query on a fresh page fetched from the Pagefind index. */
export interface SearchCost {
	query: string;
	/** Bytes of every `pagefind/` response on the wire: script, WebAssembly, metadata, index chunks, fragments. */
	bytes: number;
	/** The same, decoded (what a server without compression would send). */
	decodedBytes: number;
	/** Each fetched file, in request order. */
	files: FetchedFile[];
	/** How many pages matched. */
	results: number;
	/** How many results' fragments were loaded (as a results list shows them). */
	loaded: number;
}

/** Pagefind's own UI shows five results first; a query loads their fragments and no more. */
export const RESULTS_SHOWN = 5;

/**
 * The search terms the benchmark asks by default: what someone asks mid-incident ("have we
 * seen this before?"), from a word on most pages ("database") to rarer two-word symptoms.
 * The report gives the median (a typical query) and the largest.
 */
export const TYPICAL_QUERIES = ['database', 'certificate', 'dns', 'timeout', 'replication lag', 'memory leak', 'rate limit', 'disk full'];

/** A response's size on the wire and decoded; undefined when it failed. */
async function responseSize(response: Response): Promise<{ bytes: number; decodedBytes: number } | undefined> {
	try {
		const body = await response.body();
		const sizes = await response.request().sizes();
		return { bytes: sizes.responseBodySize || body.length, decodedBytes: body.length };
	} catch {
		return undefined;
	}
}

/** Serves `dist` (text gzip-encoded) to a fresh headless Chromium for `use`, then closes both. */
async function withSiteInBrowser<T>(dist: string, base: string, use: (browser: Browser, siteUrl: string) => Promise<T>): Promise<T> {
	const server = await serveStatic(dist, base, { compress: true });
	const browser = await launchBrowser();
	try {
		return await use(browser, server.url);
	} finally {
		await browser.close();
		await server.close();
	}
}

/**
 * Runs each query once, cold (a new browser context, so nothing is cached), in
 * headless Chromium against the built site served with gzip for text files, through
 * Pagefind's JS API (the calls any search UI makes), and adds up every response from
 * the `pagefind/` folder, including a worker's requests. `pagePath` is any page of the
 * site to run it from; `pagefindOptions` are passed to `pagefind.options()` first, as
 * the site's own search page does.
 */
export async function measureSearchQueries(
	dist: string,
	options: { queries: ReadonlyArray<string>; pagePath: string; base?: string; pagefindOptions?: Record<string, unknown> },
): Promise<SearchCost[]> {
	return withSiteInBrowser(dist, options.base ?? '/', async (browser, siteUrl) => {
		const costs: SearchCost[] = [];
		const pagefindPrefix = new URL('pagefind/', siteUrl).pathname;
		for (const query of options.queries) {
			const context = await browser.newContext();
			const page = await context.newPage();
			const pending: Array<Promise<FetchedFile | undefined>> = [];
			context.on('response', (response) => {
				const url = new URL(response.url());
				if (!url.pathname.startsWith(pagefindPrefix)) return;
				pending.push(responseSize(response).then((size) => size && { path: url.pathname.slice(pagefindPrefix.length), ...size }));
			});
			await page.goto(new URL(options.pagePath.replace(/^\/+/, ''), siteUrl).href);
			const outcome = await page.evaluate(
				async ({ url, query, shown, pagefindOptions }) => {
					const pagefind = await import(url);
					if (pagefindOptions) await pagefind.options(pagefindOptions);
					if (typeof pagefind.init === 'function') await pagefind.init();
					const search = await pagefind.search(query);
					const data = await Promise.all(search.results.slice(0, shown).map((r: { data(): Promise<unknown> }) => r.data()));
					return { results: search.results.length as number, loaded: data.length };
				},
				{ url: new URL('pagefind/pagefind.js', siteUrl).href, query, shown: RESULTS_SHOWN, pagefindOptions: options.pagefindOptions },
			);
			const files = (await Promise.all(pending)).filter((f) => f !== undefined);
			await context.close();
			costs.push({
				query,
				bytes: files.reduce((sum, f) => sum + f.bytes, 0),
				decodedBytes: files.reduce((sum, f) => sum + f.decodedBytes, 0),
				files,
				...outcome,
			});
		}
		return costs;
	});
}

/** Everything the search page downloads to show its first results. */
export interface SearchPageCost {
	/** All responses on the wire: the page, its CSS and JS, Pagefind's files. */
	bytes: number;
	/** Of which from `pagefind/`. */
	pagefindBytes: number;
	requests: number;
}

/**
 * Opens the site's search page with a query in the URL (`search/?q=…`), waits
 * until the network is idle, and adds up every response on the wire: what a person
 * pays for a first search through the project's own UI.
 */
export async function measureSearchPage(dist: string, options: { query: string; searchPath?: string; base?: string }): Promise<SearchPageCost> {
	return withSiteInBrowser(dist, options.base ?? '/', async (browser, siteUrl) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const pagefindPrefix = new URL('pagefind/', siteUrl).pathname;
		const pending: Array<Promise<{ pagefind: boolean; bytes: number } | undefined>> = [];
		context.on('response', (response) => {
			const pagefind = new URL(response.url()).pathname.startsWith(pagefindPrefix);
			pending.push(responseSize(response).then((size) => size && { pagefind, bytes: size.bytes }));
		});
		const url = new URL(`${(options.searchPath ?? 'search/').replace(/^\/+/, '')}?q=${encodeURIComponent(options.query)}`, siteUrl);
		await page.goto(url.href, { waitUntil: 'networkidle' });
		const sizes = (await Promise.all(pending)).filter((s) => s !== undefined);
		await context.close();
		return {
			bytes: sizes.reduce((sum, s) => sum + s.bytes, 0),
			pagefindBytes: sizes.filter((s) => s.pagefind).reduce((sum, s) => sum + s.bytes, 0),
			requests: sizes.length,
		};
	});
}
