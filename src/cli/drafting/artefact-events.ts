import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { timelineJsonSchema } from '../../schemas/artefact-event.ts';
import { compareEvents } from '../../lib/artefacts/merge.ts';
import { emptyRedactionCount, redactEvents } from '../../lib/artefacts/redact.ts';
import type { ArtefactEvent } from '../../lib/drafting/first-draft/events.ts';
import { formatFinding } from '../../lib/validation/findings.ts';
import { ArtefactFolderError, readArtefactFolder } from '../artefacts/read-folder.ts';

/**
 * The events a first draft starts from: an artefact folder read by the artefact
 * readers (merged, de-duplicated, redacted), or a timeline JSON file
 * (`npm run timeline -- DIR --json`, perhaps trimmed by hand), redacted again.
 * Problems are values with a message that names the file.
 */

export type LoadedEvents =
	| { ok: true; events: ArtefactEvent[]; redactions: number; warnings: string[]; errors: string[] }
	| { ok: false; message: string; usage?: boolean; problems?: string[] };

async function fromTimelineJson(file: string): Promise<LoadedEvents> {
	let data: unknown;
	try {
		data = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		return { ok: false, message: `${file}: not valid JSON (${(error as Error).message})` };
	}
	const parsed = timelineJsonSchema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { ok: false, message: `${file}: ${issue.path.join('.') || '(top level)'} ${issue.message}; expected the output of npm run timeline -- DIR --json` };
	}
	const count = emptyRedactionCount();
	const events = redactEvents(parsed.data.events as ArtefactEvent[], count).sort(compareEvents);
	return { ok: true, events, redactions: count.total, warnings: [], errors: [] };
}

/** Reads the events of `from` (a folder of exports, or a timeline JSON file). */
export async function loadArtefactEvents(from: string, options: { timeZone: string }): Promise<LoadedEvents> {
	const s = await stat(from).catch(() => undefined);
	if (!s) return { ok: false, message: `no artefact folder or timeline file at ${from}`, usage: true };
	if (s.isFile()) {
		if (path.extname(from).toLowerCase() !== '.json') return { ok: false, message: `${from} is a file; give the incident's artefact folder, or a timeline JSON file from npm run timeline -- DIR --json`, usage: true };
		return fromTimelineJson(from);
	}
	try {
		const reading = await readArtefactFolder(from, { tz: options.timeZone });
		return {
			ok: true,
			events: reading.events,
			redactions: reading.redactions.total,
			warnings: reading.warnings.map(formatFinding),
			errors: reading.errors.map(formatFinding),
		};
	} catch (error) {
		if (error instanceof ArtefactFolderError) return { ok: false, message: error.message, usage: true };
		throw error;
	}
}
