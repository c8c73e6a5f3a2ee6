import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { postmortemsDir } from '../src/lib/content-dir.ts';
import { checkContentDir } from '../src/cli/check-content.ts';
import { runDraftCommand } from '../src/cli/draft-command.ts';
import { runCli } from '../src/cli/run.ts';
import { fail } from '../src/cli/terminal.ts';
import { printValidationReport } from '../src/cli/validation-report.ts';
import { writeSearchIndex } from '../src/cli/search-index.ts';

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

/** Runs a command with the project's bin folder first on PATH; resolves to its exit code. */
function run(command: string, commandArgs: string[]): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(command, commandArgs, { stdio: 'inherit', shell: false, env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env } });
		child.on('error', (error) => {
			process.stderr.write(`build: could not start ${command}: ${error.message}\n`);
			resolve(1);
		});
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

await runCli(async () => {
	const dir = postmortemsDir();
	const checked = await checkContentDir(dir);
	if ('missing' in checked) fail(`build: no postmortems folder at ${checked.missing} (set POSTMORTEMS_DIR or create content/postmortems)`, 1);
	const { sources, result } = checked;
	if (result.errorCount > 0 || (strict && result.warningCount > 0) || result.warningCount > 0) printValidationReport(result, sources.length);
	if (result.errorCount > 0 || (strict && result.warningCount > 0)) {
		process.stderr.write('\nbuild stopped: fix the problems above (npm run validate lists them again).\n');
		return 1;
	}
	// Drafting assists, it does not gate: an API outage or a rejected draft leaves those
	// fields pending (the site says so) and the validated archive is still published.
	if (!args.values['skip-draft']) {
		const drafted = await runDraftCommand({ dir, dryRun: false, only: [], concurrency: 4, force: false, batch: false, resume: false, json: false }).catch((error: unknown) => {
			process.stderr.write(`draft: ${(error as Error).message}\n`);
			return 1;
		});
		if (drafted !== 0) process.stderr.write('build: drafting did not finish for every postmortem (see above); building with those fields pending.\n');
	}
	const astro = await run('astro', ['build', ...(outDir ? ['--outDir', outDir] : [])]);
	if (astro !== 0) return astro;
	// Search index: Pagefind reads the built incident pages (after Astro, so it sees the final HTML).
	const started = Date.now();
	const search = await writeSearchIndex(path.resolve(outDir ?? 'dist'));
	if (search.errors.length > 0) {
		process.stderr.write(`build: the search index could not be written to ${search.outputPath}:\n  ${search.errors.join('\n  ')}\n`);
		return 1;
	}
	console.log(`search index: ${search.pageCount} incident page(s) in ${((Date.now() - started) / 1000).toFixed(1)}s → ${search.outputPath}`);
	return 0;
});
