import { postmortemsDir } from '../src/cli/content-dir.ts';
import { checkContentDir } from '../src/cli/check-content.ts';
import { runCli } from '../src/cli/run.ts';
import { parseCommandLine, usageError } from '../src/cli/command-line.ts';
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

const usage = { name: 'validate', help: HELP };
const args = parseCommandLine(usage, { allowPositionals: true, options: { strict: { type: 'boolean' }, json: { type: 'boolean' } } });
if (args.positionals.length > 1) usageError(usage, 'give at most one folder', { help: true });

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
