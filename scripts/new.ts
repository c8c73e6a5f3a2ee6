import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '../src/config.ts';
import { runCli } from '../src/cli/run.ts';
import { fail } from '../src/cli/terminal.ts';
import { parseCommandLine, usageError } from '../src/cli/command-line.ts';
import { displayPath, postmortemsDir, prepareNewFileDir } from '../src/cli/content-dir.ts';
import { scaffoldPostmortem, titleProblem, type ArtefactScaffold } from '../src/lib/authoring/scaffold.ts';
import { ArtefactFolderError, readArtefactFolder } from '../src/cli/artefacts/read-folder.ts';
import { printArtefactProblems } from '../src/cli/artefacts/problems.ts';
import { timelineSummary } from '../src/cli/artefacts/timeline-report.ts';
import { incidentFacts } from '../src/lib/artefacts/incident-facts.ts';
import { timelineEntries } from '../src/lib/artefacts/timeline-entries.ts';
import { isKnownTimeZone } from '../src/lib/format/zoned-time.ts';
import { SEVERITIES, type Severity } from '../src/schemas/severity.ts';

const HELP = `Usage: npm run new -- [options] "Title of the incident"

Creates a draft postmortem, <date>-<slug-of-title>.md, in the postmortems folder
(default: $POSTMORTEMS_DIR or content/postmortems) with every field of the format
and a body skeleton to fill in. Never overwrites an existing file.

With --from, the incident's raw exports (the folder npm run timeline reads) fill
in what they make clear: startedAt and detectedAt (first alert or page),
mitigatedAt (every alert resolved), resolvedAt (the pager's resolve entry), the
services (alert labels, deployments) and the merged timeline with each entry's
refs; the file is named for the incident's day. The rest stays to fill in.

Options:
  --severity SEV   SEV1 (most severe) to SEV4; default SEV3
  --dir DIR        create the file in DIR instead
  --from DIR       fill the draft from the artefacts in DIR (docs/artefacts.md)
  --tz ZONE        with --from: IANA zone for artefact times written without one
                   (default: timeZone in postmortems.config.ts)
  --create-dir     create the folder if it does not exist (without it, a missing
                   folder is an error: a typo in POSTMORTEMS_DIR is not silently
                   turned into a new folder)
  -h, --help       show this help

Exit status: 0 created, 1 the file already exists or could not be written, or
an artefact could not be read (nothing is written then), 2 bad usage
(including a folder that is missing or is a file).`;

const usage = { name: 'new', help: HELP };
const args = parseCommandLine(usage, {
	allowPositionals: true,
	options: { severity: { type: 'string' }, dir: { type: 'string' }, from: { type: 'string' }, tz: { type: 'string' }, 'create-dir': { type: 'boolean' } },
});
const title = args.positionals.join(' ').trim();
if (!title) usageError(usage, 'give the incident\'s title, e.g. npm run new -- "Checkout timeouts during the orders migration"', { help: true });
const problem = titleProblem(title);
if (problem) usageError(usage, problem);
const severityArg = (args.values.severity ?? 'SEV3').toUpperCase();
if (!(SEVERITIES as readonly string[]).includes(severityArg)) usageError(usage, `--severity must be one of ${SEVERITIES.join(', ')}, not "${args.values.severity}"`);
if (args.values.tz !== undefined && !isKnownTimeZone(args.values.tz)) usageError(usage, `--tz "${args.values.tz}" is not a time zone; use an IANA name such as UTC or Europe/Berlin`);
if (args.values.tz !== undefined && args.values.from === undefined) usageError(usage, '--tz only applies with --from DIR');

await runCli(async () => {
	const config = getConfig();
	const dir = postmortemsDir(args.values.dir);
	const dirProblem = await prepareNewFileDir(dir, { create: Boolean(args.values['create-dir']), flag: '--create-dir' });
	if (dirProblem) fail(`new: ${dirProblem}`);
	const fromArtefacts = args.values.from === undefined ? undefined : await readForScaffold(args.values.from, args.values.tz ?? config.timeZone);
	if (fromArtefacts === 'failed') return 1;
	const scaffold = scaffoldPostmortem({ title, severity: severityArg as Severity, now: new Date(), timeZone: config.timeZone, policy: config.policy, fromArtefacts });
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

/** The artefacts' facts and timeline for the scaffold; 'failed' (reported) when a file cannot be read. */
async function readForScaffold(folder: string, tz: string): Promise<ArtefactScaffold | 'failed'> {
	let reading;
	try {
		reading = await readArtefactFolder(folder, { tz });
	} catch (error) {
		if (error instanceof ArtefactFolderError) fail(`new: ${error.message}`);
		throw error;
	}
	printArtefactProblems('new', reading);
	if (reading.errors.length) {
		process.stderr.write(`new: nothing written; fix or remove the file${reading.errors.length === 1 ? '' : 's'} above, or see: npm run timeline -- ${folder}\n`);
		return 'failed';
	}
	process.stderr.write(`new: ${timelineSummary(reading.events, tz, reading.redactions)}\n`);
	return { folder, facts: incidentFacts(reading.events), timeline: timelineEntries(reading.events) };
}
