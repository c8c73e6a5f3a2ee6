import { z } from 'zod';
import { nonEmptyText, requiredOr, timestamp } from './primitives.ts';

/** The fields drafting fills in on an existing postmortem. */
export const DRAFTABLE_FIELDS = ['summary', 'lessons'] as const;

/** Every top-level field a model may have drafted (a first draft from artefacts writes most of them). */
export const DRAFTED_FIELD_NAMES = [
	'title',
	'summary',
	'lessons',
	'impact',
	'timeline',
	'contributingFactors',
	'actionItems',
	'services',
	'startedAt',
	'detectedAt',
	'mitigatedAt',
	'resolvedAt',
] as const;

/** Written by the drafting step; people only ever change `reviewed`. */
export const draftedSchema = z.object({
	/** The model that wrote the draft. */
	model: nonEmptyText,
	/** When the draft was written. */
	at: timestamp,
	/** Which fields the model wrote. */
	fields: z.array(z.enum(DRAFTED_FIELD_NAMES)),
	/** Set to true once a person has read and edited the drafted fields. */
	reviewed: z.boolean({ error: requiredOr('must be true or false') }).default(false),
	/** The artefact files (relative to the artefact folder) a first draft was made from. */
	sources: z.array(nonEmptyText).optional(),
});

export type DraftableField = (typeof DRAFTABLE_FIELDS)[number];
export type DraftedFieldName = (typeof DRAFTED_FIELD_NAMES)[number];
export type DraftedInput = z.input<typeof draftedSchema>;
export type Drafted = z.output<typeof draftedSchema>;
