import { stringify } from 'yaml';
import type { ArchiveConfig } from '../../schemas/config.ts';
import type { IncidentFacts, DerivedTime } from '../artefacts/incident-facts.ts';
import type { TimelineEntryDraft } from '../artefacts/timeline-entries.ts';
import { postmortemFields } from '../../schemas/postmortem.ts';
import { slugify } from '../routing/slug.ts';
import type { Severity } from '../../schemas/severity.ts';
import { calendarDateIn } from '../format/dates.ts';
import { PLACEHOLDERS } from '../validation/placeholders.ts';
import { dueWindowDays, latestAllowedDue, requiredReviewRoles } from '../validation/policies.ts';

/**
 * The template behind `npm run new`: a draft postmortem with every field of the
 * format present, either filled with a placeholder that passes the schema or
 * commented out with a line of guidance. Pure: the clock and config are passed in.
 */

export interface ScaffoldOptions {
	title: string;
	severity: Severity;
	/** The moment the file is created; the date names the file, the time seeds `startedAt`. */
	now: Date;
	/** IANA zone in which the file's date is taken (the config's `timeZone`). */
	timeZone: string;
	policy: ArchiveConfig['policy'];
	/** `new --from DIR`: what the incident's artefacts settle, and their timeline. */
	fromArtefacts?: ArtefactScaffold;
}

/** What `npm run new -- --from DIR` adds to the scaffold. */
export interface ArtefactScaffold {
	/** The artefact folder as the user gave it, for the comments. */
	folder: string;
	facts: IncidentFacts;
	/** The merged timeline as entries with their refs. */
	timeline: TimelineEntryDraft[];
}

export interface Scaffold {
	/** `<YYYY-MM-DD>-<slug-of-title>`. */
	slug: string;
	/** `<slug>.md`. */
	fileName: string;
	/** The whole file. */
	text: string;
}

/** Longest slug part taken from a title; long titles make unwieldy URLs. */
const MAX_TITLE_SLUG = 60;

/** The slug of a postmortem file: the creation date, then the title as a slug. */
export function postmortemSlug(title: string, date: string): string {
	let part = slugify(title) || 'postmortem';
	if (part.length > MAX_TITLE_SLUG) {
		const cut = part.slice(0, MAX_TITLE_SLUG);
		part = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
	}
	return `${date}-${part}`;
}

/** Why a title cannot be used, or undefined when it can. */
export function titleProblem(title: string): string | undefined {
	const result = postmortemFields.shape.title.safeParse(title);
	return result.success ? undefined : `the title ${result.error.issues[0]?.message ?? 'is not valid'}`;
}

/** A timestamp to the minute, as the file shows it: `2026-11-21T10:42:00Z`. */
function minuteStamp(now: Date): string {
	return `${now.toISOString().slice(0, 16)}:00Z`;
}

/** Builds the new postmortem's file name and text. */
export function scaffoldPostmortem(options: ScaffoldOptions): Scaffold {
	const { title, severity, now, timeZone, policy, fromArtefacts } = options;
	const facts = fromArtefacts?.facts;
	// From artefacts, the file is named for the incident's day, not the day it was written.
	const incidentStart = facts?.startedAt?.at ?? facts?.firstEvent?.at;
	const date = calendarDateIn(incidentStart ? new Date(incidentStart) : now, timeZone);
	const slug = postmortemSlug(title, date);
	const stamp = incidentStart ?? minuteStamp(now);
	// Due windows run from the incident's start (the format's policy), which from artefacts is known.
	const dueFrom = incidentStart ? new Date(incidentStart) : now;
	const urgentDays = dueWindowDays(severity, 'P1', policy);
	const otherDays = dueWindowDays(severity, 'P2', policy);
	const urgentBy = latestAllowedDue(dueFrom, severity, 'P1', policy);
	const otherBy = latestAllowedDue(dueFrom, severity, 'P2', policy);
	const roles = requiredReviewRoles(severity, policy).join(', ');
	// JSON strings are valid YAML double-quoted scalars, so any title is written safely.
	const quotedTitle = JSON.stringify(title.trim());

	const frontmatter = `---
# A postmortem: YAML fields between the --- lines, then the story in Markdown.
# The format, every field and the policies: docs/format.md.
# Lines starting with # are comments: uncomment a field (remove the "# ") to use it.
# Check your work at any time with: npm run validate

# What happened, in a line (3 to 200 characters).
title: ${quotedTitle}
# SEV1 (most severe), SEV2, SEV3 or SEV4.
severity: ${severity}
# draft -> review -> published. Only published postmortems appear on the site.
# Publishing needs resolvedAt and reviews by: ${roles}.
status: draft
# The incident's id in your incident tool.
# incident: INC-1234

# Timestamps look like 2025-03-14T09:30:00Z; without a zone they are read as UTC.
${startedAtLines(facts, stamp)}
${timeLines('detectedAt', '# When the incident was noticed (not before startedAt).', facts?.detectedAt, stamp)}
${timeLines('mitigatedAt', '# When users stopped being affected (not before detectedAt).', facts?.mitigatedAt, stamp)}
${timeLines('resolvedAt', '# When the incident was over; required to publish.', facts?.resolvedAt, stamp)}

${servicesLines(facts)}
# Free-form lower-case tags, e.g. [database, migration].
tags: []
# Who wrote this postmortem: people or team handles; at least one.
authors: ['${PLACEHOLDERS.author}']

impact:
  # What users experienced, in a sentence or two.
  summary: ${JSON.stringify(PLACEHOLDERS.impactSummary)}
  # How many users were affected, if known (a whole number).
  # usersAffected: 0
  # Did customers (not only colleagues) see it?
  # customerFacing: true
  # Was any data lost?
  # dataLoss: false

# A short summary and the lessons. Leave them out and \`npm run draft\` drafts them
# for review; write your own and the draft step leaves them alone.
# summary: >-
#   What happened, why, and how it was fixed, in a paragraph.
# lessons:
#   - What the organisation learned, one per line.

${timelineLines(fromArtefacts, stamp)}

# Conditions that contributed; kind is technical, process or operational.
# Describe the system, not a person's failing.
contributingFactors: []
# contributingFactors:
#   - kind: technical
#     description: The migration runner set no lock timeout.

# Follow-ups. P0/P1 items of a ${severity} are due within ${urgentDays} days (by ${urgentBy}),
# P2/P3 items within ${otherDays} days (by ${otherBy}).
actionItems: []
# actionItems:
#   - id: ENG-123              # unique across the whole archive
#     title: What will be done
#     owner: '@handle'         # required: a person or team handle
#     priority: P1             # P0 (most urgent) to P3
#     due: ${urgentBy}
#     status: open             # open, in-progress, done or wont-do
#     completedOn: ${date}   # required once done or wont-do
#     ticket: https://tracker.example.com/browse/ENG-123
#     rationale: Why this item is worth doing.

# Sign-offs: role is responder, lead, manager or director; on is YYYY-MM-DD.
reviews: []
# reviews:
#   - { role: responder, by: '@handle', on: ${date} }
#   - { role: lead, by: '@handle', on: ${date} }

# Written by \`npm run draft\`, never by hand; set reviewed: true once a person
# has read and edited the drafted summary and lessons.
# drafted:
#   model: claude-...
#   at: ${stamp}
#   fields: [summary, lessons]
#   reviewed: false
#   sources: [pagerduty.json]

# Sentences a reviewer has read and judged not to blame anyone; the blame check lets them pass.
# blamelessExceptions: [{ sentence: "The exact sentence.", by: '@handle', reason: Why it blames no one. }]
---
`;

	const body = `
## What happened

<!-- The story in plain words: what the system did, and why that made sense at the time. -->

## Detection

<!-- How we found out: which alert, report or person, and how long after impact began. -->

## Response

<!-- What the responders tried, in order, and what they learned from each step. -->

## Recovery

<!-- How service came back, and what was needed to make things whole. -->

## Customer communication

<!-- What we told customers, when and where (status page, email, support). -->

## What went well

## What was hard

## Where we got lucky
`;
	return { slug, fileName: `${slug}.md`, text: frontmatter + body };
}

/** `# From the first page (pagerduty.json#Q1).` */
function fromComment(d: DerivedTime): string {
	return `From ${d.why} (${d.ref}).`;
}

function startedAtLines(facts: IncidentFacts | undefined, stamp: string): string {
	if (facts?.startedAt) return `# When impact began. ${fromComment(facts.startedAt)} Correct it if impact began earlier.\nstartedAt: ${facts.startedAt.at}`;
	if (facts?.firstEvent) {
		return `# When impact began. PLACEHOLDER: the first event in the artefacts (${facts.firstEvent.ref}); no alert or page\n# says when impact began, so correct it.\nstartedAt: ${stamp}`;
	}
	return `# When impact began. PLACEHOLDER: the time this file was created; correct it.\nstartedAt: ${stamp}`;
}

function timeLines(field: string, comment: string, value: DerivedTime | undefined, stamp: string): string {
	return value ? `${comment} ${fromComment(value)}\n${field}: ${value.at}` : `${comment}\n# ${field}: ${stamp}`;
}

function servicesLines(facts: IncidentFacts | undefined): string {
	const comment = '# The services involved, as lower-case slugs (checkout-api, orders-db); at least one.';
	if (!facts?.services.names.length) return `${comment}\nservices: [${PLACEHOLDERS.service}]`;
	const refs = facts.services.refs;
	const shown = refs.slice(0, 4).join(', ') + (refs.length > 4 ? `, and ${refs.length - 4} more` : '');
	return `${comment}\n# From alert labels and deployments (${shown}).\nservices: [${facts.services.names.join(', ')}]`;
}

function timelineLines(from: ArtefactScaffold | undefined, stamp: string): string {
	const comment = '# What happened when, in chronological order.';
	if (!from?.timeline.length) {
		return `${comment}
timeline: []
# timeline:
#   - at: ${stamp}
#     event: What happened, described as what the system or the team did.
#     refs: [pagerduty.json#Q1XYZ]   # optional: the artefact events it stands on`;
	}
	return `${comment}
# From the artefacts in ${from.folder} (npm run timeline -- ${from.folder} shows them), each entry with
# the refs of the events it stands on. Keep what matters, say it as what the system or the team did, drop the rest.
${stringify({ timeline: from.timeline }, { lineWidth: 0 }).trimEnd()}`;
}
