import { cp, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../../tools/browser.ts';
import { buildSite, fixture, type BuiltSite } from '../support/build-site.ts';
import { serveStatic, type StaticServer } from '../../tools/serve-static.ts';
import { elementsWiderThanViewport } from '../support/layout.ts';
import axe from 'axe-core';

// Search, insights and related incidents against the built tests/fixtures/search site:
// 8 published postmortems with one distinctive word each (quokka, marmalade, periwinkle,
// gondola, zamboni, sasquatch, kumquat, walrus) and a draft (xylophone) that must not show.
const ENV = { PM_AS_OF: '2025-07-15' };
const QUOKKA = '2025-06-02-ledger-quokka-deadlock';

let browser: Browser;
let site: BuiltSite;
let server: StaticServer;

async function buildOrThrow(env: Record<string, string>): Promise<BuiltSite> {
	const built = await buildSite(fixture('search'), env);
	if (built.code !== 0) throw new Error(`fixture build failed (${built.code}):\n${built.stdout}\n${built.stderr}`);
	return built;
}

async function openSearch(page: Page, base: string, query: string): Promise<void> {
	await page.goto(new URL(`search/${query}`, base).href);
	// Wait until the status says something other than "Loading search…".
	await page.locator('[data-search-status]').filter({ hasText: /match|with these filters|No incidents|Type a word/ }).waitFor();
}

const resultLinks = (page: Page) => page.locator('[data-results] .result h3 a');

beforeAll(async () => {
	[site, browser] = await Promise.all([buildOrThrow(ENV), launchBrowser()]);
	server = await serveStatic(site.outDir, '/');
});

afterAll(async () => {
	await server?.close();
	await browser?.close();
});

describe('search', () => {
	it('finds the incident with a distinctive word first, and keeps ?q= in the URL as the user types', async () => {
		const page = await browser.newPage();
		const errors = collectPageErrors(page);
		await openSearch(page, server.url, '');
		await page.locator('#search-q').pressSequentially('quokka');
		await expect.poll(() => page.url()).toContain('?q=quokka');
		await page.locator('[data-search-status]').filter({ hasText: 'match “quokka”' }).waitFor();
		expect(await resultLinks(page).first().getAttribute('href')).toBe(`/postmortems/${QUOKKA}/`);
		// The summary is shown with the word highlighted.
		expect(await page.locator('[data-results] .result').first().locator('mark').first().textContent()).toMatch(/quokka/i);
		await page.locator('#search-q').fill('periwinkle');
		await expect.poll(() => resultLinks(page).first().getAttribute('href')).toBe('/postmortems/2024-11-20-auth-periwinkle-cert/');
		expect(page.url()).toContain('?q=periwinkle');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('pre-fills the search box from ?q= and shows the results, with one search box and one named search landmark', async () => {
		const page = await browser.newPage();
		await openSearch(page, server.url, '?q=gondola');
		expect(await page.locator('#search-q').inputValue()).toBe('gondola');
		expect(await page.locator('input[type=search]').count()).toBe(1);
		expect(await page.getByRole('search').count()).toBe(1);
		expect(await page.getByRole('search', { name: 'Search the archive' }).count()).toBe(1);
		expect(await resultLinks(page).first().getAttribute('href')).toBe('/postmortems/2024-08-05-search-gondola-backlog/');
		await page.close();
	});

	it('narrows results with facets (within a facet values add up; across facets they narrow), and counts follow', async () => {
		const page = await browser.newPage();
		await openSearch(page, server.url, '?q=latency');
		const all = await resultLinks(page).count();
		expect(all).toBe(5);
		await page.locator('input[name=severity][value=SEV3]').check();
		await expect.poll(() => page.url()).toContain('severity=SEV3');
		await expect.poll(() => resultLinks(page).count()).toBe(3);
		expect(await page.locator('[data-results] .sev').allTextContents()).toEqual(['SEV3', 'SEV3', 'SEV3']);
		// Counts now describe the matching incidents; SEV1 is still offered (counted without the severity filter).
		await expect.poll(() => page.locator('[data-facet-note]').textContent()).toContain('matching');
		expect(await page.locator('fieldset[data-facet=severity] li[data-value=SEV1] .count').textContent()).toBe('1');
		await page.locator('input[name=service][value=ledger-db]').check();
		await expect.poll(() => resultLinks(page).count()).toBe(1);
		expect(await resultLinks(page).first().getAttribute('href')).toBe('/postmortems/2025-01-08-ledger-walrus-disk/');
		// A linked filtered search restores the same state.
		await openSearch(page, server.url, `?${new URL(page.url()).searchParams}`);
		expect(await page.locator('input[name=service][value=ledger-db]').isChecked()).toBe(true);
		expect(await resultLinks(page).count()).toBe(1);
		await page.close();
	});

	it('counts each filter for the current query as soon as a linked query shows its results, without a click', async () => {
		const page = await browser.newPage();
		await openSearch(page, server.url, '?q=latency');
		await expect.poll(() => page.locator('[data-facet-note]').textContent()).toContain('matching');
		// 5 incidents match "latency", 3 of them SEV3; the archive-wide totals are not shown for a query.
		const counts = await page.locator('fieldset[data-facet=severity] li').evaluateAll((lis) =>
			Object.fromEntries(lis.map((li) => [li.getAttribute('data-value'), li.querySelector('.count')?.textContent])),
		);
		expect(Number(counts.SEV3)).toBe(3);
		expect(Object.values(counts).reduce((n: number, c) => n + Number(c), 0)).toBe(5);
		// A query nothing matches: every filter would give nothing.
		await openSearch(page, server.url, '?q=xylophone');
		await expect.poll(() => page.locator('[data-facet-note]').textContent()).toContain('matching');
		const none = await page.locator('fieldset[data-facet] li .count').allTextContents();
		expect(none.length).toBeGreaterThan(0);
		expect(new Set(none)).toEqual(new Set(['0']));
		await page.close();
	});

	it('switches from relevance to newest first', async () => {
		const page = await browser.newPage();
		await openSearch(page, server.url, '?q=latency');
		await page.locator('input[name=sort][value=newest]').check();
		await expect.poll(() => page.url()).toContain('sort=newest');
		await expect.poll(() => resultLinks(page).first().getAttribute('href')).toBe(`/postmortems/${QUOKKA}/`);
		const dates = await page.locator('[data-results] time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
		expect(dates).toEqual([...dates].sort().reverse());
		expect(await page.locator('[data-results] time').first().textContent()).toBe('2025-06-02');
		await page.close();
	});

	it('leaves drafts out of the index and shows index text escaped', async () => {
		const page = await browser.newPage();
		await openSearch(page, server.url, '?q=xylophone');
		expect(await page.locator('[data-search-status]').textContent()).toContain('No incidents match');
		// The walrus summary quotes an <img onerror> tag: it must show as text, never run.
		await openSearch(page, server.url, '?q=walrus');
		await expect.poll(() => page.locator('[data-results]').textContent()).toContain('<img src=x onerror=');
		expect(await page.evaluate(() => (window as unknown as { __pmXss?: number }).__pmXss)).toBeUndefined();
		expect(await page.locator('[data-results] img').count()).toBe(0);
		await page.close();
	});

	it('focuses the search box with / and Ctrl-K, and ships no script file outside the search page', async () => {
		const page = await browser.newPage();
		await page.goto(new URL(`postmortems/${QUOKKA}/`, server.url).href);
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
		await page.locator('body').click();
		await page.keyboard.press('Control+k');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
		for (const p of ['', `postmortems/${QUOKKA}/`, 'insights/']) {
			const html = await readFile(path.join(site.outDir, p, 'index.html'), 'utf8');
			expect(html, p).not.toMatch(/<script[^>]+src=/);
			for (const inline of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) expect(inline[1]!.length, p).toBeLessThanOrEqual(1024);
		}
		await page.goto(new URL('search/', server.url).href);
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
		await page.close();
	});

	it('says there is no index, and how to get one, when pagefind/ is missing (as in npm run dev)', async () => {
		const copy = `${site.outDir}-no-index`;
		await cp(site.outDir, copy, { recursive: true });
		await rm(path.join(copy, 'pagefind'), { recursive: true });
		const bare = await serveStatic(copy, '/');
		try {
			const page = await browser.newPage();
			await page.goto(new URL('search/?q=quokka', bare.url).href);
			const notice = page.locator('[data-search-notice]');
			await notice.waitFor({ state: 'visible' });
			expect(await notice.textContent()).toContain('npm run build && npm run preview');
			expect(await page.locator('[data-search-app]').isHidden()).toBe(true);
			await page.close();
		} finally {
			await bare.close();
		}
	});
});

describe('every page type', () => {
	it('runs without a JavaScript error (crawling the built site from the home page)', async () => {
		const page = await browser.newPage();
		const errors = collectPageErrors(page);
		const origin = new URL(server.url).origin;
		const queue = [server.url, new URL('search/?q=quokka', server.url).href, new URL('search/?tag=database', server.url).href];
		const seen = new Set<string>();
		const perType = new Map<string, number>();
		while (queue.length > 0) {
			const url = queue.shift()!;
			const { pathname, search } = new URL(url);
			if (seen.has(pathname + search)) continue;
			seen.add(pathname + search);
			// Two pages of each kind are enough (postmortems/a/, postmortems/b/, …).
			const kind = pathname.split('/').filter(Boolean)[0] ?? 'home';
			if ((perType.get(kind) ?? 0) >= 2) continue;
			// Only pages this build has (other kinds of listing may come from other work).
			const file = path.join(site.outDir, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
			if (!(await stat(file).catch(() => undefined))?.isFile()) continue;
			perType.set(kind, (perType.get(kind) ?? 0) + 1);
			await page.goto(url, { waitUntil: 'networkidle' });
			for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
				const next = new URL(href);
				// Pages only: feeds and exports (rss.xml, actions.csv…) are downloads, not pages.
				if (next.origin === origin && next.pathname.endsWith('/') && !next.pathname.startsWith('/pagefind/')) queue.push(next.origin + next.pathname + next.search);
			}
		}
		expect([...perType.keys()]).toEqual(expect.arrayContaining(['home', 'postmortems', 'search', 'insights']));
		expect(errors).toEqual([]);
		await page.close();
	});

	it('shows related incidents on an incident page, and insights with accessible charts whose numbers link to listings', async () => {
		const page = await browser.newPage();
		await page.goto(new URL(`postmortems/${QUOKKA}/`, server.url).href);
		const related = page.getByRole('complementary', { name: 'Related incidents' });
		expect(await related.locator('a').first().getAttribute('href')).toBe('/postmortems/2025-01-08-ledger-walrus-disk/');
		await page.goto(new URL('insights/', server.url).href);
		const charts = page.locator('svg[role=img]');
		expect(await charts.count()).toBeGreaterThanOrEqual(7);
		for (const chart of await charts.all()) {
			expect(await chart.locator('title').first().textContent()).not.toBe('');
			expect(await chart.locator('desc').textContent()).not.toBe('');
		}
		expect(await page.getByRole('img', { name: /Incidents per month by severity/ }).count()).toBe(1);
		expect(await page.locator('a[href="/services/ledger-db/"]').count()).toBeGreaterThan(0);
		expect(await page.locator('a[href="/severity/sev1/"]').textContent()).toContain('2');
		await page.close();
	});
});

describe('on a phone (390 px)', () => {
	it('no page scrolls sideways: no element is wider than the viewport', async () => {
		const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		for (const p of ['', `postmortems/${QUOKKA}/`, 'search/?q=latency', 'insights/', 'tags/', 'services/ledger-db/', 'severity/', 'actions/']) {
			await page.goto(new URL(p, server.url).href, { waitUntil: 'networkidle' });
			expect(await elementsWiderThanViewport(page), p || 'home').toEqual([]);
		}
		await page.close();
	});

	it('hides the keyboard hint on a touch screen', async () => {
		const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		await openSearch(page, server.url, '');
		expect(await page.locator('#search-help kbd').first().isVisible()).toBe(false);
		expect(await page.locator('#search-help').textContent()).toContain('Results update as you type.');
		await page.close();
	});
});

describe('axe (WCAG 2 A and AA rules)', () => {
	it('finds no violation on the home page, an incident, search with results, insights, a listing and the aging page, light and dark', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const page = await browser.newPage({ colorScheme });
			for (const p of ['', `postmortems/${QUOKKA}/`, 'search/?q=latency', 'insights/', 'tags/', 'actions/']) {
				await page.goto(new URL(p, server.url).href, { waitUntil: 'networkidle' });
				await page.addScriptTag({ content: axe.source });
				const violations = await page.evaluate(async () => {
					const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
					return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
				});
				expect(violations, `${colorScheme} ${p || 'home'}`).toEqual([]);
			}
			await page.close();
		}
		// Twelve pages, each loaded and checked in full: more than the default minute on a loaded machine.
	}, 240_000);
});

describe('under a base path', () => {
	let based: BuiltSite;
	let basedServer: StaticServer;
	beforeAll(async () => {
		based = await buildOrThrow({ ...ENV, PM_BASE: '/archive' });
		basedServer = await serveStatic(based.outDir, '/archive/');
	});
	afterAll(async () => {
		await basedServer?.close();
	});

	it('searches, links results and describes itself to browsers under /archive/', async () => {
		const page = await browser.newPage();
		const errors = collectPageErrors(page);
		await openSearch(page, basedServer.url, '?q=sasquatch');
		const first = resultLinks(page).first();
		expect(await first.getAttribute('href')).toBe('/archive/postmortems/2023-09-30-gateway-sasquatch-dns/');
		await first.click();
		await page.waitForURL(/\/archive\/postmortems\/2023-09-30-gateway-sasquatch-dns\/$/);
		expect(await page.locator('h1').textContent()).toContain('sasquatch');
		expect(await page.locator('link[rel=search]').getAttribute('href')).toBe('/archive/opensearch.xml');
		const xml = await (await page.request.get(new URL('opensearch.xml', basedServer.url).href)).text();
		expect(xml).toContain('/archive/search/?q={searchTerms}');
		expect(errors).toEqual([]);
		await page.close();
	});
});
