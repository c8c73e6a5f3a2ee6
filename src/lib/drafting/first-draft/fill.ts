import type { ArchiveConfig } from '../../../schemas/config.ts';
import type { ActionItemInput, ActionKind, Priority } from '../../../schemas/action-item.ts';
import type { DraftedFieldName } from '../../../schemas/drafted.ts';
import type { FirstDraftOutput } from '../../../schemas/first-draft-output.ts';
import type { Postmortem } from '../../../schemas/postmortem.ts';
import type { Severity } from '../../../schemas/severity.ts';
import { latestAllowedDue } from '../../validation/policies.ts';
import type { ArtefactEvent } from './events.ts';

/**
 * The deterministic fill: what policy decides, never the model. Action-item ids in
 * the archive's prefix and numbering, due dates at the end of the severity policy's
 * window, timestamps read from the events the model cited, and owners from the
 * config, then the archive's history, then the model's suggestion only when the
 * artefacts name that handle, else a visible `TODO` that blocks publishing.
 */

/** The owner every unassigned item gets; validation refuses to publish it. */
export const TODO_OWNER = 'TODO';
/** The prefix of action-item ids when the archive has none yet. */
export const DEFAULT_ID_PREFIX = 'ACT';

const ID_RE = /^([A-Za-z][A-Za-z0-9]*)-(\d+)$/;

/** `count` new action-item ids: the archive's most used prefix, numbered after its highest, unique across the archive. */
export function nextActionIds(existing: ReadonlyArray<string>, count: number): string[] {
	const byPrefix = new Map<string, { uses: number; max: number }>();
	for (const id of existing) {
		const m = ID_RE.exec(id);
		if (!m) continue;
		const p = byPrefix.get(m[1]!) ?? { uses: 0, max: 0 };
		p.uses += 1;
		p.max = Math.max(p.max, Number(m[2]));
		byPrefix.set(m[1]!, p);
	}
	const [prefix, stats] = [...byPrefix].sort((a, b) => b[1].uses - a[1].uses || a[0].localeCompare(b[0]))[0] ?? [DEFAULT_ID_PREFIX, { uses: 0, max: 0 }];
	const taken = new Set(existing.map((id) => id.toUpperCase()));
	const out: string[] = [];
	for (let n = stats.max + 1; out.length < count; n++) {
		const id = `${prefix}-${n}`;
		if (!taken.has(id.toUpperCase())) out.push(id);
	}
	return out;
}

/** Where an owner came from, for the report. */
export type OwnerSource = 'config' | 'history' | 'artefacts' | 'todo';

/** What owner assignment reads. */
export interface OwnerContext {
	/** `owners` of postmortems.config.ts: service → handle. */
	configured: Readonly<Record<string, string>>;
	/** The archive's postmortems (services and action items). */
	archive: ReadonlyArray<Pick<Postmortem, 'services' | 'actionItems'>>;
	/** The artefacts' actors and texts, to check a suggested handle against. */
	events: ReadonlyArray<ArtefactEvent>;
}

/** For each service, the handle that owned most action items of the archive's postmortems on it (ties: alphabetical). */
export function historicalOwners(archive: OwnerContext['archive']): Map<string, string> {
	const counts = new Map<string, Map<string, number>>();
	for (const pm of archive) {
		for (const service of pm.services) {
			const c = counts.get(service) ?? new Map<string, number>();
			for (const item of pm.actionItems) if (!item.owner.startsWith(TODO_OWNER)) c.set(item.owner, (c.get(item.owner) ?? 0) + 1);
			counts.set(service, c);
		}
	}
	const out = new Map<string, string>();
	for (const [service, c] of counts) {
		const best = [...c].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
		if (best) out.set(service, best[0]);
	}
	return out;
}

/** Whether a suggested owner is named in the artefacts (an actor, or the handle or name in a message). */
export function namedInArtefacts(handle: string, events: ReadonlyArray<ArtefactEvent>): boolean {
	const bare = handle.trim().replace(/^@/, '').toLowerCase();
	if (bare.length < 2) return false;
	const word = new RegExp(`(?:^|[^\\w@.-])@?${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i');
	return events.some((e) => (e.actor && e.actor.toLowerCase().replace(/^@/, '') === bare) || word.test(e.text));
}

export function chooseOwner(
	item: { service: string | null; suggestedOwner: string | null },
	services: ReadonlyArray<string>,
	ctx: OwnerContext,
	history: ReadonlyMap<string, string>,
): { owner: string; from: OwnerSource } {
	// An item about one service is owned by that service's owners; one about the whole incident by any of its services'.
	const order = item.service && services.includes(item.service) ? [item.service] : services;
	for (const s of order) if (ctx.configured[s]) return { owner: ctx.configured[s]!, from: 'config' };
	for (const s of order) if (history.has(s)) return { owner: history.get(s)!, from: 'history' };
	if (item.suggestedOwner && namedInArtefacts(item.suggestedOwner, ctx.events)) return { owner: item.suggestedOwner.trim(), from: 'artefacts' };
	return { owner: TODO_OWNER, from: 'todo' };
}

/** The placeholder remediation item added when users lost data or saw the outage and the model proposed none. */
export const REMEDIATION_PLACEHOLDER = {
	title: 'TODO: follow up with the users already affected (who they are, what they are owed, how and when to reach them)',
	kind: 'remediation' as ActionKind,
	priority: 'P1' as Priority,
	rationale: 'Users saw this incident or lost data; the draft proposed no follow-up with them, so this item was added for people to fill in.',
	service: null,
	suggestedOwner: null,
};

/** The items, with a remediation placeholder added when the impact calls for one and none is there. */
export function ensureRemediation(d: FirstDraftOutput): {
	items: FirstDraftOutput['actionItems'];
	added: boolean;
} {
	const needs = d.impact.dataLoss === true || d.impact.customerFacing === true;
	if (!needs || d.actionItems.some((a) => a.kind === 'remediation')) return { items: d.actionItems, added: false };
	return { items: [...d.actionItems, REMEDIATION_PLACEHOLDER], added: true };
}

/** The incident's timestamps, from the events the model named, in the order the format requires. */
export function incidentTimes(
	moments: FirstDraftOutput['moments'],
	index: ReadonlyMap<string, ArtefactEvent>,
	firstEventAt: string,
): {
	times: Partial<Record<'startedAt' | 'detectedAt' | 'mitigatedAt' | 'resolvedAt', string>>;
	notes: string[];
} {
	const notes: string[] = [];
	const at = (ref: string | null) => (ref && index.has(ref) ? index.get(ref)!.at : undefined);
	const times: Partial<Record<'startedAt' | 'detectedAt' | 'mitigatedAt' | 'resolvedAt', string>> = { startedAt: at(moments.startedAt) ?? firstEventAt };
	let floor = Date.parse(times.startedAt!);
	for (const key of ['detectedAt', 'mitigatedAt', 'resolvedAt'] as const) {
		const t = at(moments[key]);
		if (!t) continue;
		if (Date.parse(t) < floor) {
			notes.push(`${key} (${t}, from ${moments[key]}) would be before the moment before it; left out`);
			continue;
		}
		times[key] = t;
		floor = Date.parse(t);
	}
	return { times, notes };
}

/** What the fill needs besides the draft. */
export interface FillContext {
	severity: Severity;
	/** A title people chose; the model's is used otherwise. */
	title?: string;
	policy: ArchiveConfig['policy'];
	owners: OwnerContext;
	/** Every action-item id in the archive. */
	existingIds: ReadonlyArray<string>;
	index: ReadonlyMap<string, ArtefactEvent>;
	/** The first event's time: `startedAt` when the model's start event does not exist. */
	firstEventAt: string;
	/** The author placeholder (people put their handle in). */
	author: string;
}

/** One action item as filled, with where its owner came from. */
export interface FilledItem {
	id: string;
	owner: string;
	from: OwnerSource;
	due: string;
}

export interface Filled {
	/** The frontmatter, without `drafted`. */
	frontmatter: Record<string, unknown>;
	/** The top-level fields the model drafted. */
	fields: DraftedFieldName[];
	items: FilledItem[];
	remediationAdded: boolean;
	notes: string[];
}

/** Builds the frontmatter of the new postmortem from a guarded draft. */
export function fillDraft(d: FirstDraftOutput, ctx: FillContext): Filled {
	const { times, notes } = incidentTimes(d.moments, ctx.index, ctx.firstEventAt);
	const startedAt = new Date(times.startedAt!);
	const { items, added } = ensureRemediation(d);
	const ids = nextActionIds(ctx.existingIds, items.length);
	const history = historicalOwners(ctx.owners.archive);
	const filledItems: FilledItem[] = [];
	const actionItems: ActionItemInput[] = items.map((item, i) => {
		const { owner, from } = chooseOwner(item, d.services, ctx.owners, history);
		const due = latestAllowedDue(startedAt, ctx.severity, item.priority, ctx.policy);
		filledItems.push({ id: ids[i]!, owner, from, due });
		return {
			id: ids[i]!,
			title: item.title,
			owner,
			priority: item.priority,
			due,
			status: 'open',
			kind: item.kind,
			rationale: item.rationale,
		};
	});
	const impact: Record<string, unknown> = { summary: d.impact.summary };
	if (d.impact.usersAffected !== null) impact.usersAffected = d.impact.usersAffected;
	if (d.impact.customerFacing !== null) impact.customerFacing = d.impact.customerFacing;
	if (d.impact.dataLoss !== null) impact.dataLoss = d.impact.dataLoss;
	const frontmatter: Record<string, unknown> = {
		title: ctx.title ?? d.title,
		severity: ctx.severity,
		status: 'draft',
		...times,
		services: d.services,
		tags: [],
		authors: [ctx.author],
		impact,
		summary: d.summary,
		lessons: d.lessons,
		timeline: d.timeline.map((e) => ({
			at: e.at,
			event: e.event,
			refs: e.refs,
		})),
		contributingFactors: d.contributingFactors.map((f) => ({
			kind: f.kind,
			description: f.description,
			refs: f.refs,
		})),
		actionItems,
		reviews: [],
	};
	const fields: DraftedFieldName[] = [
		...(ctx.title ? [] : ['title' as const]),
		'summary',
		'lessons',
		'impact',
		'timeline',
		'contributingFactors',
		'actionItems',
		'services',
		...(['startedAt', 'detectedAt', 'mitigatedAt', 'resolvedAt'] as const).filter((k) => times[k] !== undefined),
	];
	return {
		frontmatter,
		fields,
		items: filledItems,
		remediationAdded: added,
		notes,
	};
}
