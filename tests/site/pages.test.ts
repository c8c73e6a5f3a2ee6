import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { AS_OF, isReadingPage, PUBLISHED, SITE_FIXTURE, SLUGS } from './fixture.ts';
import { attr, htmlFiles, readPage, text, type Page } from './html.ts';

// One real build of the fixture archive (published only), shared by every test here.
let site: BuiltSite;
const page = (route: string): Promise<Page> => readPage(site.outDir, route);
const ids = (p: Page, selector: string) => p.$$(selector).map((a) => attr(a, 'href'));

beforeAll(async () => {
	site = await buildSite(SITE_FIXTURE, { PM_AS_OF: AS_OF, SHOW_DRAFTS: '' });
	if (site.code !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
});

describe('published build', () => {
	it('has a page per published postmortem and none for drafts or reviews', async () => {
		const files = await htmlFiles(site.outDir);
		const built = files.filter((f) => f.startsWith('postmortems/')).map((f) => f.split('/')[1]);
		expect(built.sort()).toEqual([...PUBLISHED].sort());
		const home = await page('');
		expect(home.html).not.toContain(SLUGS.draft);
		expect(home.html).not.toContain(SLUGS.review);
		expect(home.html).not.toContain('Not published');
	});

	it('keeps headings in order on every reading page: one h1, no skipped levels', async () => {
		for (const file of (await htmlFiles(site.outDir)).filter(isReadingPage)) {
			const p = await readPage(site.outDir, file);
			const levels = p.$$('h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName.slice(1)));
			expect(levels.filter((l) => l === 1), file).toHaveLength(1);
			expect(levels[0], file).toBe(1);
			levels.forEach((level, i) => {
				if (i > 0) expect(level - levels[i - 1]!, `${file}: h${levels[i - 1]} → h${level}`).toBeLessThanOrEqual(1);
			});
			expect(p.$('main#main'), file).toBeDefined();
		}
	});

	it('ships no script file and only the small search-shortcut script on the reading pages', async () => {
		const files = (await htmlFiles(site.outDir)).filter(isReadingPage);
		expect(files.length).toBeGreaterThan(20);
		for (const file of files) {
			const html = await readFile(path.join(site.outDir, file), 'utf8');
			expect(html, file).not.toMatch(/<script[^>]*\ssrc=/i);
			const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
			expect(inline.length, file).toBeLessThanOrEqual(1);
			for (const code of inline) {
				expect(code, file).toContain('site-search-q');
				expect(Buffer.byteLength(code), file).toBeLessThanOrEqual(1024);
			}
		}
	});
});

describe('incident page', () => {
	let p: Page;
	beforeAll(async () => {
		p = await page(`postmortems/${SLUGS.sev1}/`);
	});

	it('shows the header facts', () => {
		expect(text(p.$('h1'))).toBe('Card payments declined after certificate rotation');
		const header = p.$('article header');
		expect(attr(p.$('header a.sev'), 'href')).toBe('/severity/sev1/');
		expect(text(p.$('header a.sev'))).toBe('SEV1');
		expect(text(p.$('header .status'))).toBe('Published');
		expect(text(header)).toContain('INC-3104');
		const spans = Object.fromEntries(p.$$('dl.spans > div').map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
		expect(spans).toEqual({ 'Time to detect': '4 min', 'Time to mitigate': '1 h 15 min', 'Time to resolve': '3 h 40 min' });
		expect(attr(p.$('dl.moments time'), 'datetime')).toBe('2025-06-02T14:05:00Z');
		expect(text(p.$('dl.moments'))).toContain('2 June 2025, 17:45 UTC');
		expect(ids(p, 'header a.slug:not(.tag)')).toEqual(['/services/payments-api/', '/services/checkout-api/']);
		expect(ids(p, 'header a.tag')).toEqual(['/tags/certificates/', '/tags/third-party/']);
		expect(text(header)).toContain('@amara, @payments-team');
		const reviews = text(p.$('header .stacked'));
		for (const r of ['@amara (responder, 5 June 2025)', '@jonas (lead, 6 June 2025)', '@priya (director, 9 June 2025)']) expect(reviews).toContain(r);
		expect(attr(p.$('header a.year'), 'href')).toBe('/years/2025/');
	});

	it('shows impact, summary, timeline, grouped factors and lessons', () => {
		const impact = text(p.$('section[aria-labelledby="pm-impact"]'));
		expect(impact).toContain('Users affected 18,250');
		expect(impact).toContain('Data loss yes');
		expect(text(p.$('section[aria-labelledby="pm-summary"] p'))).toMatch(/^A scheduled rotation/);
		expect(p.$$('.timeline li')).toHaveLength(5);
		expect(text(p.$('.timeline li'))).toContain('14:05 UTC');
		expect(p.$$('.factor-groups h3').map(text)).toEqual(['Technical', 'Process', 'Operational']);
		expect(p.$$('.factor-groups section.technical li')).toHaveLength(2);
		expect(p.$$('ul.lessons li')).toHaveLength(3);
		expect(text(p.$('.prose h2'))).toBe('What happened');
	});

	it('lists action items with owner, priority, due, status, ticket and an overdue marker as of the build day', () => {
		const caption = p.$('table.action-items caption');
		expect(text(caption)).toContain('status as of 15 July 2025');
		expect(attr(p.$('table.action-items caption time'), 'datetime')).toBe(AS_OF);
		const row = (id: string) => p.$(`tr[data-action-id="${id}"]`);
		expect(attr(row('PAY-102'), 'data-state')).toBe('overdue');
		expect(text(row('PAY-102'))).toContain('Overdue by 29 days');
		expect(text(row('PAY-102'))).toContain('@platform-security');
		expect(text(row('PAY-102'))).toContain('In progress');
		expect(attr(row('PAY-104'), 'data-state')).toBe('open');
		expect(text(row('PAY-104'))).not.toContain('Overdue');
		expect(text(row('PAY-104'))).toContain('in 45 days');
		expect(attr(row('PAY-101'), 'data-state')).toBe('done');
		expect(text(row('PAY-101'))).toContain('P0');
		// An explicit ticket wins; otherwise the config's pattern builds the link.
		expect(attr(p.$('tr[data-action-id="PAY-102"] td.ticket a'), 'href')).toBe('https://tracker.example.com/browse/PAY-102');
		expect(attr(p.$('tr[data-action-id="PAY-104"] td.ticket a'), 'href')).toBe('https://tracker.example.com/browse/PAY-104');
		expect(p.$$('tr .overdue-marker')).toHaveLength(1);
	});

	it('keeps an action item\'s id and title separate words for the search index (which reads spans as inline)', () => {
		const raw = p.$('tr[data-action-id="PAY-102"] td.what')?.textContent.replace(/\s+/g, ' ').trim();
		expect(raw).toMatch(/^PAY-102 Validate the full certificate chain/);
	});

	it('links every listing page it belongs to, and those pages exist', async () => {
		const hrefs = new Set(ids(p, 'article a'));
		const expected = ['/severity/sev1/', '/years/2025/', '/services/payments-api/', '/services/checkout-api/', '/tags/certificates/', '/tags/third-party/'];
		for (const h of expected) {
			expect(hrefs, h).toContain(h);
			await expect(page(h), h).resolves.toBeDefined();
		}
	});

	it('carries the Pagefind attributes on the article only', () => {
		const article = p.$('article');
		expect(article?.hasAttribute('data-pagefind-body')).toBe(true);
		expect(p.$$('[data-pagefind-body]')).toHaveLength(1);
		const values = (kind: string) => p.$$(`article [data-pagefind-${kind}]`).map((el) => attr(el, `data-pagefind-${kind}`));
		expect(values('filter')).toEqual(['severity:SEV1', 'service:payments-api', 'service:checkout-api', 'tag:certificates', 'tag:third-party', 'year:2025']);
		expect(values('sort')).toEqual([expect.stringMatching(/^date:2025-06-02/)]);
		const meta = values('meta');
		expect(meta).toContain('title:Card payments declined after certificate rotation');
		expect(meta).toContain('severity:SEV1');
		expect(meta.some((m) => m?.startsWith('summary:A scheduled rotation'))).toBe(true);
		// Site chrome stays outside the indexed article.
		expect(p.$('article header[role="banner"], article form, article .site-footer')).toBeUndefined();
		expect(p.$('article footer.related')?.hasAttribute('data-pagefind-ignore')).toBe(true);
	});
});

describe('missing and model-drafted text', () => {
	it('says "Summary pending" and "Lessons pending" when they are missing', async () => {
		const p = await page(`postmortems/${SLUGS.noSummary}/`);
		expect(text(p.$('section[aria-labelledby="pm-summary"]'))).toContain('Summary pending');
		expect(text(p.$('section[aria-labelledby="pm-lessons"]'))).toContain('Lessons pending');
		// The search card falls back to the impact summary.
		expect(p.$$('article [data-pagefind-meta]').map((el) => attr(el, 'data-pagefind-meta'))).toContain('summary:New and edited products did not appear in search for about four hours.');
	});

	it('carries no model-draft note on the published site: a reviewed draft is the team\'s text', async () => {
		const p = await page(`postmortems/${SLUGS.drafted}/`);
		expect(text(p.$('section[aria-labelledby="pm-summary"] .lede'))).not.toBe('');
		for (const slug of PUBLISHED) expect((await page(`postmortems/${slug}/`)).html).not.toContain('Model draft awaiting review');
	});
});

describe('sanitising', () => {
	let p: Page;
	beforeAll(async () => {
		p = await page(`postmortems/${SLUGS.sanitise}/`);
	});

	it('drops scripts, event handlers, javascript: URLs, frames, objects and forms from the body', () => {
		const article = p.html.slice(p.html.indexOf('<article'), p.html.indexOf('</article>'));
		expect(article).not.toMatch(/<script|<iframe|<object|<form|<embed/i);
		expect(article).not.toMatch(/\son[a-z]+\s*=/i);
		expect(article).not.toMatch(/javascript:/i);
		expect(article).not.toContain('evil.example.com');
		// The harmless parts survive.
		expect(text(p.$('.prose'))).toContain('webhook queue depth climbing');
		expect(attr(p.$('.prose a[href^="https://grafana"]'), 'href')).toBe('https://grafana.example.com/d/hooks');
		expect(attr(p.$('.prose img'), 'alt')).toBe('queue graph');
	});

	it('escapes frontmatter text instead of rendering it as HTML', () => {
		expect(text(p.$('h1'))).toBe('Webhook deliveries paused <b>after</b> a "safe" config push & rollback');
		expect(p.$('h1 b')).toBeUndefined();
		expect(text(p.$('.impact-summary'))).toContain("<script>alert('impact')</script>");
		// The only script element is the layout's own search shortcut; the impact summary's is text.
		const scripts = [...p.html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
		expect(scripts).toHaveLength(1);
		expect(scripts[0]).toContain('site-search-q');
		expect(p.html).not.toContain("<script>alert('impact')");
		expect(p.html).toContain('<title>Webhook deliveries paused &lt;b&gt;after&lt;/b&gt;');
	});

	it('renders GitHub-flavoured Markdown: tables, task lists, footnotes with a hidden heading', async () => {
		const lock = await page(`postmortems/${SLUGS.sev2}/`);
		expect(lock.$$('.prose table td').map(text)).toContain('92 s');
		expect(lock.$$('.prose input[type="checkbox"]')).toHaveLength(2);
		const notes = lock.$('.prose .footnotes h2');
		expect(attr(notes, 'class')).toBe('sr-only');
		const ref = attr(lock.$('.prose sup a'), 'href');
		expect(ref).toMatch(/^#/);
		expect(lock.$(`.prose [id="${ref!.slice(1)}"]`)).toBeDefined();
	});
});

describe('home and listing pages', () => {
	it('lists every published postmortem newest first, with the facts a reader scans for', async () => {
		const home = await page('');
		const cards = home.$$('article.card');
		expect(cards.map((c) => attr(c.querySelector('h3 a'), 'href'))).toEqual(
			PUBLISHED.map((s) => `/postmortems/${s}/`),
		);
		const first = text(cards[0]);
		expect(first).toContain('SEV1');
		expect(first).toContain('2 June 2025');
		expect(first).toContain('lasted 3 h 40 min');
		expect(first).toContain('payments-api, checkout-api');
		expect(text(cards[3])).toContain('Summary pending');
		expect(text(cards[4])).not.toContain('Model draft awaiting review');
		expect(home.$('[data-pagefind-body]')).toBeUndefined();
	});

	it('links the listing indexes and the feeds and exports through the base path', async () => {
		const home = await page('');
		const hrefs = ids(home, 'nav.browse a');
		for (const h of ['/severity/sev1/', '/severity/sev4/', '/years/2025/', '/years/2024/', '/services/', '/tags/']) expect(hrefs).toContain(h);
		expect(text(home.$('main .exports'))).toContain('Feeds and exports');
		expect(ids(home, 'main .exports a')).toEqual(['/actions/', '/postmortems.json', '/rss.xml', '/actions.ics']);
	});

	it.each([
		['services/checkout-api/', [SLUGS.sev1, SLUGS.sev2]],
		['tags/third-party/', [SLUGS.sev1, SLUGS.drafted]],
		['severity/sev3/', [SLUGS.sanitise, SLUGS.noSummary]],
		['severity/sev1/', [SLUGS.sev1]],
		['years/2024/', [SLUGS.sanitise, SLUGS.noSummary, SLUGS.drafted]],
	])('%s lists the right incidents, newest first', async (route, slugs) => {
		const p = await page(route);
		expect(ids(p, 'article.card h2 a')).toEqual(slugs.map((s) => `/postmortems/${s}/`));
		expect(text(p.$('.intro'))).toContain(`${slugs.length} postmortem`);
		expect(p.$('[data-pagefind-body]')).toBeUndefined();
	});

	it('indexes services, tags, severities and years with counts', async () => {
		const services = await page('services/');
		const items = services.$$('ul.terms li').map(text);
		expect(items).toContain('checkout-api 2 postmortems');
		expect(items).toContain('orders-db 1 postmortem');
		expect(items).toHaveLength(8);
		expect(ids(await page('tags/'), 'ul.terms a')).toContain('/tags/database/');
		expect(ids(await page('years/'), 'ul.terms a')).toEqual(['/years/2025/', '/years/2024/']);
		expect(ids(await page('severity/'), 'ul.sevs a')).toEqual(['/severity/sev1/', '/severity/sev2/', '/severity/sev3/', '/severity/sev4/']);
		// An empty severity still has a page, so links never break.
		expect(text((await page('severity/sev4/')).$('.intro'))).toContain('1 postmortem');
	});

	it('has a 404 page', async () => {
		const p = await page('404.html');
		expect(text(p.$('h1'))).toBe('Page not found');
		expect(ids(p, 'main a')).toContain('/');
	});

	it('has no internal link to a missing page among the reading pages', async () => {
		// Pages other parts of the project build (search, action items, insights, feeds) are not in this fixture build.
		const elsewhere = /^\/(search|actions|insights)\/|^\/(postmortems\.json|rss\.xml|actions\.(ics|csv|json)|opensearch\.xml)$/;
		const files = (await htmlFiles(site.outDir)).filter(isReadingPage);
		const all = new Set(files.map((f) => `/${f.replace(/index\.html$/, '')}`));
		for (const file of files) {
			const p = await readPage(site.outDir, file);
			for (const href of ids(p, 'a[href^="/"]')) {
				const target = href!.split('#')[0]!;
				if (elsewhere.test(target) || target.startsWith('/favicon')) continue;
				expect(all, `${file} → ${href}`).toContain(target);
			}
		}
	});
});
