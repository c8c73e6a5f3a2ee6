import { z } from 'zod';
import { calendarDate, nonEmptyText } from './primitives.ts';

/** The roles that can sign off a postmortem. */
export const REVIEW_ROLES = ['responder', 'lead', 'manager', 'director'] as const;

/** A sign-off by one person in one role. */
export const reviewSchema = z.object({
	/** `responder`, `lead`, `manager` or `director`. */
	role: z.enum(REVIEW_ROLES),
	/** Who reviewed it: a person or team handle. */
	by: nonEmptyText,
	/** The date of the review, YYYY-MM-DD. */
	on: calendarDate,
});

export type ReviewRole = (typeof REVIEW_ROLES)[number];
export type ReviewInput = z.input<typeof reviewSchema>;
export type Review = z.output<typeof reviewSchema>;
