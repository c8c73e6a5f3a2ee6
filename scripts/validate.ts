import { parseArgs } from 'node:util';
import { postmortemsDir } from '../src/cli/content-dir.ts';
import { checkContentDir } from '../src/cli/check-content.ts';
import { runCli } from '../src/cli/run.ts';
import { fail } from '../src/cli/terminal.ts';
import { findingsJson, printValidationReport } from '../src/cli/validation-report.ts';

const HELP = `Usage: npm run validate [-- [options] [DIR]]

Checks every postmortem in DIR (default: $POSTMORTEMS_DIR or content/postmortems)
against the format and the policies, and lists every problem with file and field.

Options:
  --strict   warnings fail too
  --json     print the findings as JSON on stdout
  -h, --help show this help

Exit status: 0 valid, 1 problems found, 2 bad usage or missing folder.`;

let args;
try {
	args = parseArgs({
		allowPositionals: true,
		options: { strict: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
	});
} catch (error) {
	fail(`validate: ${(error as Error).message}\n\n${HELP}`);
}
if (args.values.help) {
	console.log(HELP);
	process.exit(0);
}
if (args.positionals.length > 1) fail(`validate: give at most one folder\n\n${HELP}`);

const options = args.values;
await runCli(async () => {
	const dir = postmortemsDir(args.positionals[0]);
	const checked = await checkContentDir(dir);
	if ('missing' in checked) fail(`validate: no such folder: ${checked.missing}`);
	const { sources, result } = checked;
	if (options.json) console.log(JSON.stringify(findingsJson(result, sources.length), null, 2));
	else printValidationReport(result, sources.length);
	return result.errorCount > 0 || (options.strict && result.warningCount > 0) ? 1 : 0;
});
