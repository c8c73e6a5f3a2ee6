import { z } from 'zod';
import { actionItemSchema } from './action-item.ts';
import { blamelessExceptionSchema } from './blameless-exception.ts';
import { contributingFactorSchema } from './contributing-factor.ts';
import { draftedSchema } from './drafted.ts';
import { impactSchema } from './impact.ts';
import { dayNumber, nonEmptyText, requiredOr, slug, timestamp, toIsoDate } from './primitives.ts';
import { reviewSchema } from './review.ts';
import { severitySchema } from './severity.ts';
import { postmortemStatusSchema } from './status.ts';
import { timelineEntrySchema } from './timeline-entry.ts';

/** The frontmatter fields, before the cross-field rules. */
export const postmortemFields = z.object({
	/** The incident's title, 3 to 200 characters. */
	title: z
		.string({ error: requiredOr('must be text') })
		.trim()
		.min(3, { error: 'must be at least 3 characters' })
		.max(200, { error: 'must be at most 200 characters' }),
	/** `SEV1` (most severe) to `SEV4`. */
	severity: severitySchema,
	/** `draft` (default), `review` or `published`; only published postmortems appear on the site. */
	status: postmortemStatusSchema,
	/** The incident's id in the team's incident tool, e.g. `INC-2291`. */
	incident: z.string({ error: requiredOr('must be text, e.g. INC-2291') }).optional(),
	/** When impact began; no zone means UTC. */
	startedAt: timestamp,
	/** When the incident was detected; not before `startedAt`. */
	detectedAt: timestamp.optional(),
	/** When impact was mitigated; not before `detectedAt` (or `startedAt`). */
	mitigatedAt: timestamp.optional(),
	/** When the incident was resolved; required once published. */
	resolvedAt: timestamp.optional(),
	/** The services involved, as lower-case slugs; at least one. */
	services: z.array(slug, { error: requiredOr('must be a list of service slugs') }).min(1, { error: 'must list at least one service' }),
	/** Free-form tags, as lower-case slugs. */
	tags: z.array(slug, { error: requiredOr('must be a list of tag slugs') }).default([]),
	/** People or team handles who wrote the postmortem; at least one. */
	authors: z.array(nonEmptyText, { error: requiredOr('must be a list of people or team handles') }).min(1, { error: 'must list at least one author' }),
	/** What users experienced. */
	impact: impactSchema,
	/** A short summary; drafted by the model when missing. */
	summary: nonEmptyText.optional(),
	/** What the organisation learned; drafted by the model when missing. */
	lessons: z.array(nonEmptyText, { error: requiredOr('must be a list of lessons') }).optional(),
	/** What happened when, in chronological order. */
	timeline: z.array(timelineEntrySchema, { error: requiredOr('must be a list of {at, event} entries') }).default([]),
	/** The conditions that contributed to the incident. */
	contributingFactors: z.array(contributingFactorSchema, { error: requiredOr('must be a list of {kind, description} entries') }).default([]),
	/** Follow-ups, each with an owner and a due date. */
	actionItems: z.array(actionItemSchema, { error: requiredOr('must be a list of action items') }).default([]),
	/** Sign-offs by role. */
	reviews: z.array(reviewSchema, { error: requiredOr('must be a list of {role, by, on} entries') }).default([]),
	/** Written by the drafting step. */
	drafted: draftedSchema.optional(),
	/** Sentences a reviewer judged not to blame anyone; the blame check lets them pass when published. */
	blamelessExceptions: z
		.array(blamelessExceptionSchema, { error: requiredOr('must be a list of {sentence, by, reason} entries') })
		.default([]),
});

/** What the cross-field rules read; every part optional, so they also run on what parsed of an invalid file. */
export interface CrossFieldInput {
	status?: string;
	startedAt?: Date;
	detectedAt?: Date;
	mitigatedAt?: Date;
	resolvedAt?: Date;
	/** Entries that did not parse are undefined (their neighbours are still compared). */
	timeline?: ReadonlyArray<{ at?: Date } | undefined>;
	actionItems?: ReadonlyArray<{ completedOn?: string } | undefined>;
}

/** The contract's cross-field rules: timestamps in order, resolvedAt once published, completedOn after the start. */
export function crossFieldIssues(pm: CrossFieldInput): Array<{ path: (string | number)[]; message: string }> {
	const out: Array<{ path: (string | number)[]; message: string }> = [];
	const issue = (path: (string | number)[], message: string) => out.push({ path, message });
	const fmt = (d: Date) => d.toISOString().replace('.000Z', 'Z');

	if (pm.status === 'published' && !pm.resolvedAt) {
		issue(['resolvedAt'], 'is required when status is published; add when the incident was resolved');
	}
	if (pm.startedAt && pm.detectedAt && pm.detectedAt < pm.startedAt) {
		issue(['detectedAt'], `(${fmt(pm.detectedAt)}) must not be before startedAt (${fmt(pm.startedAt)})`);
	}
	const mitigationFloor = pm.detectedAt ?? pm.startedAt;
	if (pm.mitigatedAt && mitigationFloor && pm.mitigatedAt < mitigationFloor) {
		const name = pm.detectedAt ? 'detectedAt' : 'startedAt';
		issue(['mitigatedAt'], `(${fmt(pm.mitigatedAt)}) must not be before ${name} (${fmt(mitigationFloor)})`);
	}
	if (pm.resolvedAt) {
		for (const name of ['mitigatedAt', 'detectedAt', 'startedAt'] as const) {
			const other = pm[name];
			if (other && pm.resolvedAt < other) {
				issue(['resolvedAt'], `(${fmt(pm.resolvedAt)}) must not be before ${name} (${fmt(other)})`);
				break;
			}
		}
	}
	const timeline = pm.timeline ?? [];
	timeline.forEach((entry, i) => {
		const previous = timeline[i - 1];
		if (entry?.at && previous?.at && entry.at < previous.at) {
			issue(['timeline', i, 'at'], `(${fmt(entry.at)}) is earlier than the entry before it (${fmt(previous.at)}); keep the timeline in chronological order`);
		}
	});
	if (pm.startedAt) {
		const startDate = toIsoDate(pm.startedAt);
		const startDay = dayNumber(pm.startedAt);
		(pm.actionItems ?? []).forEach((item, i) => {
			if (item?.completedOn && dayNumber(item.completedOn) < startDay) {
				issue(['actionItems', i, 'completedOn'], `(${item.completedOn}) must not be before the incident started (${startDate})`);
			}
		});
	}
	return out;
}

/** The whole frontmatter of a postmortem, with the contract's cross-field rules. */
export const postmortemSchema = postmortemFields.superRefine((pm, ctx) => {
	for (const { path, message } of crossFieldIssues(pm)) ctx.addIssue({ code: 'custom', path, message });
});

export type PostmortemInput = z.input<typeof postmortemSchema>;
export type Postmortem = z.output<typeof postmortemSchema>;
