import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ArtefactEvent } from '../../lib/drafting/first-draft/events.ts';

/**
 * The events a first draft starts from: an artefact folder read by the artefact
 * readers, or a timeline JSON file (`npm run timeline -- DIR --json`, perhaps
 * trimmed by hand). Problems are values with a message that names the file.
 */

export type LoadedEvents =
	| {
			ok: true;
			events: ArtefactEvent[];
			redactions: number;
			warnings: string[];
			folder: string;
	  }
	| { ok: false; message: string; usage?: boolean };

const eventSchema = z.object({
	at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), {
		error: 'must be an ISO 8601 time',
	}),
	source: z.string().min(1),
	ref: z.string().min(1),
	actor: z.string().nullable(),
	text: z.string(),
	alsoIn: z.array(z.string()).optional(),
});
const timelineFileSchema = z.object({
	schemaVersion: z.literal(1),
	events: z.array(eventSchema),
});

async function fromTimelineJson(file: string): Promise<LoadedEvents> {
	let data: unknown;
	try {
		data = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		return {
			ok: false,
			message: `${file}: not valid JSON (${(error as Error).message})`,
		};
	}
	const parsed = timelineFileSchema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return {
			ok: false,
			message: `${file}: ${issue.path.join('.') || '(top level)'} ${issue.message}; expected the output of npm run timeline -- DIR --json`,
		};
	}
	const events = [...parsed.data.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.source.localeCompare(b.source) || a.ref.localeCompare(b.ref));
	return {
		ok: true,
		events,
		redactions: 0,
		warnings: [],
		folder: path.dirname(file),
	};
}

/** Reads the events of `from` (a folder of exports, or a timeline JSON file). */
export async function loadArtefactEvents(from: string, _options: { timeZone: string }): Promise<LoadedEvents> {
	const s = await stat(from).catch(() => undefined);
	if (!s)
		return {
			ok: false,
			message: `no artefact folder or timeline file at ${from}`,
			usage: true,
		};
	if (s.isFile()) return fromTimelineJson(from);
	return {
		ok: false,
		message: `${from}: reading artefact folders needs the artefact readers (issue 11); give a timeline JSON file instead`,
		usage: true,
	};
}
