import { getConfig } from '../src/config.ts';
import { checkContentDir } from '../src/cli/check-content.ts';
import { overdueJson, overdueMarkdown, overdueTable, selectOverdue } from '../src/cli/overdue-report.ts';
import { OVERDUE_ARGS, OVERDUE_HELP, overdueOptions } from '../src/cli/overdue-args.ts';
import { parseCommandLine, usageError } from '../src/cli/command-line.ts';
import { runCli } from '../src/cli/run.ts';
import { colours, fail, sanitiseForTerminal } from '../src/cli/terminal.ts';
import { ageActionItems } from '../src/lib/aging/aged-items.ts';
import { buildArchive } from '../src/lib/archive/build-archive.ts';
import { postmortemsDir } from '../src/cli/content-dir.ts';
import { calendarDateIn, isIsoDate } from '../src/lib/format/dates.ts';
import { countOf } from '../src/lib/format/labels.ts';
import { formatFinding } from '../src/lib/validation/findings.ts';

const usage = { name: 'overdue', help: OVERDUE_HELP };
const parsed = overdueOptions(parseCommandLine(usage, OVERDUE_ARGS));
if (!parsed.ok) usageError(usage, parsed.message);
const options = parsed.options;

await runCli(async () => {
	const config = getConfig();
	const pinned = options.asOf ?? process.env.PM_AS_OF;
	if (pinned !== undefined && !isIsoDate(pinned)) fail(`overdue: PM_AS_OF "${pinned}" is not a date; write it as YYYY-MM-DD`);
	const asOf = pinned ?? calendarDateIn(new Date(), config.timeZone);

	const checked = await checkContentDir(postmortemsDir(options.dir));
	if ('missing' in checked) fail(`overdue: no such folder: ${checked.missing} (set POSTMORTEMS_DIR or give a folder)`);
	const { result } = checked;
	const errors = result.findings.filter((f) => f.level === 'error');
	const invalidFiles = [...new Set(errors.map((f) => f.file))];
	if (errors.length) {
		const c = colours(process.stderr);
		process.stderr.write(`${c.yellow(`overdue: skipping what cannot be read reliably (${countOf(errors.length, 'error')}); npm run validate lists them:`)}\n`);
		for (const f of errors.slice(0, 10)) process.stderr.write(`  ${sanitiseForTerminal(formatFinding(f))}\n`);
		if (errors.length > 10) process.stderr.write(`  … and ${errors.length - 10} more\n`);
	}

	const archive = buildArchive(result.entries, { includeUnpublished: process.env.SHOW_DRAFTS === '1' });
	const aged = ageActionItems(archive.actionItems, asOf, config.policy);
	const selection = selectOverdue(aged, options, { asOf, timeZone: config.timeZone, invalidFiles });
	const ctx = { site: { url: config.site.url, base: config.site.base }, ticketUrlPattern: config.ticketUrlPattern };

	if (options.format === 'json') process.stdout.write(`${JSON.stringify(overdueJson(selection, ctx), null, 2)}\n`);
	else if (options.format === 'markdown') process.stdout.write(overdueMarkdown(selection, ctx));
	else process.stdout.write(overdueTable(selection, colours(process.stdout)));

	if (!options.failOnOverdue) return 0;
	if (selection.overdue > 0) {
		process.stderr.write(`overdue: ${selection.overdue} matching item${selection.overdue === 1 ? ' is' : 's are'} overdue (--fail-on-overdue)\n`);
		return 1;
	}
	if (invalidFiles.length) {
		process.stderr.write('overdue: invalid postmortem files were skipped, so nothing can be vouched for (--fail-on-overdue)\n');
		return 1;
	}
	return 0;
});
