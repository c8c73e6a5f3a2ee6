import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTING_PAGE_SIZE } from '../../src/lib/routing/pagination.ts';
import { buildGeneratedSite, type GeneratedSite } from '../support/generated-site.ts';
import { attr, readPage, text, type Page } from './html.ts';

// A generated archive big enough that its largest severity needs more than one listing page.
let site: GeneratedSite;
const page = (route: string): Promise<Page> => readPage(site.outDir, route);

beforeAll(async () => {
	site = await buildGeneratedSite(160, 'pagination', '2026-01-15');
	if (site.code !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
});

afterAll(async () => {
	await site?.remove();
});

/** The largest severity listing, from the severity index's counts. */
async function largestSeverity(): Promise<{ href: string; count: number }> {
	const index = await page('severity/');
	const rows = index.$$('ul.sevs li').map((li) => ({ href: attr(li.querySelector('a'), 'href')!, count: Number(/(\d+) postmortem/.exec(text(li))?.[1] ?? 0) }));
	return rows.sort((a, b) => b.count - a.count)[0]!;
}

describe('paginated listings', () => {
	it('splits a long listing into pages linked newest to oldest, every incident once, in order', async () => {
		const { href, count } = await largestSeverity();
		expect(count).toBeGreaterThan(LISTING_PAGE_SIZE);
		const pages = Math.ceil(count / LISTING_PAGE_SIZE);
		const seen: string[] = [];
		const dates: string[] = [];
		let route: string | undefined = href;
		for (let n = 1; route; n++) {
			const p = await page(route);
			const cards = p.$$('article.card');
			expect(cards.length, route).toBe(n < pages ? LISTING_PAGE_SIZE : count - LISTING_PAGE_SIZE * (pages - 1));
			seen.push(...cards.map((c) => attr(c.querySelector('h2 a'), 'href')!));
			dates.push(...cards.map((c) => attr(c.querySelector('time'), 'datetime')!));
			expect(text(p.$('.intro')), route).toContain(`${count} postmortems`);
			expect(attr(p.$('.pager a[aria-current="page"]'), 'href')).toBe(route);
			if (n > 1) {
				expect(route).toBe(`${href}${n}/`);
				expect(text(p.$('title'))).toContain(`(page ${n} of ${pages})`);
				expect(p.$('.pager a[rel="prev"]')).toBeDefined();
			}
			route = attr(p.$('.pager a[rel="next"]'), 'href');
		}
		expect(seen).toHaveLength(count);
		expect(new Set(seen).size).toBe(count);
		expect(dates).toEqual([...dates].sort().reverse());
	});

	it('leaves short listings on one page, without a pager', async () => {
		const index = await page('services/');
		const href = attr(index.$('ul.terms a'), 'href')!;
		const p = await page(href);
		expect(p.$$('article.card').length).toBeLessThanOrEqual(LISTING_PAGE_SIZE);
		expect(p.$('.pager')).toBeUndefined();
	});
});
