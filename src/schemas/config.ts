import { z } from 'zod';
import { REVIEW_ROLES } from './review.ts';
import { toneExampleSchema } from './tone-review.ts';

const days = z.number({ error: 'must be a number of days' }).int().positive({ error: 'must be a positive number of days' });
const roles = z.array(z.enum(REVIEW_ROLES));
const labels = z.array(z.string().trim().min(1, { error: 'a label must not be empty' }));

/** Where action items are filed as tickets (`npm run tickets`); PM_TRACKER overrides it. */
export const trackerSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({
			kind: z.literal('github'),
			/** The repository issues are filed in, `owner/name`. */
			repo: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { error: 'must be owner/name, e.g. acme/reliability' }),
			/** Labels every ticket gets, besides severity and priority labels. */
			labels: labels.default(['postmortem']),
		}),
		z.object({
			kind: z.literal('jira'),
			/** The Jira project key, e.g. OPS. */
			project: z.string().regex(/^[A-Z][A-Z0-9_]+$/, { error: 'must be a Jira project key in capitals, e.g. OPS' }),
			/** The issue type to create. */
			issueType: z.string().min(1).default('Task'),
			/** Jira priority name per action-item priority; an empty string leaves the priority to Jira's default. */
			priorities: z
				.object({ P0: z.string().default('Highest'), P1: z.string().default('High'), P2: z.string().default('Medium'), P3: z.string().default('Low') })
				.prefault({}),
			/** Labels every ticket gets, besides severity and priority labels. */
			labels: labels.default(['postmortem']),
		}),
	],
	{ error: "must be { kind: 'github', repo: 'owner/name' } or { kind: 'jira', project: 'KEY' }" },
);

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
			/** For an archive hosted internally: every page says `noindex`, robots.txt disallows all and no sitemap is written. */
			noindex: z.boolean().default(false),
			/** The picture link previews show (Open Graph, Twitter cards), a path in public/; 1200×630 works everywhere. */
			image: z.string().min(1).default('og-image.png'),
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
	/** The blameless-language check. */
	tone: z
		.object({
			/**
			 * Sentences that calibrate the model reviewer, beside the archive's own reviewed postmortems:
			 * what this team counts as blame (with the rewrite it prefers) and what it counts as fine.
			 */
			examples: z.array(toneExampleSchema, { error: 'must be a list of {sentence, verdict} entries' }).default([]),
		})
		.prefault({}),
	/** The ticket tracker action items are filed in (`npm run tickets`); PM_TRACKER=github:owner/name or jira:KEY overrides it. */
	tracker: trackerSchema.optional(),
	/**
	 * Who owner handles are in the tools teams use: `'@sam': { github: 'sam-k', slack: 'U0123ABCD', jira: '<accountId>' }`.
	 * Tickets are assigned and chat digests mention people through it; unmapped owners are shown as written.
	 */
	people: z
		.record(
			z.string().min(1),
			z.object({
				/** GitHub login, assigned on GitHub issues. */
				github: z.string().regex(/^[A-Za-z0-9-]+$/, { error: 'must be a GitHub login (letters, digits, -)' }).optional(),
				/** Slack member id (U…/W…) or user-group id (S…), mentioned in digests. */
				slack: z.string().regex(/^[UWS][A-Z0-9]+$/, { error: 'must be a Slack member id (U…, W…) or user-group id (S…), not a name' }).optional(),
				/** Jira Cloud account id, assigned on Jira issues. */
				jira: z.string().min(1).optional(),
			}),
		)
		.default({}),
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
export type TrackerConfig = z.output<typeof trackerSchema>;

/** Identity helper that gives `postmortems.config.ts` type checking. */
export function defineArchiveConfig(config: ArchiveConfigInput): ArchiveConfigInput {
	return config;
}
