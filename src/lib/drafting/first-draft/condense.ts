import { approxTokens } from '../prompt.ts';
import { refFile } from '../../artefacts/merge.ts';
import type { ArtefactEvent } from './events.ts';

/**
 * Condensing the merged events to fit a token budget, deterministically and in
 * steps that lose least first: channel joins and bot noise out, runs of one
 * person's chat messages within a minute merged, long pastes cut, and only then
 * chat messages left out evenly across the incident. Every step is counted in the
 * report: nothing is cut silently. Under the budget nothing changes.
 */

/** An event as the prompt shows it; `merged` holds the refs of chat messages folded into it. */
export interface PromptEvent extends ArtefactEvent {
	merged?: string[];
}

export interface CondenseReport {
	eventsIn: number;
	eventsOut: number;
	tokensIn: number;
	tokensOut: number;
	budget: number;
	joinsDropped: number;
	botMessagesDropped: number;
	/** Messages folded into the message before them (same person, same channel, within a minute). */
	messagesMerged: number;
	pastesCut: number;
	/** Events left out to fit at all (chat first), spread evenly over the incident. */
	eventsLeftOut: number;
	/** Whether any step ran. */
	condensed: boolean;
}

/** Default budget for the events in one request: far inside every current model's context, with room for the answer. */
export const EVENT_TOKEN_BUDGET = 60_000;
/** A message longer than this (a pasted log or stack trace) is cut to it when condensing. */
export const MAX_EVENT_CHARS = 400;
/** Messages of one person within this many milliseconds of the run's first are merged. */
const RUN_WINDOW_MS = 60_000;

const CHAT_SOURCES = new Set<string>(['slack']);
const JOIN_RE = /\bhas (?:joined|left) the channel\b|^<?@?[\w.-]+>? (?:joined|left)\b/i;
const BOT_RE = /(?:^|[\s_-])bot$|\bbot\b|\[bot\]/i;

export const isChat = (e: ArtefactEvent) => CHAT_SOURCES.has(e.source);

/** One event as a line of the prompt: time, source, ref, actor, text. */
export function eventLine(e: PromptEvent): string {
	const more = e.merged && e.merged.length > 0 ? ` (+${e.merged.length} more: ${e.merged.join(', ')})` : '';
	return `${e.at} | ${e.source} | ${e.ref}${more} | ${e.actor ?? '-'} | ${e.text}`;
}

export function eventTokens(events: ReadonlyArray<PromptEvent>): number {
	let total = 0;
	for (const e of events) total += approxTokens(eventLine(e)) + 1;
	return total;
}

function mergeRuns(events: ReadonlyArray<PromptEvent>): {
	events: PromptEvent[];
	merged: number;
} {
	const out: PromptEvent[] = [];
	let merged = 0;
	let runStart = 0;
	for (const e of events) {
		const last = out[out.length - 1];
		const sameRun =
			last &&
			isChat(e) &&
			isChat(last) &&
			e.actor &&
			e.actor === last.actor &&
			refFile(e.ref) === refFile(last.ref) &&
			Date.parse(e.at) - runStart <= RUN_WINDOW_MS;
		if (sameRun) {
			out[out.length - 1] = {
				...last,
				text: `${last.text} / ${e.text}`,
				merged: [...(last.merged ?? []), e.ref],
			};
			merged += 1;
		} else {
			out.push(e);
			runStart = Date.parse(e.at);
		}
	}
	return { events: out, merged };
}

function cutPastes(events: ReadonlyArray<PromptEvent>, max: number): { events: PromptEvent[]; cut: number } {
	let cut = 0;
	const out = events.map((e) => {
		if (e.text.length <= max) return e;
		cut += 1;
		return {
			...e,
			text: `${e.text.slice(0, max)} [… ${e.text.length - max} more characters cut]`,
		};
	});
	return { events: out, cut };
}

/** Keeps an even spread of the events `pick` selects so the total fits; the others stay. */
function spreadOut(events: ReadonlyArray<PromptEvent>, budget: number, pick: (e: PromptEvent) => boolean): { events: PromptEvent[]; left: number } {
	const candidates = events.filter(pick);
	const fixed = eventTokens(events.filter((e) => !pick(e)));
	const candidateTokens = eventTokens(candidates);
	if (candidates.length === 0 || fixed + candidateTokens <= budget) return { events: [...events], left: 0 };
	const ratio = Math.max(0, (budget - fixed) / candidateTokens);
	const keep = new Set<PromptEvent>();
	candidates.forEach((e, i) => {
		if (Math.floor((i + 1) * ratio) > Math.floor(i * ratio)) keep.add(e);
	});
	const out = events.filter((e) => !pick(e) || keep.has(e));
	return { events: out, left: events.length - out.length };
}

/** The events to send, within `budget` tokens, and what condensing did. */
export function condenseEvents(events: ReadonlyArray<ArtefactEvent>, budget = EVENT_TOKEN_BUDGET): { events: PromptEvent[]; report: CondenseReport } {
	const tokensIn = eventTokens(events);
	const report: CondenseReport = {
		eventsIn: events.length,
		eventsOut: events.length,
		tokensIn,
		tokensOut: tokensIn,
		budget,
		joinsDropped: 0,
		botMessagesDropped: 0,
		messagesMerged: 0,
		pastesCut: 0,
		eventsLeftOut: 0,
		condensed: false,
	};
	let current: PromptEvent[] = [...events];
	const fits = () => eventTokens(current) <= budget;
	if (!fits()) {
		report.condensed = true;
		const noJoins = current.filter((e) => !(isChat(e) && JOIN_RE.test(e.text)));
		report.joinsDropped = current.length - noJoins.length;
		const noBots = noJoins.filter((e) => !(isChat(e) && e.actor && BOT_RE.test(e.actor)));
		report.botMessagesDropped = noJoins.length - noBots.length;
		current = noBots;
	}
	if (!fits()) {
		const m = mergeRuns(current);
		current = m.events;
		report.messagesMerged = m.merged;
	}
	if (!fits()) {
		const c = cutPastes(current, MAX_EVENT_CHARS);
		current = c.events;
		report.pastesCut = c.cut;
	}
	if (!fits()) {
		// Chat goes first while the other sources fit in half the budget; past that (a pager
		// log of thousands of notifications) every source is thinned alike, so the chat's
		// wrong turns and decisions are not all lost to system events.
		const others = eventTokens(current.filter((e) => !isChat(e)));
		const spread = spreadOut(current, budget, others <= budget / 2 ? isChat : () => true);
		current = spread.events;
		report.eventsLeftOut = spread.left;
	}
	report.eventsOut = current.length;
	report.tokensOut = eventTokens(current);
	return { events: current, report };
}

/** The report in one line for people; undefined when nothing was condensed. */
export function condenseLine(r: CondenseReport): string | undefined {
	if (!r.condensed) return undefined;
	const parts: string[] = [];
	if (r.joinsDropped) parts.push(`${r.joinsDropped} channel joins/leaves`);
	if (r.botMessagesDropped) parts.push(`${r.botMessagesDropped} bot messages left out`);
	if (r.messagesMerged) parts.push(`${r.messagesMerged} messages merged into the one before (same person, within a minute)`);
	if (r.pastesCut) parts.push(`${r.pastesCut} long pastes cut to ${MAX_EVENT_CHARS} characters`);
	if (r.eventsLeftOut) parts.push(`${r.eventsLeftOut} events left out to fit (chat first, spread evenly over the incident)`);
	return `condensed ${r.eventsIn} events (≈ ${r.tokensIn} tokens) to ${r.eventsOut} (≈ ${r.tokensOut} tokens, budget ${r.budget}): ${parts.join('; ') || 'nothing could be left out'}`;
}
