import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../../tools/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/serve-static.ts';
import { buildSite } from '../support/build-site.ts';
import { ACTIONS_AS_OF, ACTIONS_FIXTURE } from '../support/fixture-archive.ts';

// The monthly review pages of the action-item fixture, in a real browser: readable on a phone, printable.
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	const site = await buildSite(ACTIONS_FIXTURE, { PM_AS_OF: ACTIONS_AS_OF, DEV: '', PROD: '1', MODE: 'production', NODE_ENV: 'production' });
	if (site.code !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
	server = await serveStatic(site.outDir, '/');
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

async function open(path: string, width: number, media: 'screen' | 'print' = 'screen') {
	const context = await browser.newContext({ viewport: { width, height: 900 } });
	const page = await context.newPage();
	const errors = collectPageErrors(page);
	await page.emulateMedia({ media });
	await page.goto(new URL(path, server.url).href);
	return { page, errors, close: () => context.close() };
}

const overflow = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the monthly review pages', () => {
	it('fit a 390 px phone without sideways scrolling, and ship no script of their own', async () => {
		const home = await open('', 390);
		const layoutScripts = await home.page.locator('script').count();
		await home.close();
		for (const path of ['actions/review/', 'actions/review/2026-10/']) {
			const { page, errors, close } = await open(path, 390);
			expect(await overflow(page)).toBeLessThanOrEqual(0);
			expect(await page.locator('script').count()).toBe(layoutScripts);
			expect(errors).toEqual([]);
			await close();
		}
	});

	it('print on their own: no navigation, nothing wider than the page, every section there', async () => {
		const { page, close } = await open('actions/review/2026-10/', 700, 'print');
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		expect(await page.locator('nav.rv-nav').isVisible()).toBe(false);
		expect(await page.locator('h2').allInnerTexts()).toEqual(['Oldest open items', 'Open items per owner', 'Newly overdue in October 2026', 'Opened in October 2026', 'Closed in October 2026']);
		await close();
	});

	it('is reached from /actions/ and links month to month', async () => {
		const { page, close } = await open('actions/', 1280);
		await page.getByRole('link', { name: 'the monthly review' }).click();
		await page.getByRole('link', { name: 'October 2026' }).click();
		expect(await page.locator('h1').innerText()).toBe('Action-item review: October 2026');
		await page.getByRole('link', { name: '← September 2026' }).click();
		expect(await page.locator('h1').innerText()).toBe('Action-item review: September 2026');
		await close();
	});
});
