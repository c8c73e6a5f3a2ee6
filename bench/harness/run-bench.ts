import { access, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { summariseProfiles, type CpuProfile, type ProfileSummary } from '../core/cpu-profile.ts';
import { generatePostmortems, type DueWindows } from '../core/generate.ts';
import { summarise, VARIANTS, type BenchResult, type BuildSample, type SiteFigures, type Variant } from '../core/report.ts';
import type { Vocabulary } from '../core/vocabulary.ts';
import { measureDist } from './dist-metrics.ts';
import { runMeasured } from './run-measured.ts';
import { PAGEFIND_CLIENT_OPTIONS } from '../../src/lib/search/client-options.ts';
import { measureSearchPage, measureSearchQueries } from './search-cost.ts';
import { writeArchive } from './write-archive.ts';

/** The project root (this file is bench/lib/run-bench.ts). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BenchOptions {
	n: number;
	seed: string;
	rounds: number;
	asOf: string;
	/** Search queries to measure, each cold (the first is also opened through the search page). */
	queries: ReadonlyArray<string>;
	vocabulary: Vocabulary;
	dueWindows: DueWindows;
	/** A folder of its own for this size: content, builds and logs go here. */
	workDir: string;
	/** Skip the Chromium query measurement. */
	skipSearch: boolean;
	/** Keep every build's output (else only the last round's sites are kept, until the caller removes workDir). */
	keep: boolean;
	/** The builds to run (default all three; `--no-satteri` leaves out the floor with Astro's default processor). */
	variants?: ReadonlyArray<Variant>;
	progress: (line: string) => void;
}

/** The command line of each variant, given its output folder. */
function commandFor(variant: Variant, outDir: string): { args: string[]; env: NodeJS.ProcessEnv } {
	switch (variant) {
		case 'project':
			// The same pipeline as `npm run build` (validate, astro build, and whatever stages build.ts runs), without npm's own start-up.
			return { args: ['scripts/build.ts', '--out-dir', outDir], env: {} };
		case 'floor':
			return { args: ['bench/floor/build.ts', '--out-dir', outDir], env: { FLOOR_MARKDOWN: 'unified' } };
		case 'floor-satteri':
			return { args: ['bench/floor/build.ts', '--out-dir', outDir], env: { FLOOR_MARKDOWN: 'satteri' } };
	}
}

/** The environment every build runs with: this archive, a pinned "today", no drafts, no colour, the project's bin first on PATH. */
function buildEnv(contentDir: string, cacheDir: string, asOf: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const key of ['SHOW_DRAFTS', 'PM_BASE', 'FORCE_COLOR', 'NODE_OPTIONS']) delete env[key];
	return {
		...env,
		PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
		POSTMORTEMS_DIR: contentDir,
		ASTRO_CACHE_DIR: cacheDir,
		PM_AS_OF: asOf,
		ASTRO_TELEMETRY_DISABLED: '1',
		NO_COLOR: '1',
		...extra,
	};
}

async function tail(file: string, lines = 30): Promise<string> {
	const text = await readFile(file, 'utf8').catch(() => '');
	return text.split('\n').slice(-lines).join('\n');
}

/** A build that failed: the message names the log. */
export class BuildFailed extends Error {}

/** Runs one build of one variant into `runDir`, cold (a fresh Astro cache). */
async function runBuild(variant: Variant, runDir: string, contentDir: string, asOf: string, extraEnv: NodeJS.ProcessEnv = {}) {
	await rm(runDir, { recursive: true, force: true });
	return runBuildWith(variant, { runDir, cacheDir: path.join(runDir, 'cache'), contentDir, asOf, extraEnv });
}

/**
 * Runs one build of one variant into `<runDir>/dist` with the Astro cache in `cacheDir`
 * (a warm build reuses an earlier build's). Node's compile cache is always fresh: Astro's
 * CLI enables it, and a shared one grows with every build.
 */
export async function runBuildWith(variant: Variant, options: { runDir: string; cacheDir: string; contentDir: string; asOf: string; extraEnv?: NodeJS.ProcessEnv }) {
	const { runDir, cacheDir, contentDir, asOf } = options;
	await mkdir(runDir, { recursive: true });
	const outDir = path.join(runDir, 'dist');
	const logFile = path.join(runDir, 'build.log');
	const { args, env } = commandFor(variant, outDir);
	const compileCache = { NODE_COMPILE_CACHE: path.join(runDir, 'node-compile-cache') };
	const run = await runMeasured(process.execPath, args, { cwd: ROOT, env: buildEnv(contentDir, cacheDir, asOf, { ...compileCache, ...env, ...options.extraEnv }), logFile });
	if (run.code !== 0) {
		throw new BuildFailed(`${variant} build failed (exit ${run.code}); log: ${logFile}\n${await tail(logFile)}`);
	}
	return { ...run, outDir, runDir };
}

async function siteFigures(variant: Variant, outDir: string, options: BenchOptions, notes: string[]): Promise<SiteFigures> {
	const m = await measureDist(outDir);
	let searchQueries: SiteFigures['searchQueries'];
	let searchPageBytes: number | undefined;
	if (m.pagefind && m.medianIncident && !options.skipSearch && variant !== 'floor-satteri') {
		try {
			// The project's queries run with its search page's options (no worker script); the floor's with Pagefind's defaults.
			const pagefindOptions = variant === 'project' ? { ...PAGEFIND_CLIENT_OPTIONS } : undefined;
			searchQueries = await measureSearchQueries(outDir, { queries: options.queries, pagePath: m.medianIncident.page, pagefindOptions });
			for (const q of searchQueries) if (q.results === 0) notes.push(`${variant}: the query "${q.query}" matched nothing; choose commoner words with --query`);
		} catch (error) {
			notes.push(`${variant}: search queries not measured (${(error as Error).message.split('\n')[0]})`);
		}
		const first = options.queries[0];
		if (first && variant === 'project' && (await access(path.join(outDir, 'search', 'index.html')).then(() => true, () => false))) {
			try {
				searchPageBytes = (await measureSearchPage(outDir, { query: first })).bytes;
			} catch (error) {
				notes.push(`project: search page not measured (${(error as Error).message.split('\n')[0]})`);
			}
		}
	} else if (!m.pagefind && variant === 'project') {
		notes.push('project: the build wrote no pagefind/ index, so it has no search cost to compare (and the floor pays for Pagefind alone)');
	}
	if (m.medianIncident && m.medianIncident.missing.length > 0) notes.push(`${variant}: the median incident page references missing files: ${m.medianIncident.missing.join(', ')}`);
	const page = m.medianIncident;
	return {
		incidentPages: m.incidentPages,
		htmlPages: m.htmlPages,
		incidentHtmlMedianBytes: m.incidentHtmlMedianBytes,
		incidentHtmlMaxBytes: m.incidentHtmlMaxBytes,
		incidentScriptBytes: page?.scriptBytes,
		incidentScriptFiles: page?.scriptFiles.length,
		incidentInlineScriptBytes: page?.inlineScriptBytes,
		incidentCssBytes: page?.cssBytes,
		largestPage: m.largestPage,
		pagefindBytes: m.pagefind?.bytes,
		pagefindIndexBytes: m.pagefind?.indexBytes,
		searchQueries: searchQueries?.map(({ query, bytes, decodedBytes, results }) => ({ query, bytes, decodedBytes, results })),
		searchPageBytes,
	};
}

/** The machine the figures come from. */
export function machineInfo(): Record<string, string | number> {
	const cpus = os.cpus();
	return {
		cpus: cpus.length,
		cpuModel: cpus[0]?.model.trim() ?? 'unknown',
		memoryGb: Math.round(os.totalmem() / 1024 ** 3),
		platform: `${os.platform()} ${os.release()}`,
		node: process.version,
		loadAverageAtStart: os.loadavg()[0]!.toFixed(2),
	};
}

/**
 * One benchmark at one archive size: generates the archive, then runs the
 * project's build and the two floors, cold, rotating their order each round,
 * and measures the last round's sites.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
	const { n, workDir, progress } = options;
	const contentDir = path.join(workDir, 'content');
	const started = performance.now();
	const written = await writeArchive(contentDir, generatePostmortems({ count: n, seed: options.seed, vocabulary: options.vocabulary, asOf: options.asOf, dueWindows: options.dueWindows }));
	progress(`N=${n}: generated ${written.files} postmortems (${written.published} published, ${(written.bytes / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s into ${contentDir}`);

	const samples: BuildSample[] = [];
	const sites: Partial<Record<Variant, SiteFigures>> = {};
	const notes: string[] = [];
	const machine = machineInfo();
	for (let round = 1; round <= options.rounds; round++) {
		// Rotate the order so no variant always runs first (after a cold page cache) or last.
		const variants = options.variants ?? VARIANTS;
		const order = variants.map((_, i) => variants[(i + round - 1) % variants.length]!);
		for (const variant of order) {
			const runDir = path.join(workDir, `${variant}-${round}`);
			const run = await runBuild(variant, runDir, contentDir, options.asOf);
			samples.push({ variant, round, seconds: run.seconds, cpuSeconds: run.cpuSeconds, pagefindCpuSeconds: run.pagefindCpuSeconds, peakRssBytes: run.peakRssBytes, peakRssBreakdown: run.peakRssBreakdown });
			const rss = run.peakRssBytes === undefined ? '' : `, peak ${Math.round(run.peakRssBytes / 1024 / 1024)} MB`;
			const cpu = run.cpuSeconds === undefined ? '' : `, CPU ${run.cpuSeconds.toFixed(1)} s (Pagefind ${(run.pagefindCpuSeconds ?? 0).toFixed(1)} s)`;
			progress(`N=${n}: round ${round}/${options.rounds} ${variant.padEnd(13)} ${run.seconds.toFixed(1).padStart(6)} s${cpu}${rss}`);
			if (round === options.rounds) {
				sites[variant] = await siteFigures(variant, run.outDir, options, notes);
			}
			if (!options.keep) {
				// The Astro cache is large at scale; sites are kept only for the round that is measured.
				await rm(path.join(runDir, 'cache'), { recursive: true, force: true });
				if (round !== options.rounds) await rm(path.join(runDir, 'dist'), { recursive: true, force: true });
			}
		}
	}
	return summarise({ n, seed: options.seed, asOf: options.asOf, queries: options.queries, samples, sites, machine, notes });
}

/** Profiles one project build with `--cpu-prof` (every Node process in it) and summarises where the time went. */
export async function profileProjectBuild(options: BenchOptions): Promise<ProfileSummary & { profileDir: string }> {
	const contentDir = path.join(options.workDir, 'content');
	const runDir = path.join(options.workDir, 'project-profile');
	const profileDir = path.join(options.workDir, 'profiles');
	await rm(profileDir, { recursive: true, force: true });
	await mkdir(profileDir, { recursive: true });
	const run = await runBuild('project', runDir, contentDir, options.asOf, { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` });
	options.progress(`N=${options.n}: profiled project build ${run.seconds.toFixed(1)} s (slower than unprofiled); profiles in ${profileDir}`);
	if (!options.keep) await rm(runDir, { recursive: true, force: true });
	const files = (await readdir(profileDir)).filter((f) => f.endsWith('.cpuprofile'));
	const profiles: CpuProfile[] = [];
	for (const f of files) profiles.push(JSON.parse(await readFile(path.join(profileDir, f), 'utf8')) as CpuProfile);
	return { ...summariseProfiles(profiles, { projectRoot: ROOT, limit: 20 }), profileDir };
}
