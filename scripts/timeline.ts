import { getConfig } from '../src/config.ts';
import { ArtefactFolderError, readArtefactFolder } from '../src/cli/artefacts/read-folder.ts';
import { parseTimelineArgs, TIMELINE_HELP, timeWindow } from '../src/cli/artefacts/timeline-args.ts';
import { timelineSummary, timelineTable } from '../src/cli/artefacts/timeline-report.ts';
import { printArtefactProblems } from '../src/cli/artefacts/problems.ts';
import { runCli } from '../src/cli/run.ts';
import { colours, fail } from '../src/cli/terminal.ts';
import { sourceOfFormat } from '../src/lib/artefacts/detect.ts';
import { timelineJson, timelineYaml } from '../src/lib/artefacts/timeline-entries.ts';
import { clipEvents } from '../src/lib/artefacts/window.ts';
import { dayInZone } from '../src/lib/format/zoned-time.ts';

const parsed = parseTimelineArgs(process.argv.slice(2));
if (!parsed.ok) fail(`timeline: ${parsed.message}\n(npm run timeline -- --help shows the options)`);
const options = parsed.options;
if (options.help) {
	console.log(TIMELINE_HELP);
	process.exit(0);
}

await runCli(async () => {
	const timeZone = options.tz ?? getConfig().timeZone;
	let reading;
	try {
		reading = await readArtefactFolder(options.dir!, { tz: timeZone });
	} catch (error) {
		if (error instanceof ArtefactFolderError) fail(`timeline: ${error.message}`);
		throw error;
	}
	const first = reading.events[0];
	const window = timeWindow(options, timeZone, first ? dayInZone(Date.parse(first.at), timeZone) : undefined);
	if ('message' in window) fail(`timeline: ${window.message}`);
	const { events, outside } = clipEvents(reading.events, window.from, window.to);

	if (options.format === 'json') process.stdout.write(`${JSON.stringify(timelineJson(events), null, 2)}\n`);
	else if (options.format === 'yaml') process.stdout.write(timelineYaml(events));
	else {
		const formats = new Map(reading.files.map((f) => [f.path, f.format]));
		const width = process.stdout.isTTY ? process.stdout.columns : undefined;
		process.stdout.write(timelineTable(events, { timeZone, width, paint: colours(process.stdout), sourceOfFile: (file) => sourceOfFormat(formats.get(file) ?? '') }));
	}

	printArtefactProblems('timeline', reading);
	process.stderr.write(`${timelineSummary(events, timeZone, reading.redactions, outside)}\n`);
	if (reading.errors.length) return 1;
	return options.strict && reading.warnings.length ? 1 : 0;
});
