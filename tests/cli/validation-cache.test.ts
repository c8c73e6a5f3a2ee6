import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContentDir } from '../../src/cli/check-content.ts';
import { openValidationCache } from '../../src/cli/validation-cache.ts';
import { fixture } from '../support/build-site.ts';

let work: string;
let dir: string;
let cacheDir: string;

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'pm-validation-cache-'));
	dir = path.join(work, 'postmortems');
	cacheDir = path.join(work, 'cache');
	// Files with errors, warnings and drafts awaiting a summary, so cached findings and drafting state are compared, not just "no findings".
	await cp(fixture('warnings'), dir, { recursive: true });
	for (const f of await readdir(fixture('invalid'))) await cp(path.join(fixture('invalid'), f), path.join(dir, f), { recursive: true });
	for (const f of await readdir(fixture('valid'))) await cp(path.join(fixture('valid'), f), path.join(dir, f), { recursive: true, force: false });
});

afterAll(async () => {
	await rm(work, { recursive: true, force: true });
});

/** One build's validation through the cache: what it found, which files await a draft, how many it validated. */
async function cachedRun() {
	const cache = await openValidationCache(cacheDir);
	const checked = await checkContentDir(dir, { check: cache.check });
	if ('missing' in checked) throw new Error('missing');
	await cache.save();
	const ready = checked.sources.filter((s) => cache.draftReady(s.file)).map((s) => s.file);
	const published = checked.sources.filter((s) => cache.published(s.file)).map((s) => path.relative(dir, s.file));
	return { findings: checked.result.findings, errorCount: checked.result.errorCount, warningCount: checked.result.warningCount, ready, published, validated: cache.validated, files: checked.sources.length };
}

/** What `npm run validate` finds, uncached. */
async function uncached() {
	const checked = await checkContentDir(dir);
	if ('missing' in checked) throw new Error('missing');
	return { findings: checked.result.findings, errorCount: checked.result.errorCount, warningCount: checked.result.warningCount };
}

/** Files whose frontmatter says `status: published` (read here, not by the validator), and those of them with no finding at all. */
async function publishedFiles(): Promise<{ said: string[]; clean: string[] }> {
	const { findings } = await uncached();
	const withFindings = new Set(findings.map((f) => path.relative(dir, f.file)));
	const said: string[] = [];
	for (const f of await mdFiles()) if (/^status: *['"]?published['"]? *$/m.test(await readFile(path.join(dir, f), 'utf8'))) said.push(f);
	return { said, clean: said.filter((f) => !withFindings.has(f)) };
}

const mdFiles = async () => (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();

describe('the build validation cached by file content', () => {
	it('finds what the uncached validation finds, then validates only what changed', async () => {
		const expected = await uncached();
		expect(expected.errorCount).toBeGreaterThan(0);
		expect(expected.warningCount).toBeGreaterThan(0);

		const first = await cachedRun();
		expect(first.validated).toBe(first.files);
		expect({ findings: first.findings, errorCount: first.errorCount, warningCount: first.warningCount }).toEqual(expected);

		const second = await cachedRun();
		expect(second.validated).toBe(0);
		expect(second.findings).toEqual(expected.findings);
		expect(second.ready).toEqual(first.ready);
		// Published files the schema accepts, the same from the cache as when validated (the build checks the site has their pages).
		const { said, clean } = await publishedFiles();
		expect(clean.length).toBeGreaterThan(0);
		expect(said.length).toBeGreaterThan(first.published.length);
		for (const f of clean) expect(first.published).toContain(f);
		for (const f of first.published) expect(said).toContain(f);
		expect(second.published).toEqual(first.published);

		// An edit that breaks one file: only it is validated again, and its new error is found.
		const edited = path.join(dir, (await mdFiles())[0]!);
		await writeFile(edited, (await readFile(edited, 'utf8')).replace(/^title: .*$/m, 'title: [not, a, string]'));
		const third = await cachedRun();
		expect(third.validated).toBe(1);
		const now = await uncached();
		expect(now.findings).not.toEqual(expected.findings);
		expect(third.findings).toEqual(now.findings);
	});

	it('keeps the drafting state: a summary removed makes the file await a draft', async () => {
		const before = await cachedRun();
		const target = (await mdFiles()).map((f) => path.join(dir, f)).find((f) => !before.ready.includes(f) && !before.findings.some((x) => x.file === f && x.level === 'error'));
		expect(target).toBeDefined();
		const text = await readFile(target!, 'utf8');
		if (!/^status: (draft|review)$/m.test(text)) await writeFile(target!, text.replace(/^status: .*$/m, 'status: review'));
		await writeFile(target!, (await readFile(target!, 'utf8')).replace(/^summary: .*$/m, 'summary: ""'));
		const after = await cachedRun();
		expect(after.validated).toBe(1);
		expect(after.ready).toContain(target);
	});

	it('validates a file with a start in the future again every time (its warning depends on the clock)', async () => {
		const future = path.join(dir, (await mdFiles())[1]!);
		await writeFile(future, (await readFile(future, 'utf8')).replace(/^startedAt: .*$/m, 'startedAt: 2999-01-01T00:00:00Z'));
		const first = await cachedRun();
		expect(first.findings.some((f) => f.file === future && /in the future/.test(f.message))).toBe(true);
		const second = await cachedRun();
		expect(second.validated).toBe(1);
		expect(second.findings).toEqual(first.findings);
	});

	it('treats an unreadable cache file as empty', async () => {
		await writeFile(path.join(cacheDir, 'pm-validation.json'), '{ not json');
		const run = await cachedRun();
		expect(run.validated).toBe(run.files);
		expect(run.findings).toEqual((await uncached()).findings);
	});
});
