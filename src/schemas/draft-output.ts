import { z } from 'zod';

/**
 * What the model must answer: the two draftable fields, always both, so the
 * output schema (and with it the cached request prefix) is the same for every
 * postmortem; the writer keeps only the fields that were missing.
 */
export const draftOutputSchema = z.object({
	/** Two to four sentences of plain prose: what happened, the impact, how it was handled, the contributing factors. */
	summary: z
		.string()
		.trim()
		.min(1)
		.describe('Two to four sentences of plain prose, at most about 90 words: what happened, who was affected and how, how it was detected and mitigated, and the main contributing factors.'),
	/** Two to five lessons, one sentence each. */
	lessons: z
		.array(z.string().trim().min(1).describe('One sentence: something the organisation learned about its systems or practices.'))
		.min(1)
		.describe('Two to five lessons, one sentence each, specific to this incident.'),
});

export type DraftOutputInput = z.input<typeof draftOutputSchema>;
export type DraftOutput = z.output<typeof draftOutputSchema>;
