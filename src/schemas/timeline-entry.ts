import { z } from 'zod';
import { nonEmptyText, timestamp } from './primitives.ts';

/** One moment of the incident's timeline. */
export const timelineEntrySchema = z.object({
	/** When it happened; no zone means UTC. */
	at: timestamp,
	/** What happened, in the passive or system voice. */
	event: nonEmptyText,
});

export type TimelineEntryInput = z.input<typeof timelineEntrySchema>;
export type TimelineEntry = z.output<typeof timelineEntrySchema>;
