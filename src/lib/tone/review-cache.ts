import { createHash } from 'node:crypto';
import type { ToneKind } from './kinds.ts';
import { REVIEWER_PHRASE, type FieldFinding, type ToneText } from './fields.ts';
import type { NumberedSentence, ToneCalibration } from './model-review.ts';
import { splitSentences } from './sentences.ts';

/**
 * The model reviewer's verdicts cached by sentence hash, so rerunning `npm run tone`
 * on text nobody changed costs nothing. The hash covers the model and the calibration
 * too: a new model or new example sentences mean a fresh review.
 */

/** A cached verdict: the finding, or `null` for a sentence the reviewer found blameless. */
export type CachedVerdict = { kind: ToneKind; who?: string; hint: string } | null;

/** The cache file's content: verdicts by hash. */
export type ReviewCache = Record<string, CachedVerdict>;

/** What a verdict depends on besides the sentence: the model and its calibration. */
export function reviewScope(model: string, calibration: ToneCalibration): string {
	return createHash('sha256').update(JSON.stringify({ model, calibration })).digest('hex').slice(0, 16);
}

export function sentenceHash(sentence: string, scope: string): string {
	return createHash('sha256').update(`${scope}\n${sentence.trim()}`).digest('hex').slice(0, 32);
}

/** Splits the texts' sentences into verdicts already cached and sentences still to send (numbered for the request). */
export function planReview(texts: ReadonlyArray<ToneText>, cache: ReviewCache, scope: string): { cached: FieldFinding[]; toSend: NumberedSentence[] } {
	const cached: FieldFinding[] = [];
	const toSend: NumberedSentence[] = [];
	for (const { field, text } of texts) {
		for (const sentence of splitSentences(text)) {
			const hash = sentenceHash(sentence, scope);
			if (!(hash in cache)) {
				toSend.push({ index: toSend.length + 1, field, sentence });
				continue;
			}
			const verdict = cache[hash];
			if (verdict) cached.push({ field, sentence, kind: verdict.kind, ...(verdict.who ? { who: verdict.who } : {}), phrase: REVIEWER_PHRASE, hint: verdict.hint });
		}
	}
	return { cached, toSend };
}

/** Records the verdict on every sentence sent: its finding, or `null` when it had none. */
export function recordReview(cache: ReviewCache, sent: ReadonlyArray<NumberedSentence>, findings: ReadonlyArray<FieldFinding>, scope: string): void {
	for (const s of sent) {
		const f = findings.find((x) => x.sentence === s.sentence && x.field === s.field);
		cache[sentenceHash(s.sentence, scope)] = f ? { kind: f.kind, ...(f.who ? { who: f.who } : {}), hint: f.hint } : null;
	}
}
