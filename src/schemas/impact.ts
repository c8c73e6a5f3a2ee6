import { z } from 'zod';
import { nonEmptyText, requiredOr } from './primitives.ts';

/** What the incident did to users. */
export const impactSchema = z.object({
	/** What users experienced, in a sentence or two. */
	summary: nonEmptyText,
	/** How many users were affected, if known. */
	usersAffected: z.number({ error: requiredOr('must be a whole number') }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).optional(),
	/** Whether customers (not only internal users) saw the impact. */
	customerFacing: z.boolean({ error: requiredOr('must be true or false') }).optional(),
	/** Whether any data was lost. */
	dataLoss: z.boolean({ error: requiredOr('must be true or false') }).optional(),
});

export type ImpactInput = z.input<typeof impactSchema>;
export type Impact = z.output<typeof impactSchema>;
