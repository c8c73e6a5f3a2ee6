import path from 'node:path';
import { parseArgs } from 'node:util';
import { postmortemsDir } from '../src/cli/content-dir.ts';
import { validateForBuildCached } from '../src/cli/validation-cache.ts';
import { startAstroBuild } from '../src/cli/astro-build.ts';
import { draftWouldCall, runDraftCommand } from '../src/cli/draft-command.ts';
import { noKeyLine } from '../src/cli/draft-report.ts';
import { runCli } from '../src/cli/run.ts';
import { fail } from '../src/cli/terminal.ts';
import { printValidationReport } from '../src/cli/validation-report.ts';
import { writeSearchIndexCached } from '../src/cli/search-index-cache.ts';
import { astroCacheDir } from '../src/cli/cache-dir.ts';

const HELP = `Usage: npm run build [-- options]

Validates the postmortems, drafts missing summaries and lessons with Claude
(only with ANTHROPIC_API_KEY; see docs/drafting.md), builds the site into dist/,
then indexes the incident pages for search (Pagefind, into dist/pagefind/).
Set POSTMORTEMS_DIR to build another folder; SHOW_DRAFTS=1 includes drafts and
postmortems in review (each under a "not published" banner).

Options:
  --strict         warnings stop the build too
  --out-dir DIR    write the site to DIR instead of dist/
  --skip-draft     do not run the drafting step
  -h, --help  show this help`;

let args;
try {
	args = parseArgs({ options: { strict: { type: 'boolean' }, 'out-dir': { type: 'string' }, 'skip-draft': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
	fail(`build: ${(error as Error).message}\n\n${HELP}`);
}
if (args.values.help) {
	console.log(HELP);
	process.exit(0);
}
const strict = Boolean(args.values.strict);
const outDir = args.values['out-dir'];

/**
 * Validates the archive and prints the report; returns whether the build may go on and
 * how many postmortems await drafting. Kept in its own function so the parsed archive
 * can be garbage-collected while Astro builds.
 */
async function validateForBuild(dir: string): Promise<{ ok: boolean; pendingDrafts: number }> {
	// Unchanged files reuse the last build's results (cached by content in Astro's cache folder).
	const result = await validateForBuildCached(dir);
	if ('missing' in result) {
		process.stderr.write(`build: no postmortems folder at ${result.missing} (set POSTMORTEMS_DIR or create content/postmortems)\n`);
		return { ok: false, pendingDrafts: 0 };
	}
	if (result.findings.length > 0) printValidationReport({ ...result, entries: [] }, result.fileCount);
	if (result.errorCount > 0 || (strict && result.warningCount > 0)) {
		process.stderr.write('\nbuild stopped: fix the problems above (npm run validate lists them again).\n');
		return { ok: false, pendingDrafts: 0 };
	}
	return { ok: true, pendingDrafts: result.pendingDrafts };
}

await runCli(async () => {
	const dir = postmortemsDir();
	// With a key, drafting writes files before Astro reads them, so the steps run in turn.
	// Without one (the usual case), Astro starts at once and the validator runs beside it
	// on the other core; Astro's output is held back until the content is known to be valid.
	const drafting = !args.values['skip-draft'] && draftWouldCall(process.env);
	const astro = drafting ? undefined : startAstroBuild(outDir, { hold: true });
	const validation = await validateForBuild(dir);
	if (!validation.ok) {
		astro?.stop();
		return 1;
	}
	let code: number;
	if (astro) {
		if (!args.values['skip-draft'] && validation.pendingDrafts > 0) process.stderr.write(`${noKeyLine(validation.pendingDrafts)}\n`);
		astro.release();
		code = await astro.done;
	} else {
		// Drafting assists, it does not gate: an API outage or a rejected draft leaves those
		// fields pending (the site says so) and the validated archive is still published.
		const drafted = await runDraftCommand({ dir, dryRun: false, only: [], concurrency: 4, force: false, batch: false, resume: false, json: false }).catch((error: unknown) => {
			process.stderr.write(`draft: ${(error as Error).message}\n`);
			return 1;
		});
		if (drafted !== 0) process.stderr.write('build: drafting did not finish for every postmortem (see above); building with those fields pending.\n');
		const later = startAstroBuild(outDir, { hold: false });
		code = await later.done;
	}
	if (code !== 0) return code;
	// Search index: Pagefind reads the built incident pages (after Astro, so it sees the final HTML).
	const started = Date.now();
	// Reused from the cache folder when no indexed page changed since the last build.
	const search = await writeSearchIndexCached(path.resolve(outDir ?? 'dist'), astroCacheDir());
	if (search.errors.length > 0) {
		process.stderr.write(`build: the search index could not be written to ${search.outputPath}:\n  ${search.errors.join('\n  ')}\n`);
		return 1;
	}
	console.log(`search index: ${search.pageCount} incident page(s) in ${((Date.now() - started) / 1000).toFixed(1)}s${search.reused ? ' (unchanged, reused)' : ''} → ${search.outputPath}`);
	return 0;
});
