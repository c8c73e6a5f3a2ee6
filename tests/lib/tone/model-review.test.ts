import { describe, expect, it } from 'vitest';
import { findingsFromReview, numberSentences, toneReviewParams, toneSystemBlocks } from '../../../src/lib/tone/model-review.ts';
import { planReview, recordReview, reviewScope } from '../../../src/lib/tone/review-cache.ts';

const calibration = {
	styleExamples: [{ slug: 'dns-expiry', facts: {}, summary: 'The status page record expired.', lessons: ['Expiry dates need an owner.'] }],
	sentences: [{ sentence: 'The on-call engineer missed the page.', verdict: 'blame' as const, kind: 'role-as-person' as const, rewrite: 'The page went to a silenced phone.' }],
};
const texts = [
	{ field: 'summary', text: 'The deploy went out late. Checkout failed.' },
	{ field: 'lessons[0]', text: 'Freezes need tooling.' },
];

describe('the model tone reviewer', () => {
	it('numbers the sentences of every field and sends them inside data tags after the cached calibration', () => {
		const sentences = numberSentences(texts);
		expect(sentences.map((s) => `${s.index} ${s.field}`)).toEqual(['1 summary', '2 summary', '3 lessons[0]']);
		const params = toneReviewParams('claude-sonnet-5-5', calibration, sentences);
		expect(params.messages[0]!.content).toContain('<text_under_review>\n1. The deploy went out late.\n2. Checkout failed.\n3. Freezes need tooling.\n</text_under_review>');
		const system = toneSystemBlocks(calibration);
		expect(system).toHaveLength(2);
		expect(system[1]!.text).toContain('<blameless_example source="dns-expiry">');
		expect(system[1]!.text).toContain('"The on-call engineer missed the page." → blame (kind: role-as-person; they would write: "The page went to a silenced phone.")');
		expect(system[1]!.cache_control).toEqual({ type: 'ephemeral' });
		expect(params.output_config.format.type).toBe('json_schema');
	});

	it('maps findings back to their field and sentence, and calls an answer about a sentence never sent malformed', () => {
		const sentences = numberSentences(texts);
		const found = findingsFromReview({ findings: [{ index: 2, kind: 'human-error', person: '', rewrite: 'Checkout failed when the pool ran dry.' }] }, sentences);
		expect(found).toEqual([{ field: 'summary', sentence: 'Checkout failed.', kind: 'human-error', phrase: 'the tone reviewer', hint: 'Perhaps: "Checkout failed when the pool ran dry."' }]);
		expect(findingsFromReview({ findings: [{ index: 9, kind: 'blame', person: 'x', rewrite: '' }] }, sentences)).toBe('the answer names sentence 9, but only 3 were sent');
	});

	it('caches verdicts by sentence, model and calibration', () => {
		const scope = reviewScope('claude-sonnet-5-5', calibration);
		const cache = {};
		const first = planReview(texts, cache, scope);
		expect(first.toSend).toHaveLength(3);
		recordReview(cache, first.toSend, [{ field: 'summary', sentence: 'Checkout failed.', kind: 'human-error', phrase: 'the tone reviewer', hint: 'h' }], scope);
		const again = planReview(texts, cache, scope);
		expect(again.toSend).toEqual([]);
		expect(again.cached.map((f) => f.sentence)).toEqual(['Checkout failed.']);
		expect(planReview(texts, cache, reviewScope('claude-opus-5-5', calibration)).toSend).toHaveLength(3);
	});
});
