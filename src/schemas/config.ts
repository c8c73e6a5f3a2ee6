import { z } from 'zod';
import { REVIEW_ROLES } from './review.ts';

const days = z.number({ error: 'must be a number of days' }).int().positive({ error: 'must be a positive number of days' });
const roles = z.array(z.enum(REVIEW_ROLES));

/** The project's configuration, from `postmortems.config.ts`; every field has a default. */
export const archiveConfigSchema = z.object({
	/** The site's name and description, shown in the header and feeds. */
	site: z
		.object({
			/** Shown in the header and page titles. */
			title: z.string().min(1).default('Postmortem archive'),
			/** One line under the title and in feeds. */
			description: z.string().default('What went wrong, what we learned, and what we are doing about it.'),
			/** Absolute URL the site is served from (for feeds, calendars and OpenSearch), e.g. https://postmortems.example.com */
			url: z.url({ protocol: /^https?$/ }).default('http://localhost:4321'),
			/** Sub-path the site is hosted under, e.g. /postmortems; `/` for the root. */
			base: z.string().default('/'),
		})
		.prefault({}),
	/** IANA time zone in which "today" is decided for due dates. */
	timeZone: z.string().default('UTC'),
	/** Link pattern for action items without a `ticket`; `{id}` is replaced by the item id. */
	ticketUrlPattern: z.string().includes('{id}', { error: 'must contain {id}' }).optional(),
	/** Review and follow-up policies. */
	policy: z
		.object({
			/** Review roles every published postmortem needs: the responder (the timeline's accuracy), the lead (tone and framing), the manager (clarity for stakeholders). */
			requiredReviews: roles.default(['responder', 'lead', 'manager']),
			/** Extra review roles a published SEV1 needs. */
			sev1ExtraReviews: roles.default(['director']),
			/** Days after the incident within which P0/P1 items should be due, per severity. */
			urgentDueWindowDays: z
				.object({ SEV1: days.default(15), SEV2: days.default(30), SEV3: days.default(56), SEV4: days.default(56) })
				.prefault({}),
			/** Days after the incident within which P2/P3 items should be due. */
			otherDueWindowDays: days.default(90),
			/** Whether a published customer-facing incident should have a P0 or P1 item. */
			customerFacingNeedsUrgentItem: z.boolean().default(true),
			/** Words that, next to a person, make a sentence read as blame. */
			blameWords: z
				.array(z.string())
				.default(['caused', 'forgot', 'failed to', 'mistake', 'fault', 'careless', 'should have', 'blame', 'negligent', 'screwed up', 'messed up']),
		})
		.prefault({}),
	/** Who owns follow-ups for a service: service slug → person or team handle; a first draft's action items take their owner from here first. */
	owners: z.record(z.string(), z.string().trim().min(1, { error: 'must be a person or team handle' })).default({}),
	/** Model drafting settings. */
	drafting: z
		.object({
			/** The Claude model that drafts summaries and lessons (env PM_DRAFT_MODEL or --model override it). */
			model: z.string().default('claude-sonnet-5-5'),
		})
		.prefault({}),
});

export type ArchiveConfigInput = z.input<typeof archiveConfigSchema>;
export type ArchiveConfig = z.output<typeof archiveConfigSchema>;

/** Identity helper that gives `postmortems.config.ts` type checking. */
export function defineArchiveConfig(config: ArchiveConfigInput): ArchiveConfigInput {
	return config;
}
