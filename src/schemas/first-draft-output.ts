import { z } from 'zod';
import { ACTION_KINDS, PRIORITIES } from './action-item.ts';
import { FACTOR_KINDS } from './contributing-factor.ts';

/**
 * What the model must answer for a first draft from an incident's artefacts. It
 * proposes; code decides what policy decides: action-item ids, due dates, owners
 * and the incident's timestamps are not asked for (the model names the events that
 * mark start, detection, mitigation and resolution, and code takes their times).
 * Every optional value is `null` rather than absent, so the JSON schema the API
 * constrains the answer to has every property required.
 */

const refs = (what: string) =>
	z.array(z.string().trim().min(1)).min(1).describe(`The refs (exactly as given, "file#id") of the events that show ${what}; at least one.`);

const text = (description: string) => z.string().trim().min(1).describe(description);

const momentRef = (what: string) => z.string().trim().min(1).nullable().describe(`The ref of the event that marks ${what}, or null when no event shows it.`);

export const firstDraftOutputSchema = z.object({
	title: text('What happened, in a line of 3 to 120 characters: the symptom users saw and the mechanism, no blame.'),
	summary: text(
		'Three to six sentences of plain prose: what happened, who was affected and how, how it was detected and mitigated, the main contributing factors, and what is still uncertain.',
	),
	impact: z
		.object({
			summary: text('What users experienced and for how long, in a sentence or two.'),
			usersAffected: z.number().int().min(0).nullable().describe('How many users were affected, only when that number appears in the events; otherwise null.'),
			customerFacing: z.boolean().nullable().describe('Whether customers (not only colleagues) saw the impact; null when the events do not show it.'),
			dataLoss: z.boolean().nullable().describe('Whether any data was lost; null when the events do not show it.'),
		})
		.describe('The impact on users.'),
	services: z
		.array(
			z
				.string()
				.trim()
				.regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/),
		)
		.min(1)
		.describe('The services involved, as lower-case slugs as the events name them (alert labels, deployments), e.g. customer-api.'),
	moments: z
		.object({
			startedAt: z.string().trim().min(1).describe('The ref of the earliest event that shows impact had begun.'),
			detectedAt: momentRef('detection (the first page, alert or report)'),
			mitigatedAt: momentRef('the moment users stopped being affected'),
			resolvedAt: momentRef('the incident being resolved'),
		})
		.describe('Which events mark the incident timestamps; code reads the times from them.'),
	timeline: z
		.array(
			z.object({
				at: text('The time of the cited event, ISO 8601 UTC, exactly as the event gives it.'),
				event: text('What happened, one sentence, the system or the team as the subject; naming who did what is fine, judging it is not.'),
				refs: refs('this moment'),
			}),
		)
		.min(1)
		.describe('The condensed timeline in chronological order: the moments a reader needs, including wrong turns, not every message.'),
	contributingFactors: z
		.array(
			z.object({
				kind: z
					.enum(FACTOR_KINDS)
					.describe('technical, process or operational (staffing, onboarding, on-call support count as operational or process factors).'),
				description: text('The condition, described as a property of the system or the organisation, never a person\u2019s failing.'),
				refs: refs('this factor'),
			}),
		)
		.min(1)
		.describe('The conditions that lined up; rarely a single root cause.'),
	lessons: z
		.array(text('One sentence: something the organisation learned about its systems or practices.'))
		.min(1)
		.describe('Two to five lessons, specific to this incident.'),
	actionItems: z
		.array(
			z.object({
				title: text('What will be done, as a task.'),
				kind: z.enum(ACTION_KINDS).describe('detect, mitigate, prevent, process, or remediation (a follow-up with the users already affected).'),
				priority: z.enum(PRIORITIES).describe('P0 (most urgent) to P3.'),
				rationale: text('Why this item, tied to a contributing factor or the impact.'),
				service: z.string().trim().min(1).nullable().describe('The service this item concerns (one of services), or null.'),
				suggestedOwner: z
					.string()
					.trim()
					.min(1)
					.nullable()
					.describe('A likely owner as a handle or name that appears in the events, for people to confirm; null when unclear.'),
			}),
		)
		.min(1)
		.describe('Follow-ups, one per concrete change.'),
});

export type FirstDraftOutputInput = z.input<typeof firstDraftOutputSchema>;
export type FirstDraftOutput = z.output<typeof firstDraftOutputSchema>;
