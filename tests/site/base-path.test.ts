import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../tools/serve-static.ts';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { AS_OF, isReadingPage, SITE_FIXTURE, SLUGS } from './fixture.ts';
import { attr, htmlFiles, parsePage, readPage } from './html.ts';

// One build hosted under a sub-path (PM_BASE=/archive), shared by every test here.
let site: BuiltSite;

beforeAll(async () => {
	site = await buildSite(SITE_FIXTURE, { PM_AS_OF: AS_OF, PM_BASE: '/archive' });
	if (site.code !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
});

describe('site under a base path', () => {
	it('prefixes every root-relative link, form action and asset with the base', async () => {
		const files = (await htmlFiles(site.outDir)).filter(isReadingPage);
		expect(files.length).toBeGreaterThan(20);
		for (const file of files) {
			const p = parsePage(await readFile(path.join(site.outDir, file), 'utf8'));
			const urls = [
				...p.$$('[href]').map((e) => attr(e, 'href')!),
				...p.$$('[src]').map((e) => attr(e, 'src')!),
				...p.$$('form[action]').map((e) => attr(e, 'action')!),
			].filter((u) => u.startsWith('/'));
			expect(urls.length, file).toBeGreaterThan(0);
			for (const u of urls) expect(u, `${file}: ${u}`).toMatch(/^\/archive\//);
		}
	});

	it('links incidents, listings and feeds under the base', async () => {
		const home = await readPage(site.outDir, '');
		expect(attr(home.$('article.card h3 a'), 'href')).toBe(`/archive/postmortems/${SLUGS.sev1}/`);
		expect(home.$$('main .exports a').map((a) => attr(a, 'href'))).toEqual(['/archive/actions/', '/archive/postmortems.json', '/archive/rss.xml', '/archive/actions.ics']);
		expect(attr(home.$('form[role="search"]'), 'action')).toBe('/archive/search/');
		const incident = await readPage(site.outDir, `postmortems/${SLUGS.sev1}/`);
		expect(attr(incident.$('header a.sev'), 'href')).toBe('/archive/severity/sev1/');
	});

	it('serves pages and the 404 page under the base', async () => {
		const server = await serveStatic(site.outDir, '/archive');
		try {
			const ok = await fetch(new URL(`services/checkout-api/`, server.url));
			expect(ok.status).toBe(200);
			const missing = await fetch(new URL('no-such-page/', server.url));
			expect(missing.status).toBe(404);
			const body = parsePage(await missing.text());
			expect(attr(body.$('main a'), 'href')).toBe('/archive/');
		} finally {
			await server.close();
		}
	});
});
