import { z } from 'zod';

/** Where a postmortem is in its life; only `published` appears on the published site. */
export const POSTMORTEM_STATUSES = ['draft', 'review', 'published'] as const;

/** A postmortem's status; defaults to `draft`. */
export const postmortemStatusSchema = z.enum(POSTMORTEM_STATUSES).default('draft');

export type PostmortemStatus = z.output<typeof postmortemStatusSchema>;
