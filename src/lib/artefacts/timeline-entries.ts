import { stringify } from 'yaml';
import type { ArtefactEvent, TimelineJson } from '../../schemas/artefact-event.ts';
import { refFile } from './merge.ts';

/**
 * Artefact events as a postmortem's `timeline:` entries (`{at, event, refs}`),
 * and the contract's JSON. Pure.
 */

export interface TimelineEntryDraft {
	at: string;
	event: string;
	refs: string[];
}

/** The chat channel of a Slack ref: the folder above its daily file (`slack/incident/…` → `incident`). */
function channelOf(ref: string): string | undefined {
	const parts = refFile(ref).split('/');
	return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

/**
 * One line a person would write in a timeline: chat as "Name in #channel: text",
 * other sources as their text with who or what did it in brackets.
 */
export function eventSentence(e: ArtefactEvent): string {
	if (e.source === 'slack') {
		const channel = channelOf(e.ref);
		const who = e.actor ?? 'Someone';
		return `${who}${channel ? ` in #${channel}` : ''}${e.parent ? ' (thread)' : ''}: ${e.text}`;
	}
	return e.actor ? `${e.text} (${e.actor})` : e.text;
}

/** The events as `timeline:` entries, each with its ref and the refs it was also seen under. */
export function timelineEntries(events: ArtefactEvent[]): TimelineEntryDraft[] {
	return events.map((e) => ({ at: e.at, event: eventSentence(e), refs: [e.ref, ...(e.alsoIn ?? [])] }));
}

/** A `timeline:` block to paste into a postmortem's frontmatter. */
export function timelineYaml(events: ArtefactEvent[]): string {
	return stringify({ timeline: timelineEntries(events) }, { lineWidth: 0 });
}

/** The contract's `{"schemaVersion": 1, "events": [...]}`: only the contract's fields, in its order. */
export function timelineJson(events: ArtefactEvent[]): TimelineJson {
	return {
		schemaVersion: 1,
		events: events.map((e) => ({
			at: e.at,
			source: e.source,
			ref: e.ref,
			actor: e.actor,
			text: e.text,
			...(e.alsoIn?.length ? { alsoIn: e.alsoIn } : {}),
			...(e.parent ? { parent: e.parent } : {}),
		})),
	};
}

/** One event of the JSON as `JSON.stringify(…, null, 2)` indents it inside `events`. */
function eventJson(e: ArtefactEvent): string {
	const q = JSON.stringify;
	let out = `    {\n      "at": ${q(e.at)},\n      "source": ${q(e.source)},\n      "ref": ${q(e.ref)},\n      "actor": ${q(e.actor)},\n      "text": ${q(e.text)}`;
	if (e.alsoIn?.length) out += `,\n      "alsoIn": [\n${e.alsoIn.map((r) => `        ${q(r)}`).join(',\n')}\n      ]`;
	if (e.parent) out += `,\n      "parent": ${q(e.parent)}`;
	return `${out}\n    }`;
}

/**
 * The same text as `JSON.stringify(timelineJson(events), null, 2)` plus a
 * newline, in chunks of about `chunkEvents` events: 100,000 events are written
 * without first building one 30 MB string and a second copy of every event.
 */
export function* timelineJsonChunks(events: ArtefactEvent[], chunkEvents = 2000): Generator<string> {
	if (events.length === 0) {
		yield '{\n  "schemaVersion": 1,\n  "events": []\n}\n';
		return;
	}
	yield '{\n  "schemaVersion": 1,\n  "events": [\n';
	for (let i = 0; i < events.length; i += chunkEvents) {
		const end = Math.min(events.length, i + chunkEvents);
		const parts: string[] = [];
		for (let j = i; j < end; j++) parts.push(eventJson(events[j]!));
		yield `${parts.join(',\n')}${end < events.length ? ',\n' : '\n'}`;
	}
	yield '  ]\n}\n';
}
