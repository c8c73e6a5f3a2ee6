import { z } from 'zod';
import { TONE_KINDS } from '../lib/tone/kinds.ts';

/**
 * The model reviewer's answer: one entry per sentence that does not read as
 * blameless, by the number the sentence was given in the request. The structured
 * output format constrains the answer to this shape; the SDK parses it back through it.
 */
export const toneReviewSchema = z.object({
	findings: z.array(
		z.object({
			/** The sentence's number in the request. */
			index: z.number().int(),
			/** The sentence, quoted. */
			sentence: z.string(),
			kind: z.enum(TONE_KINDS),
			/** Who it is about, as written; empty when nobody is named. */
			person: z.string(),
			/** The sentence rewritten blamelessly, facts kept. */
			rewrite: z.string(),
		}),
	),
});

export type ToneReview = z.output<typeof toneReviewSchema>;

/** A sentence from the team's own config that calibrates the reviewer (`tone.examples`). */
export const toneExampleSchema = z.object({
	sentence: z.string().trim().min(1, { error: 'must be the example sentence' }),
	/** `blame`: the team counts it as a finding; `blameless`: it must pass. */
	verdict: z.enum(['blame', 'blameless'], { error: 'must be blame or blameless' }),
	kind: z.enum(TONE_KINDS).optional(),
	/** How the team would write it instead (for `blame`). */
	rewrite: z.string().optional(),
	/** Why, in a few words. */
	note: z.string().optional(),
});

export type ToneExample = z.output<typeof toneExampleSchema>;
