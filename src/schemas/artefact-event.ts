import { z } from 'zod';

/**
 * The normalised artefact event (../shared/incident-artefacts.md): what every
 * reader turns its export into, and what `npm run timeline -- --json` prints.
 */

/** The sources of the contract, in the order the docs list them. */
export const ARTEFACT_SOURCES = ['slack', 'pagerduty', 'deploys', 'alerts', 'annotations', 'tickets', 'notes'] as const;

/**
 * What an event says about the incident, where the source tells it plainly. Not
 * printed in the JSON (the contract has no such field); `new --from` and the
 * first-draft pipeline use it to find the first page, the resolve entries, deploys.
 */
export const ARTEFACT_EVENT_KINDS = [
	'message',
	'page',
	'acknowledge',
	'escalate',
	'notify',
	'resolve',
	'note',
	'alert-firing',
	'alert-resolved',
	'deploy',
	'annotation',
	'ticket',
] as const;

/** `2026-07-22T02:14:00Z`: UTC, to the second. */
const UTC_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export const artefactEventSchema = z.object({
	/** When it happened: UTC, ISO 8601, to the second. */
	at: z.string().regex(UTC_SECOND, { error: 'must be a UTC time such as 2026-07-22T02:14:00Z' }),
	source: z.enum(ARTEFACT_SOURCES),
	/** `<file relative to the artefact folder>#<the event's own id>`; unique in the folder, stable across runs. */
	ref: z.string().min(3),
	/** A person or system name as the source gives it, or null. */
	actor: z.string().nullable(),
	/** One line, secrets redacted. */
	text: z.string(),
	/** The refs of the same event seen in other files within a minute (de-duplicated away). */
	alsoIn: z.array(z.string()).optional(),
	/** A threaded chat reply: the ref of the message it answers. */
	parent: z.string().optional(),
	/** What the event says, where the source tells it plainly (not printed in the JSON). */
	kind: z.enum(ARTEFACT_EVENT_KINDS).optional(),
	/** Service slugs the source names (alert labels, deployments); not printed in the JSON. */
	services: z.array(z.string()).optional(),
});

/** What `npm run timeline -- --json` prints. */
export const timelineJsonSchema = z.object({
	schemaVersion: z.literal(1),
	events: z.array(artefactEventSchema.omit({ kind: true, services: true }).strict()),
});

export type ArtefactSource = (typeof ARTEFACT_SOURCES)[number];
export type ArtefactEventKind = (typeof ARTEFACT_EVENT_KINDS)[number];
export type ArtefactEvent = z.infer<typeof artefactEventSchema>;
export type TimelineJson = z.infer<typeof timelineJsonSchema>;
