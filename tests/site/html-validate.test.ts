import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuiltSite } from '../support/build-site.ts';
import { AS_OF, SITE_FIXTURE } from './fixture.ts';
import { htmlFiles } from './html.ts';

// Every page of two builds must pass html-validate's recommended rules (the project's
// .htmlvalidate.json, where any disabled rule says why): the sample archive in content/,
// as published, and the site fixture as a preview build (drafts, banners, sanitised bodies).
let sample: BuiltSite;
let preview: BuiltSite;
let validator: HtmlValidate;

beforeAll(async () => {
	const config = JSON.parse(await readFile(path.join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData & { $schema?: string };
	delete config.$schema;
	validator = new HtmlValidate({ ...config, root: true });
	// One after the other: two Astro builds of one project at once share its .astro/ folder.
	sample = await buildSite(path.join(ROOT, 'content', 'postmortems'), { PM_AS_OF: '2026-11-21', SHOW_DRAFTS: '' });
	preview = await buildSite(SITE_FIXTURE, { PM_AS_OF: AS_OF, SHOW_DRAFTS: '1' });
	for (const site of [sample, preview]) if (site.code !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
});

async function problems(site: BuiltSite): Promise<{ pages: number; problems: string[] }> {
	const files = await htmlFiles(site.outDir);
	const found: string[] = [];
	for (const file of files) {
		const report = await validator.validateString(await readFile(path.join(site.outDir, file), 'utf8'), file);
		for (const result of report.results) for (const m of result.messages) found.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
	}
	return { pages: files.length, problems: found };
}

describe('html-validate (recommended rules)', () => {
	it('passes on every page of the sample archive', async () => {
		const { pages, problems: found } = await problems(sample);
		expect(pages).toBeGreaterThan(100);
		expect(found).toEqual([]);
	});

	it('passes on every page of a preview build (drafts and their banners included)', async () => {
		const { pages, problems: found } = await problems(preview);
		expect(pages).toBeGreaterThan(20);
		expect(found).toEqual([]);
	});

	it('reports a problem it is meant to catch (so a passing run means something)', async () => {
		const report = await validator.validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><main><ul role="list"><li>a</li></ul></main></body></html>', 'x.html');
		expect(report.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('no-redundant-role');
	});
});
