import { describe, expect, it } from 'vitest';
import { TONE_KINDS } from '../../../src/lib/tone/blame.ts';
import { readLabelledSet, scoreSet } from './labelled-set.ts';

/**
 * The tone check against labelled summary and lesson sentences written for it:
 * the tuning set, and a part held back (written before the check, never tuned against).
 * The floors are the targets; the measured figures are in docs/tone.md.
 */

const tuning = readLabelledSet('tone-sentences.json');
const heldOut = readLabelledSet('held-out-sentences.json');

describe('the labelled sentence sets', () => {
	it.each([
		['tuning', tuning],
		['held-out', heldOut],
	])('%s: balanced, every kind and every counter-case from the issue', (_, set) => {
		const blaming = set.filter((s) => s.blame).length;
		expect(blaming / set.length).toBeGreaterThan(0.4);
		expect(blaming / set.length).toBeLessThan(0.6);
		const kinds = new Set(set.map((s) => s.kind));
		for (const kind of [...TONE_KINDS, 'timeline', 'owner', 'credit', 'quote', 'negation', 'system', 'team', 'prefix', 'failed-attempt']) expect(kinds).toContain(kind);
	});

	it('has no sentence twice', () => {
		const texts = [...tuning, ...heldOut].map((s) => s.text);
		expect(new Set(texts).size).toBe(texts.length);
	});
});

describe('precision and recall on blaming sentences', () => {
	it('tuning set: at least 0.9 each', () => {
		const score = scoreSet(tuning);
		expect(score.falsePositives).toEqual([]);
		expect(score.precision).toBeGreaterThanOrEqual(0.9);
		expect(score.recall).toBeGreaterThanOrEqual(0.9);
		expect(score.kindAccuracy).toBeGreaterThanOrEqual(0.9);
	});

	it('held-out set: at least 0.9 each', () => {
		const score = scoreSet(heldOut);
		expect(score.precision).toBeGreaterThanOrEqual(0.9);
		expect(score.recall).toBeGreaterThanOrEqual(0.9);
	});
});
