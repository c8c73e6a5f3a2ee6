import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '../src/config.ts';
import { runCli } from '../src/cli/run.ts';
import { fail } from '../src/cli/terminal.ts';
import { parseCommandLine, usageError } from '../src/cli/command-line.ts';
import { displayPath, postmortemsDir, prepareNewFileDir } from '../src/cli/content-dir.ts';
import { scaffoldPostmortem, titleProblem } from '../src/lib/authoring/scaffold.ts';
import { SEVERITIES, type Severity } from '../src/schemas/severity.ts';

const HELP = `Usage: npm run new -- [options] "Title of the incident"

Creates a draft postmortem, <date>-<slug-of-title>.md, in the postmortems folder
(default: $POSTMORTEMS_DIR or content/postmortems) with every field of the format
and a body skeleton to fill in. Never overwrites an existing file.

Options:
  --severity SEV   SEV1 (most severe) to SEV4; default SEV3
  --dir DIR        create the file in DIR instead
  --create-dir     create the folder if it does not exist (without it, a missing
                   folder is an error: a typo in POSTMORTEMS_DIR is not silently
                   turned into a new folder)
  -h, --help       show this help

Exit status: 0 created, 1 the file already exists or could not be written, 2 bad
usage (including a folder that is missing or is a file).`;

const usage = { name: 'new', help: HELP };
const args = parseCommandLine(usage, { allowPositionals: true, options: { severity: { type: 'string' }, dir: { type: 'string' }, 'create-dir': { type: 'boolean' } } });
const title = args.positionals.join(' ').trim();
if (!title) usageError(usage, 'give the incident\'s title, e.g. npm run new -- "Checkout timeouts during the orders migration"', { help: true });
const problem = titleProblem(title);
if (problem) usageError(usage, problem);
const severityArg = (args.values.severity ?? 'SEV3').toUpperCase();
if (!(SEVERITIES as readonly string[]).includes(severityArg)) usageError(usage, `--severity must be one of ${SEVERITIES.join(', ')}, not "${args.values.severity}"`);

await runCli(async () => {
	const config = getConfig();
	const dir = postmortemsDir(args.values.dir);
	const dirProblem = await prepareNewFileDir(dir, { create: Boolean(args.values['create-dir']), flag: '--create-dir' });
	if (dirProblem) fail(`new: ${dirProblem}`);
	const scaffold = scaffoldPostmortem({ title, severity: severityArg as Severity, now: new Date(), timeZone: config.timeZone, policy: config.policy });
	const file = path.join(dir, scaffold.fileName);
	const asFolder = path.join(dir, scaffold.slug, 'index.md');
	if (await stat(asFolder).catch(() => undefined)) {
		process.stderr.write(`new: ${displayPath(asFolder)} already exists; edit it, or choose another title\n`);
		return 1;
	}
	try {
		// 'wx' creates the file or fails if it exists: no window in which another file could be overwritten.
		await writeFile(file, scaffold.text, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			process.stderr.write(`new: ${displayPath(file)} already exists; edit it, or choose another title\n`);
			return 1;
		}
		throw error;
	}
	console.log(displayPath(file));
	process.stderr.write('Fill in the fields marked in the file, then run: npm run validate\n');
	return 0;
});
