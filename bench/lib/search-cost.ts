import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/serve-static.ts';

/** What the first search query on a fresh page fetched from the Pagefind index. */
export interface SearchCost {
	query: string;
	/** Bytes of every `pagefind/` response: script, WebAssembly, metadata, index chunks, fragments. */
	bytes: number;
	/** Each fetched file and its size, in request order. */
	files: Array<{ path: string; bytes: number }>;
	/** How many pages matched. */
	results: number;
	/** How many results' fragments were loaded (as a results list shows them). */
	loaded: number;
}

/** Pagefind's own UI shows five results first; a query loads their fragments and no more. */
export const RESULTS_SHOWN = 5;

/**
 * Runs one real query in headless Chromium against the built site, through
 * Pagefind's JS API (the same calls any search UI makes), and adds up the bytes
 * of every response from the `pagefind/` folder, including the worker's requests.
 * `pagePath` is any page of the site to run it from.
 */
export async function measureSearchQuery(dist: string, options: { query: string; pagePath: string; base?: string }): Promise<SearchCost> {
	const base = options.base ?? '/';
	const server = await serveStatic(dist, base);
	const browser = await launchBrowser();
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		const pending: Array<Promise<{ path: string; bytes: number } | undefined>> = [];
		const pagefindPrefix = new URL('pagefind/', server.url).pathname;
		context.on('response', (response) => {
			const url = new URL(response.url());
			if (!url.pathname.startsWith(pagefindPrefix)) return;
			pending.push(
				response
					.body()
					.then((body) => ({ path: url.pathname.slice(pagefindPrefix.length), bytes: body.length }))
					.catch(() => undefined),
			);
		});
		await page.goto(new URL(options.pagePath.replace(/^\/+/, ''), server.url).href);
		const outcome = await page.evaluate(
			async ({ url, query, shown }) => {
				const pagefind = await import(url);
				if (typeof pagefind.init === 'function') await pagefind.init();
				const search = await pagefind.search(query);
				const data = await Promise.all(search.results.slice(0, shown).map((r: { data(): Promise<unknown> }) => r.data()));
				return { results: search.results.length as number, loaded: data.length };
			},
			{ url: new URL('pagefind/pagefind.js', server.url).href, query: options.query, shown: RESULTS_SHOWN },
		);
		const files = (await Promise.all(pending)).filter((f) => f !== undefined);
		await context.close();
		return { query: options.query, bytes: files.reduce((sum, f) => sum + f.bytes, 0), files, ...outcome };
	} finally {
		await browser.close();
		await server.close();
	}
}

/** Everything the search page downloads to show its first results. */
export interface SearchPageCost {
	/** All responses: the page, its CSS and JS, Pagefind's files. */
	bytes: number;
	/** Of which from `pagefind/`. */
	pagefindBytes: number;
	requests: number;
}

/**
 * Opens the site's search page with a query in the URL (`search/?q=…`), waits
 * until the network is idle, and adds up every response: what a person pays
 * for a first search through the project's own UI.
 */
export async function measureSearchPage(dist: string, options: { query: string; searchPath?: string; base?: string }): Promise<SearchPageCost> {
	const server = await serveStatic(dist, options.base ?? '/');
	const browser = await launchBrowser();
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		const pagefindPrefix = new URL('pagefind/', server.url).pathname;
		const pending: Array<Promise<{ pagefind: boolean; bytes: number } | undefined>> = [];
		context.on('response', (response) => {
			const pagefind = new URL(response.url()).pathname.startsWith(pagefindPrefix);
			pending.push(
				response
					.body()
					.then((body) => ({ pagefind, bytes: body.length }))
					.catch(() => undefined),
			);
		});
		const url = new URL(`${(options.searchPath ?? 'search/').replace(/^\/+/, '')}?q=${encodeURIComponent(options.query)}`, server.url);
		await page.goto(url.href, { waitUntil: 'networkidle' });
		const sizes = (await Promise.all(pending)).filter((s) => s !== undefined);
		await context.close();
		return {
			bytes: sizes.reduce((sum, s) => sum + s.bytes, 0),
			pagefindBytes: sizes.filter((s) => s.pagefind).reduce((sum, s) => sum + s.bytes, 0),
			requests: sizes.length,
		};
	} finally {
		await browser.close();
		await server.close();
	}
}
