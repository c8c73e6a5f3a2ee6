import { z } from 'zod';
import { nonEmptyText, requiredOr, timestamp } from './primitives.ts';

/** The fields the drafting step may write. */
export const DRAFTABLE_FIELDS = ['summary', 'lessons'] as const;

/** Written by the drafting step; people only ever change `reviewed`. */
export const draftedSchema = z.object({
	/** The model that wrote the draft. */
	model: nonEmptyText,
	/** When the draft was written. */
	at: timestamp,
	/** Which fields the model wrote. */
	fields: z.array(z.enum(DRAFTABLE_FIELDS)),
	/** Set to true once a person has read and edited the drafted fields. */
	reviewed: z.boolean({ error: requiredOr('must be true or false') }).default(false),
});

export type DraftableField = (typeof DRAFTABLE_FIELDS)[number];
export type DraftedInput = z.input<typeof draftedSchema>;
export type Drafted = z.output<typeof draftedSchema>;
