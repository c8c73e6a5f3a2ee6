import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePostmortems } from '../../bench/core/generate.ts';
import { PEOPLE, TEAMS } from '../../bench/core/pools.ts';
import { fallbackVocabulary } from '../../bench/core/vocabulary.ts';
import { writeArchive } from '../../bench/harness/write-archive.ts';
import { getConfig } from '../../src/config.ts';
import { ROOT } from '../support/build-site.ts';

/**
 * Warm rebuilds (issue 17) must build exactly what a cold build builds: after edits to the
 * content, to the config and to the code, a build that reuses the cache folder of the one
 * before (Astro's incremental pages, the validation and search-index caches) is compared
 * file by file with a cold build of the same sources. The project is copied (its
 * node_modules linked) so the test can edit its config and code.
 */
const AS_OF = '2026-01-15';
let work: string;
let project: string;
let content: string;
const warmCache = () => path.join(work, 'cache-warm');

const VITEST_ENV = new Set(['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'NODE_ENV']);

async function build(name: string, cacheDir: string): Promise<{ out: string; log: string }> {
	const out = path.join(work, name);
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ENV.has(key)));
	const child = spawn(process.execPath, ['scripts/build.ts', '--out-dir', out], {
		cwd: project,
		env: { ...env, POSTMORTEMS_DIR: content, ASTRO_CACHE_DIR: cacheDir, PM_AS_OF: AS_OF, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
	});
	let log = '';
	child.stdout.on('data', (d) => (log += d));
	child.stderr.on('data', (d) => (log += d));
	const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
	if (code !== 0) throw new Error(`build ${name} failed:\n${log}`);
	return { out, log };
}

async function hashes(dir: string, prefix = ''): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const e of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
		const rel = path.join(prefix, e.name);
		if (e.isDirectory()) Object.assign(out, await hashes(dir, rel));
		else out[rel] = createHash('sha256').update(await readFile(path.join(dir, rel))).digest('hex');
	}
	return out;
}

async function editFile(file: string, edit: (text: string) => string): Promise<void> {
	const text = await readFile(file, 'utf8');
	const next = edit(text);
	expect(next, `edit of ${file} changed nothing`).not.toBe(text);
	await writeFile(file, next);
}

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'pm-incremental-'));
	project = path.join(work, 'project');
	content = path.join(work, 'content');
	await mkdir(project);
	for (const f of ['astro.config.mjs', 'postmortems.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'scripts', 'public']) {
		await cp(path.join(ROOT, f), path.join(project, f), { recursive: true });
	}
	await symlink(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
	const policy = getConfig().policy;
	const vocabulary = fallbackVocabulary({ blameWords: policy.blameWords, people: [...PEOPLE, ...TEAMS] });
	await writeArchive(content, generatePostmortems({ count: 14, seed: 'incremental', vocabulary, asOf: AS_OF, dueWindows: policy }));
	await build('cold-0', warmCache());
});

afterAll(async () => {
	// PM_KEEP_BUILDS=1 keeps the builds to compare by hand when a test fails.
	if (work && !process.env.PM_KEEP_BUILDS) await rm(work, { recursive: true, force: true });
	else if (work) console.log(`kept ${work}`);
});

describe('a warm rebuild equals a cold build', () => {
	it('after nothing changed, reusing pages and the search index', { timeout: 600_000 }, async () => {
		const warm = await build('warm-0', warmCache());
		expect(warm.log).toContain('(restored)');
		expect(warm.log).toContain('(unchanged, reused)');
		expect(warm.log).toContain('validation: 0 postmortems checked, 14 unchanged ones reused from the last build');
		expect(await hashes(warm.out)).toEqual(await hashes(path.join(work, 'cold-0')));
	});

	it('after a body-only edit (the page must not be restored)', { timeout: 600_000 }, async () => {
		const files = (await readdir(content, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
		await editFile(path.join(content, files[3]!), (t) => `${t.trimEnd()}\n\nA paragraph added by the incremental test.\n`);
		const warm = await build('warm-1', warmCache());
		const cold = await build('cold-1', path.join(work, 'cache-cold-1'));
		expect(warm.log).toContain('(restored)');
		expect(warm.log).toContain('validation: 1 postmortem checked, 13 unchanged ones reused from the last build');
		const warmFiles = await hashes(warm.out);
		expect(Object.values(await hashes(path.join(work, 'warm-0')))).not.toEqual(Object.values(warmFiles));
		expect(warmFiles).toEqual(await hashes(cold.out));
	});

	it('after a title edit, a removed postmortem, and config and code edits', { timeout: 600_000 }, async () => {
		const files = (await readdir(content, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
		await editFile(path.join(content, files[5]!), (t) => t.replace(/^title: (.*)$/m, 'title: "Renamed by the incremental test"'));
		await unlink(path.join(content, files[7]!));
		await editFile(path.join(project, 'postmortems.config.ts'), (t) => t.replace("title: 'Postmortem archive'", "title: 'Incident reviews'"));
		await editFile(path.join(project, 'src/layouts/Postmortem.astro'), (t) => t.replace(/<\/article>/, '<p class="muted">Edited layout.</p></article>'));
		const warm = await build('warm-2', warmCache());
		const cold = await build('cold-2', path.join(work, 'cache-cold-2'));
		const warmFiles = await hashes(warm.out);
		const page = Object.keys(warmFiles).find((f) => f.startsWith('postmortems/') && f.endsWith('index.html'))!;
		const html = await readFile(path.join(warm.out, page), 'utf8');
		expect(html).toContain('Edited layout.');
		expect(html).toContain('Incident reviews');
		// The config is an input of every file's validation: nothing is reused after it changed.
		expect(warm.log).not.toContain('unchanged ones reused');
		expect(warmFiles).toEqual(await hashes(cold.out));
	});
});
