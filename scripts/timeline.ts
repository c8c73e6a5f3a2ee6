import { getConfig } from '../src/config.ts';
import { ArtefactFolderError, readArtefactFolder } from '../src/cli/artefacts/read-folder.ts';
import { TIMELINE_ARGS, TIMELINE_HELP, timelineOptions, timeWindow } from '../src/cli/artefacts/timeline-args.ts';
import { parseCommandLine, usageError } from '../src/cli/command-line.ts';
import { timelineSummary, timelineTable } from '../src/cli/artefacts/timeline-report.ts';
import { printArtefactProblems } from '../src/cli/artefacts/problems.ts';
import { runCli } from '../src/cli/run.ts';
import { colours, fail } from '../src/cli/terminal.ts';
import { sourceOfFormat } from '../src/lib/artefacts/detect.ts';
import { timelineJsonChunks, timelineYaml } from '../src/lib/artefacts/timeline-entries.ts';
import { exitQuietlyOnClosedPipe, writeChunks } from '../src/cli/artefacts/write-chunks.ts';
import { clipEvents } from '../src/lib/artefacts/window.ts';
import { dayInZone } from '../src/lib/format/zoned-time.ts';

const usage = { name: 'timeline', help: TIMELINE_HELP };
const parsed = timelineOptions(parseCommandLine(usage, TIMELINE_ARGS));
if (!parsed.ok) usageError(usage, parsed.message);
const options = parsed.options;

exitQuietlyOnClosedPipe();
await runCli(async () => {
	const timeZone = options.tz ?? getConfig().timeZone;
	let reading;
	try {
		reading = await readArtefactFolder(options.dir, { tz: timeZone });
	} catch (error) {
		if (error instanceof ArtefactFolderError) fail(`timeline: ${error.message}`);
		throw error;
	}
	const first = reading.events[0];
	const window = timeWindow(options, timeZone, first ? dayInZone(Date.parse(first.at), timeZone) : undefined);
	if ('message' in window) usageError(usage, window.message);
	const { events, outside } = clipEvents(reading.events, window.from, window.to);

	if (options.format === 'json') await writeChunks(process.stdout, timelineJsonChunks(events));
	else if (options.format === 'yaml') process.stdout.write(timelineYaml(events));
	else {
		const formats = new Map(reading.files.map((f) => [f.path, f.format]));
		const width = process.stdout.isTTY ? process.stdout.columns : undefined;
		process.stdout.write(timelineTable(events, { timeZone, width, paint: colours(process.stdout), sourceOfFile: (file) => sourceOfFormat(formats.get(file) ?? '') }));
	}

	// Once a window is asked for, what lies outside the incident is clipped, not worth a warning.
	const clipping = window.from !== undefined || window.to !== undefined;
	const warnings = clipping ? reading.warnings.filter((w) => !reading.farOutside.includes(w)) : reading.warnings;
	printArtefactProblems('timeline', { errors: reading.errors, warnings });
	process.stderr.write(`${timelineSummary(events, timeZone, reading.redactions, outside)}\n`);
	if (reading.errors.length) return 1;
	return options.strict && warnings.length ? 1 : 0;
});
