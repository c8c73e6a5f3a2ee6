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
