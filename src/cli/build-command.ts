import path from 'node:path';
import { startAstroBuild } from './astro-build.ts';
import { validateForBuild } from './build-gate.ts';
import { draftWouldCall, runDraftCommand } from './draft-command.ts';
import { noKeyLine } from './draft-report.ts';
import { writeSearchIndexCached } from './search-index-cache.ts';
import { astroCacheDir } from './cache-dir.ts';
import { countOf } from '../lib/format/labels.ts';

/** What `npm run build` was asked to do. */
export interface BuildCommandOptions {
	/** The postmortems folder. */
	dir: string;
	/** Where the site goes (Astro's default, dist/, when undefined). */
	outDir?: string;
	/** Warnings, and errors in drafts and postmortems in review, stop the build too. */
	strict: boolean;
	/** Do not run the drafting step. */
	skipDraft: boolean;
}

/** Runs one `npm run build`: validate, draft (with a key), astro build, search index. Resolves to the exit code. */
export async function runBuildCommand(opts: BuildCommandOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
	// With a key, drafting writes files before Astro reads them, so the steps run in turn.
	// Without one (the usual case), Astro starts at once and the validator runs beside it
	// on the other core; Astro's output is held back until the content is known to be valid.
	const drafting = !opts.skipDraft && draftWouldCall(env);
	let astro = drafting ? undefined : startAstroBuild(opts.outDir, { hold: true });
	// A bad postmortems.config.ts throws here (ConfigError, printed by runCli): stop Astro too.
	const validation = await validateForBuild(opts.dir, opts.strict, astroCacheDir(env)).catch((error: unknown) => {
		astro?.stop();
		throw error;
	});
	if (!validation.ok) {
		astro?.stop();
		return 1;
	}
	// Unpublished files with errors are left out: Astro's loader is told which (src/content.config.ts).
	process.env.PM_BUILD_SKIP = JSON.stringify(validation.leftOut);
	if (astro && validation.leftOut.length > 0) {
		astro.stop();
		await astro.done;
		astro = startAstroBuild(opts.outDir, { hold: true });
	}
	let code: number;
	if (astro) {
		if (!opts.skipDraft && validation.pendingDrafts > 0) process.stderr.write(`${noKeyLine(validation.pendingDrafts)}\n`);
		astro.release();
		code = await astro.done;
	} else {
		// Drafting assists, it does not gate: an API outage or a rejected draft leaves those
		// fields pending (the site says so) and the validated archive is still published.
		const drafted = await runDraftCommand({ dir: opts.dir, dryRun: false, only: [], concurrency: 4, force: false, batch: false, resume: false, json: false }, env).catch((error: unknown) => {
			process.stderr.write(`draft: ${(error as Error).message}\n`);
			return 1;
		});
		if (drafted !== 0) process.stderr.write('build: drafting did not finish for every postmortem (see above); building with those fields pending.\n');
		const later = startAstroBuild(opts.outDir, { hold: false });
		code = await later.done;
	}
	if (code !== 0) return code;
	// Search index: Pagefind reads the built incident pages (after Astro, so it sees the final HTML).
	const started = Date.now();
	// Reused from the cache folder when no indexed page changed since the last build.
	const search = await writeSearchIndexCached(path.resolve(opts.outDir ?? 'dist'), astroCacheDir(env));
	if (search.errors.length > 0) {
		process.stderr.write(`build: the search index could not be written to ${search.outputPath}:\n  ${search.errors.join('\n  ')}\n`);
		return 1;
	}
	console.log(`search index: ${search.pageCount} incident page(s) in ${((Date.now() - started) / 1000).toFixed(1)}s${search.reused ? ' (unchanged, reused)' : ''} → ${search.outputPath}`);
	const empty = emptySiteProblem(validation.published, search.pageCount);
	if (empty) {
		process.stderr.write(`${empty}\n`);
		return 1;
	}
	return 0;
}

/**
 * A site with published postmortems has incident pages. Astro turns a content store it
 * cannot load into an empty one with a warning only (`ImmutableDataStore.fromModule`),
 * which would publish an empty archive with exit 0: the build stops instead.
 */
export function emptySiteProblem(published: number, incidentPages: number): string | undefined {
	if (published === 0 || incidentPages > 0) return undefined;
	return `build: the site has no incident pages, although ${countOf(published, 'published postmortem')} passed validation: Astro's content store came out empty (see its warnings above). Do not deploy this build; run it again, and if it repeats, delete the cache folder (ASTRO_CACHE_DIR, default node_modules/.astro).`;
}
