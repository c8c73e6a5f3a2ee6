import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { AS_OF, PUBLISHED, SITE_FIXTURE, SLUGS } from './fixture.ts';
import { attr, htmlFiles, readPage, text, type Page } from './html.ts';

// One preview build (SHOW_DRAFTS=1) of the fixture archive, shared by every test here.
let site: BuiltSite;
const page = (route: string): Promise<Page> => readPage(site.outDir, route);

beforeAll(async () => {
	site = await buildSite(SITE_FIXTURE, { PM_AS_OF: AS_OF, SHOW_DRAFTS: '1' });
	if (site.code !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
});

describe('preview build with SHOW_DRAFTS=1', () => {
	it('builds drafts and postmortems in review too', async () => {
		const built = (await htmlFiles(site.outDir)).filter((f) => f.startsWith('postmortems/')).map((f) => f.split('/')[1]);
		expect(built.sort()).toEqual([...PUBLISHED, SLUGS.draft, SLUGS.review].sort());
	});

	it('puts a "Not published" banner on a draft, with every missing review role as a to-do', async () => {
		const p = await page(`postmortems/${SLUGS.draft}/`);
		const banner = p.$('main aside.banner');
		expect(text(banner)).toContain('Not published');
		expect(text(banner)).toContain('this postmortem is a draft');
		expect(banner?.querySelectorAll('ul.todo li').map(text)).toEqual(['responder', 'lead', 'manager']);
		// Not indexed as content, and outside the article that search indexes.
		expect(banner?.hasAttribute('data-pagefind-ignore')).toBe(true);
		expect(p.$('article aside.banner')).toBeUndefined();
		expect(p.$$('article [data-pagefind-filter]').map((el) => attr(el, 'data-pagefind-filter'))).toContain('status:draft');
		expect(text(p.$('header .status'))).toBe('Draft');
	});

	it('shows only the roles still missing for a postmortem in review', async () => {
		const p = await page(`postmortems/${SLUGS.review}/`);
		expect(text(p.$('aside.banner'))).toContain('this postmortem is in review');
		expect(p.$$('aside.banner ul.todo li').map(text)).toEqual(['lead', 'manager']);
		expect(text(p.$('header .status'))).toBe('In review');
	});

	it('shows the blameless-language findings on a postmortem in review, with the field, the kind and a rewrite hint', async () => {
		const p = await page(`postmortems/${SLUGS.review}/`);
		const box = p.$('main aside.banner .tone-findings');
		expect(text(box?.querySelector('p'))).toBe('Blameless language: 1 sentence reads as blame.');
		const [item] = box!.querySelectorAll('li');
		expect(text(item!.querySelector('q'))).toBe('The on-call engineer forgot to scale the workers when the queue alert fired.');
		expect(text(item!.querySelector('small'))).toMatch(/^Blames a role standing for one person \(the on-call engineer\) in lessons\[1\]\. .*describe the conditions they worked under/);
		// A draft with nothing to flag shows no findings.
		expect((await page(`postmortems/${SLUGS.draft}/`)).$('.tone-findings')).toBeUndefined();
	});

	it('handles an unresolved draft: no resolve time, nothing invented', async () => {
		const p = await page(`postmortems/${SLUGS.draft}/`);
		const spans = Object.fromEntries(p.$$('dl.spans > div').map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
		expect(spans).toEqual({ 'Time to detect': '5 min', 'Time to mitigate': 'not recorded', 'Time to resolve': 'not recorded' });
		const home = await page('');
		const card = home.$$('article.card').find((c) => attr(c.querySelector('h3 a'), 'href') === `/postmortems/${SLUGS.draft}/`);
		expect(text(card)).toContain('not yet resolved');
		expect(text(card?.querySelector('.status'))).toBe('Draft');
	});

	it('leaves published pages without a banner, and says on the home page that this is a preview', async () => {
		const p = await page(`postmortems/${SLUGS.sev1}/`);
		expect(p.$('aside.banner')).toBeUndefined();
		expect(p.$('.tone-findings')).toBeUndefined();
		const home = await page('');
		expect(text(home.$('.preview-note'))).toContain('Preview build');
		expect(text(home.$('.preview-note'))).toContain('(2 of 7)');
	});

	it('marks each section a first draft wrote as a model draft awaiting review, and only those', async () => {
		const p = await page(`postmortems/${SLUGS.draft}/`);
		const note = (section: string) => text(p.$(`section[aria-labelledby="pm-${section}"] .drafted`));
		for (const section of ['summary', 'timeline', 'factors', 'actions']) {
			expect(note(section), section).toContain('Model draft awaiting review');
			expect(note(section), section).toContain("from the incident\u2019s artefacts");
		}
		expect(note('actions')).toContain('Owners and due dates are set by policy');
		expect(p.$('section[aria-labelledby="pm-impact"] .drafted')).toBeUndefined();
		expect(p.$('section[aria-labelledby="pm-lessons"] .drafted')).toBeUndefined();
	});

	it('shows where each timeline entry comes from, read from its refs', async () => {
		const p = await page(`postmortems/${SLUGS.draft}/`);
		const entries = p.$$('ol.timeline li');
		expect(entries.map((li) => text(li.querySelector('.sources')).replace(/\s+/g, ' ').trim())).toEqual(['Source: alert', 'Source: pager · chat', 'Source: chat']);
		expect(entries[1]!.querySelector('.sources')?.hasAttribute('data-pagefind-ignore')).toBe(true);
	});
});
