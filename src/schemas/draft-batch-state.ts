import { z } from 'zod';
import { DRAFTABLE_FIELDS } from './drafted.ts';

/** One postmortem inside a submitted batch. */
export const draftBatchRequestSchema = z.object({
	/** The batch request's id (`custom_id`), unique within the batch. */
	customId: z.string().min(1),
	/** The postmortem it drafts. */
	slug: z.string().min(1),
	/** The fields it was asked to draft. */
	fields: z.array(z.enum(DRAFTABLE_FIELDS)).min(1),
});

/** `.draft-batch.json`: the Message Batches job a `--batch` run submitted and has not collected yet. */
export const draftBatchStateSchema = z.object({
	/** Format version of this file. */
	version: z.literal(1),
	/** The Message Batches id, `msgbatch_…`. */
	batchId: z.string().min(1),
	/** The model the batch asked. */
	model: z.string().min(1),
	/** When it was submitted (ISO timestamp). */
	submittedAt: z.string(),
	/** Whether it was submitted with `--force`. */
	force: z.boolean().default(false),
	/** The postmortems in the batch. */
	requests: z.array(draftBatchRequestSchema),
});

export type DraftBatchRequest = z.output<typeof draftBatchRequestSchema>;
export type DraftBatchStateInput = z.input<typeof draftBatchStateSchema>;
export type DraftBatchState = z.output<typeof draftBatchStateSchema>;
