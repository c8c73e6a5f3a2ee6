import { describe, expect, it } from 'vitest';
import { isUnreviewedDraft } from '../../../src/lib/validation/unreviewed-draft.ts';

const drafted = (fields: Array<'summary' | 'lessons'>, reviewed: boolean) => ({ drafted: { model: 'm', at: new Date(0), fields, reviewed } });

describe('isUnreviewedDraft', () => {
	it('is true only for fields the model wrote while nobody has reviewed the draft', () => {
		expect(isUnreviewedDraft(drafted(['summary'], false), 'summary')).toBe(true);
		expect(isUnreviewedDraft(drafted(['summary'], false), 'lessons')).toBe(false);
		expect(isUnreviewedDraft(drafted(['summary', 'lessons'], true), 'summary')).toBe(false);
		expect(isUnreviewedDraft({ drafted: undefined }, 'summary')).toBe(false);
	});
});
