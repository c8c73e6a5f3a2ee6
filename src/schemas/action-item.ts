import { z } from 'zod';
import { calendarDate, httpUrl, nonEmptyText, requiredOr } from './primitives.ts';

/** Action item priorities, most urgent first. */
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
/** Action item statuses; `done` and `wont-do` are closed. */
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
/** Action item kinds; `remediation` is a follow-up with the users already affected. */
export const ACTION_KINDS = ['detect', 'mitigate', 'prevent', 'process', 'remediation'] as const;

/** A follow-up that came out of the postmortem. */
export const actionItemSchema = z
	.object({
		/** Unique across the whole archive, e.g. `ENG-501`. */
		id: nonEmptyText,
		/** What will be done. */
		title: nonEmptyText,
		/** The person or team handle accountable for it; required. */
		owner: z
			.string({ error: (issue) => (issue.input === undefined ? 'is required: every action item needs an owner (a person or team handle)' : 'must be a person or team handle') })
			.trim()
			.min(1, { error: 'must not be empty: every action item needs an owner (a person or team handle)' }),
		/** `P0` (most urgent) to `P3`. */
		priority: z.enum(PRIORITIES),
		/** When it should be done, YYYY-MM-DD. */
		due: calendarDate,
		/** `open` (default), `in-progress`, `done` or `wont-do`. */
		status: z.enum(ACTION_STATUSES).default('open'),
		/** When it was closed, YYYY-MM-DD; required once `done` or `wont-do`. */
		completedOn: calendarDate.optional(),
		/** Link to the ticket tracking it. */
		ticket: httpUrl.optional(),
		/** Why this item is worth doing. */
		rationale: z.string({ error: requiredOr('must be text') }).optional(),
		/** `detect`, `mitigate`, `prevent`, `process` or `remediation` (a follow-up with the users already affected). */
		kind: z.enum(ACTION_KINDS).optional(),
	})
	.superRefine((item, ctx) => {
		if ((item.status === 'done' || item.status === 'wont-do') && !item.completedOn) {
			ctx.addIssue({
				code: 'custom',
				path: ['completedOn'],
				message: `is required when status is ${item.status}; add the date it was closed (YYYY-MM-DD)`,
			});
		}
	});

export type Priority = (typeof PRIORITIES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ActionKind = (typeof ACTION_KINDS)[number];
export type ActionItemInput = z.input<typeof actionItemSchema>;
export type ActionItem = z.output<typeof actionItemSchema>;
