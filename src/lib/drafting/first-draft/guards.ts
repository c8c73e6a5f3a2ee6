import type { FirstDraftOutput } from '../../../schemas/first-draft-output.ts';
import { PLACEHOLDERS } from '../../validation/placeholders.ts';
import { draftFindings, describeFinding } from '../tone-gate.ts';
import type { ArtefactEvent } from './events.ts';

/**
 * The guards on a first draft's answer. Some repair (a timeline entry citing an
 * event that does not exist is dropped and reported; an invented number is
 * dropped); some reject (self-narration, blame, a timeline with nothing left), and
 * a rejected draft gets one rewrite request before the run gives up on it.
 */

/** Something a guard removed from the draft, and why. */
export interface Dropped {
	path: string;
	reason: string;
}

/** Tolerance between a timeline entry's time and its cited events' (condensing merges messages within a minute). */
const TIME_TOLERANCE_MS = 60_000;

/** The narrative texts of a draft, with their paths: what the tone gate and the self-narration check read. */
export function narrativeTexts(d: FirstDraftOutput): Array<{ path: string; text: string }> {
	const out: Array<{ path: string; text: string }> = [
		{ path: 'title', text: d.title },
		{ path: 'summary', text: d.summary },
		{ path: 'impact.summary', text: d.impact.summary },
	];
	d.lessons.forEach((text, i) => out.push({ path: `lessons[${i}]`, text }));
	d.timeline.forEach((e, i) => out.push({ path: `timeline[${i}].event`, text: e.event }));
	d.contributingFactors.forEach((f, i) =>
		out.push({
			path: `contributingFactors[${i}].description`,
			text: f.description,
		}),
	);
	d.actionItems.forEach((a, i) => {
		out.push({ path: `actionItems[${i}].title`, text: a.title });
		out.push({ path: `actionItems[${i}].rationale`, text: a.rationale });
	});
	return out;
}

const SELF_NARRATION: ReadonlyArray<RegExp> = [
	/\bhere(?:'s|\u2019s| is) (?:a|an|the|your|my)\b[^.]{0,40}?\b(?:draft|postmortem|post-mortem|summary|version|timeline)\b/i,
	/\bas an ai\b/i,
	/\b(?:an? )?(?:ai|large language|language) model\b/i,
	/\b(?:this|the above|the following|my) (?:first )?draft\b/i,
	/\b(?:postmortem|incident report) template\b|\b(?:the|this) template(?:'s)? (?:fields?|sections?|format|structure)\b/i,
	/\b(?:fill in|replace|left|leave) (?:the |this |these |a |as )?placeholders?\b|\bplaceholders? (?:for|to be filled)\b/i,
	/\[(?:insert|tbd|todo|fill)[^\]]*\]/i,
	/\bI(?:'ve| have| would| will| am|'m) (?:drafted|written|included|assumed|left|not able|unable|going to)\b/i,
	/\bnote to (?:the )?(?:reader|reviewers?|team)\b/i,
	/\bbased on the (?:provided |given )?(?:artefacts|artifacts|events|data|logs)(?: (?:provided|given|above|below))?\b/i,
];

/** A sentence that narrates the draft instead of being it. */
export interface Narration {
	path: string;
	phrase: string;
}

export function selfNarration(d: FirstDraftOutput): Narration[] {
	const out: Narration[] = [];
	for (const { path, text } of narrativeTexts(d)) {
		for (const re of SELF_NARRATION) {
			const m = re.exec(text);
			if (m) {
				out.push({ path, phrase: m[0] });
				break;
			}
		}
	}
	return out;
}

/** What the tone gate needs: the blame words and the people the artefacts name. */
export interface ToneContext {
	blameWords: ReadonlyArray<string>;
	/** People named in the artefacts (actors), so a sentence naming one of them is checked. */
	people: ReadonlyArray<string>;
}

/**
 * Every narrative field through the drafting tone gate's entry point (`draftFindings`),
 * so whatever that gate checks, it checks here too. The texts travel as a list and
 * come back with their own paths.
 */
export function toneProblems(d: FirstDraftOutput, tone: ToneContext): string[] {
	const texts = narrativeTexts(d);
	const pm = { authors: [...tone.people], reviews: [], actionItems: [] };
	const findings = draftFindings({ summary: '', lessons: texts.map((t) => t.text) }, ['lessons'], tone.blameWords, pm);
	return findings.map((f) => {
		const i = Number(/^lessons\[(\d+)\]/.exec(f.path)?.[1] ?? -1);
		return describeFinding({ ...f, path: texts[i]?.path ?? f.path });
	});
}

/** Problems that send a draft back for its one rewrite; empty when it may be written. */
export function rejections(d: FirstDraftOutput, tone: ToneContext, keptTimeline: number): string[] {
	const out: string[] = [];
	for (const n of selfNarration(d)) out.push(`${n.path} narrates the draft instead of being it ("${n.phrase}")`);
	for (const t of toneProblems(d, tone)) out.push(`blame: ${t}`);
	if (keptTimeline === 0) out.push('no timeline entry cites an event that exists with its time; cite refs exactly as the events give them');
	return out;
}

/** The follow-up turn that asks for the one rewrite. */
export function firstDraftRewriteRequest(problems: ReadonlyArray<string>): string {
	return [
		'That draft cannot be used:',
		...problems.map((p) => `- ${p}`),
		'',
		'Rewrite the whole draft. Write the postmortem itself, never about the draft; name no person, @handle or one-person role next to an error, omission or decision that went wrong (describe the conditions in the system, tooling or process instead); cite only refs that appear in the events, with their times. Keep the facts and the specificity.',
	].join('\n');
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Timeline entries and factors whose refs all exist; entries' times set to their first cited event's. */
export function checkRefs(d: FirstDraftOutput, index: ReadonlyMap<string, ArtefactEvent>): { draft: FirstDraftOutput; dropped: Dropped[] } {
	const dropped: Dropped[] = [];
	const missing = (refs: ReadonlyArray<string>) => refs.filter((r) => !index.has(r));
	const timeline: FirstDraftOutput['timeline'] = [];
	d.timeline.forEach((entry, i) => {
		const path = `timeline[${i}]`;
		const unknown = missing(entry.refs);
		if (unknown.length > 0)
			return void dropped.push({
				path,
				reason: `cites ${unknown.map((r) => `"${r}"`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not in the artefacts`,
			});
		const at = Date.parse(entry.at);
		const times = entry.refs.map((r) => Date.parse(index.get(r)!.at));
		if (Number.isNaN(at))
			return void dropped.push({
				path,
				reason: `has no readable time ("${entry.at}")`,
			});
		// The cited event nearest the entry's time (the earliest of equals) gives the entry its time.
		const match = times.filter((t) => Math.abs(t - at) <= TIME_TOLERANCE_MS).sort((a, b) => Math.abs(a - at) - Math.abs(b - at) || a - b)[0];
		if (match === undefined)
			return void dropped.push({
				path,
				reason: `is at ${entry.at}, but the events it cites are at ${times.map(iso).join(', ')}`,
			});
		timeline.push({ ...entry, at: iso(match) });
	});
	timeline.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
	const contributingFactors = d.contributingFactors.filter((f, i) => {
		const unknown = missing(f.refs);
		if (unknown.length > 0)
			dropped.push({
				path: `contributingFactors[${i}]`,
				reason: `cites ${unknown.map((r) => `"${r}"`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not in the artefacts`,
			});
		return unknown.length === 0;
	});
	const moments = { ...d.moments };
	for (const key of ['detectedAt', 'mitigatedAt', 'resolvedAt'] as const) {
		const ref = moments[key];
		if (ref && !index.has(ref)) {
			dropped.push({
				path: `moments.${key}`,
				reason: `cites "${ref}", which is not in the artefacts`,
			});
			moments[key] = null;
		}
	}
	if (!index.has(moments.startedAt)) {
		dropped.push({
			path: 'moments.startedAt',
			reason: `cites "${moments.startedAt}", which is not in the artefacts; the first event's time is used`,
		});
		moments.startedAt = '';
	}
	return { draft: { ...d, timeline, contributingFactors, moments }, dropped };
}

const NUMBER_RE = /(?<![\w:.,/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w:/])(\s*(?:%|percent\b))?/g;
const DURATION_AFTER = /^\s*(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?)\b/i;

/** Every number written in the artefacts' texts, without thousands separators. */
export function numbersIn(texts: Iterable<string>): Set<string> {
	const out = new Set<string>();
	for (const text of texts) for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) out.add(m[0].replace(/,/g, '').replace(/\.0+$/, ''));
	return out;
}

/** Numbers in a sentence that the artefacts never state (durations and numbers below 10 aside). */
function inventedNumbers(sentence: string, known: ReadonlySet<string>): string[] {
	const out: string[] = [];
	for (const m of sentence.matchAll(NUMBER_RE)) {
		const value = m[1]!.replace(/,/g, '');
		if (Number(value) < 10) continue;
		if (DURATION_AFTER.test(sentence.slice(m.index! + m[0].length))) continue;
		if (!known.has(value.replace(/\.0+$/, ''))) out.push(m[0].trim());
	}
	return out;
}

/** Drops an affected-users count, or impact sentences, with numbers that appear nowhere in the artefacts. */
export function checkNumbers(d: FirstDraftOutput, known: ReadonlySet<string>): { draft: FirstDraftOutput; dropped: Dropped[] } {
	const dropped: Dropped[] = [];
	const impact = { ...d.impact };
	if (impact.usersAffected !== null && !known.has(String(impact.usersAffected))) {
		dropped.push({
			path: 'impact.usersAffected',
			reason: `${impact.usersAffected} appears nowhere in the artefacts`,
		});
		impact.usersAffected = null;
	}
	const sentences = impact.summary.split(/(?<=[.!?])\s+/);
	const kept = sentences.filter((s) => {
		const invented = inventedNumbers(s, known);
		if (invented.length > 0)
			dropped.push({
				path: 'impact.summary',
				reason: `the sentence "${s}" states ${invented.join(', ')}, which appear${invented.length === 1 ? 's' : ''} nowhere in the artefacts`,
			});
		return invented.length === 0;
	});
	impact.summary = kept.join(' ').trim() || PLACEHOLDERS.impactSummary;
	return { draft: { ...d, impact }, dropped };
}
