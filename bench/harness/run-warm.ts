import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generatePostmortems } from '../core/generate.ts';
import { WARM_STEPS, type WarmCheck, type WarmResult, type WarmSample } from '../core/warm-report.ts';
import { listFiles } from './dist-metrics.ts';
import { machineInfo, runBuildWith, type BenchOptions } from './run-bench.ts';
import { writeArchive } from './write-archive.ts';

/** The variants a warm benchmark compares: the project and the floor with the same Markdown pipeline. */
const WARM_VARIANTS = ['project', 'floor'] as const;

/** Hash of every file of a built site, by path. */
async function hashSite(dir: string): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	for (const file of await listFiles(dir)) out.set(file, createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex'));
	return out;
}

/** Files that differ between two builds (added, removed or changed). */
function differing(a: Map<string, string>, b: Map<string, string>): string[] {
	const out = new Set<string>();
	for (const [file, hash] of a) if (b.get(file) !== hash) out.add(file);
	for (const file of b.keys()) if (!a.has(file)) out.add(file);
	return [...out].sort();
}

/** Whether any Pagefind fragment (gzip) of the site holds `word`. */
async function indexHolds(siteDir: string, word: string): Promise<boolean> {
	const dir = path.join(siteDir, 'pagefind', 'fragment');
	const files = await readdir(dir).catch(() => [] as string[]);
	for (const f of files) {
		if (gunzipSync(await readFile(path.join(dir, f))).toString('utf8').includes(word)) return true;
	}
	return false;
}

/**
 * The warm benchmark (issue 17): per variant, a cold build, a rebuild with nothing changed,
 * then a rebuild after one published postmortem's text changed, each with the cache folder
 * of the build before and a fresh output folder (as a CI job that keeps only the cache).
 * Checks that the unchanged rebuild equals the cold build file by file, and that the edit
 * reaches its page and the search index (a word found nowhere else); the output-equality
 * test (tests/build/incremental.test.ts) compares warm and cold builds after edits in full.
 */
export async function runWarmBench(options: BenchOptions): Promise<WarmResult> {
	const { n, workDir, progress } = options;
	const contentDir = path.join(workDir, 'content');
	const generated = [...generatePostmortems({ count: n, seed: options.seed, vocabulary: options.vocabulary, asOf: options.asOf, dueWindows: options.dueWindows })];
	await writeArchive(contentDir, generated);
	progress(`N=${n}: generated ${generated.length} postmortems into ${contentDir}`);
	// The postmortem to edit: a published one from the middle of the archive.
	const published = generated.filter((g) => g.status === 'published');
	const target = published[Math.floor(published.length / 2)]!;
	const targetFile = path.join(contentDir, target.relativePath);
	const marker = `warmcheck${n}x${options.seed}`;
	const machine = machineInfo();
	const samples: WarmSample[] = [];
	const checks: WarmCheck[] = [];
	const builds: Partial<Record<(typeof WARM_VARIANTS)[number], Partial<Record<(typeof WARM_STEPS)[number], string>>>> = {};

	for (const step of WARM_STEPS) {
		if (step === 'edited') {
			// Replace the body's last paragraph with one that holds a word found nowhere else.
			const text = await readFile(targetFile, 'utf8');
			const paragraphs = text.trimEnd().split('\n\n');
			const replaced = paragraphs.pop()!;
			await writeFile(targetFile, `${paragraphs.join('\n\n')}\n\nThe follow-up review added ${marker} to this postmortem.\n`);
			checks.push({ name: 'edit', detail: `${target.relativePath}: last paragraph replaced (${replaced.length} characters) by one with "${marker}"`, ok: true });
		}
		for (const variant of WARM_VARIANTS) {
			const runDir = path.join(workDir, `warm-${variant}-${step}`);
			const cacheDir = path.join(workDir, `warm-${variant}-cache`);
			if (step === 'cold') await rm(cacheDir, { recursive: true, force: true });
			await rm(runDir, { recursive: true, force: true });
			const run = await runBuildWith(variant, { runDir, cacheDir, contentDir, asOf: options.asOf });
			samples.push({ variant, step, seconds: run.seconds, cpuSeconds: run.cpuSeconds });
			(builds[variant] ??= {})[step] = run.outDir;
			const cpu = run.cpuSeconds === undefined ? '' : `, CPU ${run.cpuSeconds.toFixed(1)} s`;
			progress(`N=${n}: ${variant.padEnd(7)} ${step.padEnd(9)} ${run.seconds.toFixed(1).padStart(6)} s${cpu}`);
		}
	}

	for (const variant of WARM_VARIANTS) {
		const dirs = builds[variant]!;
		const cold = await hashSite(dirs.cold!);
		const unchanged = differing(cold, await hashSite(dirs.unchanged!));
		checks.push({ name: `${variant}: unchanged rebuild equals the cold build`, detail: unchanged.length ? `differs in ${unchanged.length} file(s): ${unchanged.slice(0, 5).join(', ')}` : 'every file identical', ok: unchanged.length === 0 });
		const editedDir = dirs.edited!;
		const changed = differing(cold, await hashSite(editedDir));
		const page = `postmortems/${target.slug}/index.html`;
		const html = await readFile(path.join(editedDir, page), 'utf8').catch(() => '');
		const pageOk = html.includes(marker);
		const indexOk = await indexHolds(editedDir, marker);
		checks.push({ name: `${variant}: the edit is on its page and in the search index`, detail: `page ${pageOk ? 'has' : 'LACKS'} it, index ${indexOk ? 'has' : 'LACKS'} it; ${changed.length} file(s) differ from the cold build (${changed.filter((f) => !f.startsWith('pagefind/')).join(', ') || 'none'} and ${changed.filter((f) => f.startsWith('pagefind/')).length} Pagefind file(s))`, ok: pageOk && indexOk });
	}
	await writeFile(targetFile, target.text);
	if (!options.keep) {
		for (const variant of WARM_VARIANTS) for (const step of WARM_STEPS) await rm(path.join(workDir, `warm-${variant}-${step}`), { recursive: true, force: true });
	}
	return { n, seed: options.seed, asOf: options.asOf, samples, checks, machine };
}
