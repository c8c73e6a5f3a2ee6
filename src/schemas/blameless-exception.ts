import { z } from 'zod';
import { nonEmptyText, requiredOr } from './primitives.ts';

/** A sentence a reviewer has read and judged not to blame anyone, so the blame check lets it pass when published. */
export const blamelessExceptionSchema = z.object({
	/** The sentence, exactly as it stands in the postmortem. */
	sentence: nonEmptyText,
	/** Who judged it: a person or team handle. */
	by: nonEmptyText,
	/** Why it does not blame anyone. */
	reason: z.string({ error: requiredOr('must say why the sentence does not blame anyone') }).trim().min(1, { error: 'must say why the sentence does not blame anyone' }),
});

export type BlamelessExceptionInput = z.input<typeof blamelessExceptionSchema>;
export type BlamelessException = z.output<typeof blamelessExceptionSchema>;
