import { z } from 'zod';
import { nonEmptyText, timestamp } from './primitives.ts';

/** One moment of the incident's timeline. */
export const timelineEntrySchema = z.object({
	/** When it happened; no zone means UTC. */
	at: timestamp,
	/** What happened, in the passive or system voice. */
	event: nonEmptyText,
	/** The artefact events this entry stands on (`file#id` refs, see incident-artefacts.md). */
	refs: z.array(nonEmptyText, { error: 'must be a list of artefact refs such as "pagerduty.json#Q1XYZ"' }).optional(),
});

export type TimelineEntryInput = z.input<typeof timelineEntrySchema>;
export type TimelineEntry = z.output<typeof timelineEntrySchema>;
