import type { ToneOptions } from '../tone/blame.ts';
import type { ValidEntry } from '../validation/validate-archive.ts';
import { isMissing, unreviewedDraftFields } from './select.ts';
import { draftFindings } from './tone-gate.ts';

/** A published postmortem whose summary and lessons people wrote or reviewed: the house style. */
export interface StyleExample {
	slug: string;
	/** The facts the example's summary was written from. */
	facts: Record<string, unknown>;
	summary: string;
	lessons: string[];
}

/** How many examples the prompt carries at most. */
export const MAX_EXAMPLES = 3;

/**
 * Picks up to `max` few-shot examples: published, summary and lessons present and
 * owned by people (never an unreviewed draft), passing the same blameless-language check as
 * every draft (so the model never learns blame from an example, and the tone reviewer is
 * calibrated on clean text), newest first.
 * Deterministic, so every request of a run shares the same cached prefix.
 */
export function pickStyleExamples(entries: ReadonlyArray<ValidEntry>, tone: Pick<ToneOptions, 'blameWords'>, max = MAX_EXAMPLES): StyleExample[] {
	const blameWords = tone.blameWords ?? [];
	const candidates = entries
		.filter((e) => e.data.status === 'published' && !isMissing(e.raw, 'summary') && !isMissing(e.raw, 'lessons'))
		.filter((e) => unreviewedDraftFields(e).length === 0)
		.filter((e) => draftFindings({ summary: e.data.summary!, lessons: e.data.lessons! }, ['summary', 'lessons'], blameWords, e.data).length === 0)
		.sort((a, b) => b.data.startedAt.getTime() - a.data.startedAt.getTime() || a.slug.localeCompare(b.slug));
	return candidates.slice(0, max).map((e) => ({
		slug: e.slug,
		facts: exampleFacts(e.raw),
		summary: e.data.summary!,
		lessons: e.data.lessons!,
	}));
}

// The fields a reader needs to see how the summary follows from the facts; timestamps,
// action items and reviews add length without showing style.
const FACT_KEYS = ['title', 'severity', 'services', 'impact', 'contributingFactors'] as const;

function exampleFacts(raw: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of FACT_KEYS) if (raw[key] !== undefined) out[key] = raw[key];
	return out;
}
