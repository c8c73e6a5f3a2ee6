import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../src/cli/run.ts';
import { parseCommandLine, usageError } from '../src/cli/command-line.ts';
import { colours } from '../src/cli/terminal.ts';
import { getConfig } from '../src/config.ts';
import { isIsoDate } from '../src/lib/format/dates.ts';
import { formatResult, formatScale, scaleGrowth, type BenchResult } from '../bench/core/report.ts';
import { BuildFailed, profileProjectBuild, ROOT, runBench } from '../bench/harness/run-bench.ts';
import { TYPICAL_QUERIES } from '../bench/harness/search-cost.ts';
import { formatTimelineBench, runTimelineBench } from '../bench/harness/timeline-bench.ts';
import { loadVocabulary } from '../bench/harness/vocabulary-source.ts';
import { runWarmBench } from '../bench/harness/run-warm.ts';
import { runDevBench } from '../bench/harness/dev-first-page.ts';
import { formatWarm, warmRows, type WarmResult } from '../bench/core/warm-report.ts';

const HELP = `Usage: npm run bench [-- options]

Generates a synthetic archive of N postmortems (deterministic for a seed) and
builds it, cold and in turn for several rounds, three ways:
  project        the project's full build (node scripts/build.ts: validate, astro build, ...)
  floor          bench/floor: bare Astro with the project's Markdown pipeline, then Pagefind
  floor-satteri  the floor with Astro's default Markdown processor (Sätteri, no plugins)
Reports median wall time, the ratio project/floor, pages per second, peak memory
of each build's whole process tree, incident page sizes and the JavaScript and
CSS they load, the Pagefind index size and the bytes a cold first query fetches
(real queries in headless Chromium, text served gzip as static hosts do).

Options:
  --n N              postmortems to generate (default 2000)
  --seed S           generator seed (default 1)
  --rounds R         rounds of the three builds (default 3; the median is reported)
  --scale            run N = 1000, 5000 and 10000 and report how the per-page cost grows
  --scale-sizes L    comma-separated sizes for --scale instead (e.g. 200,400)
  --query TEXT       a search query to measure; repeat for several (default: eight
                     typical ones, from "database", on most pages, to "disk full");
                     the report gives the median (typical) and the costliest
  --as-of DATE       "today" for the archive and the build, YYYY-MM-DD (default 2026-01-15)
  --corpora DIR      folder with public-postmortems.json and icco-postmortems.json
                     (default: shared/corpora beside the project or a parent folder)
  --no-search        skip the Chromium query measurement
  --no-satteri       leave out the floor with Astro's default processor (a third
                     fewer builds when only the ratio project/floor is wanted)
  --warm             instead: a cold build, a rebuild with nothing changed and a rebuild
                     after one postmortem's text changed (each keeping the cache folder),
                     for the project and the floor; checks the rebuilt sites are right
  --dev              instead: time npm run dev (astro dev) to its first page, with an empty
                     cache folder and again with the one it left
  --profile          also profile one project build with --cpu-prof and show where the time went
  --keep             keep the temporary folder (archive, every build, logs) and print its path
  --timeline         instead, time npm run timeline -- DIR --json on a generated
                     artefact folder (100,000 chat messages in 30 daily files,
                     10,000 pager entries, 1,000 deployments; targets < 5 s, < 500 MB)
  --json             print one JSON object on stdout (progress goes to stderr;
                     use npm run -s bench -- --json so npm adds nothing to stdout)
  -h, --help         show this help

Exit status: 0 done, 1 a build failed, 2 bad usage.
Builds run one at a time; on a shared machine the figures are noisy: use --rounds.`;

const usage = { name: 'bench', help: HELP };
const { values: options } = parseCommandLine(usage, {
	options: {
		n: { type: 'string' },
		seed: { type: 'string' },
		rounds: { type: 'string' },
		scale: { type: 'boolean' },
		'scale-sizes': { type: 'string' },
		query: { type: 'string', multiple: true },
		'as-of': { type: 'string' },
		corpora: { type: 'string' },
		'no-search': { type: 'boolean' },
		'no-satteri': { type: 'boolean' },
		timeline: { type: 'boolean' },
		profile: { type: 'boolean' },
		warm: { type: 'boolean' },
		dev: { type: 'boolean' },
		keep: { type: 'boolean' },
		json: { type: 'boolean' },
	},
});

function positiveInt(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1) usageError(usage, `--${name} must be a whole number of 1 or more, not "${value}"`);
	return number;
}

const rounds = positiveInt('rounds', options.rounds, 3);
const sizes = options['scale-sizes']
	? options['scale-sizes'].split(',').map((s) => positiveInt('scale-sizes', s.trim(), 0))
	: options.scale
		? [1000, 5000, 10000]
		: [positiveInt('n', options.n, 2000)];
if ((options['scale-sizes'] || options.scale) && options.n) usageError(usage, 'give --n or --scale (--scale-sizes), not both');
const asOf = options['as-of'] ?? '2026-01-15';
if (!isIsoDate(asOf)) usageError(usage, `--as-of must be a date such as 2026-01-15, not "${asOf}"`);
const seed = options.seed ?? '1';
const queries = options.query && options.query.length > 0 ? options.query : TYPICAL_QUERIES;
const scaleMode = sizes.length > 1 || Boolean(options.scale);
const c = colours(process.stderr);
const progress = (line: string) => process.stderr.write(`${c.dim('[bench]')} ${line}\n`);

if (options.timeline) {
	await runCli(async () => {
		const result = await runTimelineBench({ rounds, keep: Boolean(options.keep), progress });
		console.log(options.json ? JSON.stringify(result, null, 2) : `\n${formatTimelineBench(result)}\n`);
	});
	process.exit();
}

await runCli(async () => {
	const { vocabulary, source } = await loadVocabulary(ROOT, options.corpora);
	progress(`vocabulary: ${vocabulary.sentences.length} sentences from ${source}`);
	const workRoot = await mkdtemp(path.join(os.tmpdir(), 'pm-bench-'));
	progress(`working in ${workRoot}`);
	const results: BenchResult[] = [];
	const warmResults: WarmResult[] = [];
	const profiles: Array<{ n: number } & Awaited<ReturnType<typeof profileProjectBuild>>> = [];
	let failed = false;
	try {
		for (const n of sizes) {
			const benchOptions = {
				n,
				seed,
				rounds,
				asOf,
				queries,
				vocabulary,
				dueWindows: getConfig().policy,
				workDir: path.join(workRoot, `n${n}`),
				skipSearch: Boolean(options['no-search']),
				variants: options['no-satteri'] ? (['project', 'floor'] as const) : undefined,
				keep: Boolean(options.keep),
				progress,
			};
			if (options.dev) {
				const dev = await runDevBench(benchOptions);
				console.log(options.json ? JSON.stringify(dev, null, 2) : `\nnpm run dev at N = ${n}: first page after ${dev.coldSeconds.toFixed(1)} s with an empty cache folder, ${dev.warmSeconds.toFixed(1)} s with the one it left (load ${dev.machine.loadAverageAtStart} at start)\n`);
				continue;
			}
			if (options.warm) {
				const warm = await runWarmBench(benchOptions);
				warmResults.push(warm);
				if (!options.json) console.log(`\n${formatWarm(warm)}\n`);
				continue;
			}
			const result = await runBench(benchOptions);
			results.push(result);
			if (!options.json) console.log(`\n${formatResult(result)}\n`);
			if (options.profile) {
				const profile = await profileProjectBuild(benchOptions);
				profiles.push({ n, ...profile });
				if (!options.json) console.log(formatProfile(profile));
			}
		}
	} catch (error) {
		if (!(error instanceof BuildFailed)) throw error;
		process.stderr.write(`${c.red('bench:')} ${error.message}\n`);
		failed = true;
	} finally {
		if (options.keep || failed) progress(`kept ${workRoot}`);
		else await rm(workRoot, { recursive: true, force: true });
	}
	if (failed) return 1;
	if (options.dev) return 0;
	if (options.warm) {
		if (options.json) console.log(JSON.stringify(warmResults.map((w) => ({ ...w, rows: warmRows(w) })), null, 2));
		return warmResults.every((w) => w.checks.every((c) => c.ok)) ? 0 : 1;
	}
	const growth = scaleMode ? scaleGrowth(results) : undefined;
	if (options.json) {
		const profile = options.profile ? { profiles: profiles.map(({ n, totalMs, packages, functions }) => ({ n, totalMs, packages, functions })) } : {};
		const out = scaleMode ? { scale: results, ...growth, ...profile } : { ...results[0], ...profile };
		console.log(JSON.stringify(out, null, 2));
	} else if (growth) {
		console.log(formatScale(results, growth));
	}
	return 0;
});

function formatProfile(p: Awaited<ReturnType<typeof profileProjectBuild>>): string {
	const row = (r: { name: string; selfMs: number; share: number }) => `  ${(r.share * 100).toFixed(1).padStart(5)}%  ${Math.round(r.selfMs).toString().padStart(7)} ms  ${r.name}`;
	return [
		`CPU profile of the project build: ${Math.round(p.totalMs)} ms of CPU across its Node processes${options.keep ? ` (profiles in ${p.profileDir})` : ' (--keep keeps the .cpuprofile files)'}`,
		'self time by package:',
		...p.packages.slice(0, 12).map(row),
		'self time by function:',
		...p.functions.slice(0, 15).map(row),
		'',
	].join('\n');
}
