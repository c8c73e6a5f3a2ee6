import type { AgedItem } from '../aging/aged-items.ts';
import { paths, ticketUrl } from '../routing/urls.ts';
import { absoluteUrl, type SiteLocation } from '../routing/site-url.ts';

/** What every export needs besides the items. */
export interface ExportContext {
	site: SiteLocation;
	/** The config's link pattern for items without a `ticket`. */
	ticketUrlPattern?: string;
}

/**
 * One action item as the exports and `overdue --json` show it. A stable shape: fields
 * may be added, none renamed or retyped. Days are whole days as of the export's `asOf`.
 */
export interface ActionItemRecord {
	id: string;
	title: string;
	owner: string;
	/** `P0` to `P3`. */
	priority: string;
	/** As written in the file: `open`, `in-progress`, `done`, `wont-do`. */
	status: string;
	/** Computed as of `asOf`: `overdue`, `open` (not yet due), `done`, `wont-do`. */
	state: string;
	/** `YYYY-MM-DD`. */
	due: string;
	/** `YYYY-MM-DD` for closed items, else null. */
	completedOn: string | null;
	/** Days past due when overdue, else 0. */
	daysOverdue: number;
	/** Days until due when open and not overdue, else 0 (0 also when due today). */
	daysLeft: number;
	/** Days since the incident started. */
	ageDays: number;
	/** Days from incident start to close, for closed items; else null. */
	daysToClose: number | null;
	/** Days after `due` the item was closed (0 when on time), for closed items; else null. */
	daysLateAtClose: number | null;
	/** Whether `due` is beyond the policy window for its priority and the incident's severity. */
	breaksDueWindow: boolean;
	/** The item's ticket, or the link built from the config's pattern; null when neither. */
	ticket: string | null;
	rationale: string | null;
	incident: {
		/** The postmortem's slug (its page is /postmortems/<slug>/). */
		slug: string;
		title: string;
		severity: string;
		/** The incident tool's id, e.g. INC-2291; null when not given. */
		id: string | null;
		/** The incident's start date (UTC), `YYYY-MM-DD`. */
		startedOn: string;
		/** The postmortem's status; `published` unless drafts were included. */
		status: string;
		/** Absolute URL of the postmortem's page. */
		url: string;
	};
}

/** The record of one aged item. */
export function actionItemRecord(a: AgedItem, ctx: ExportContext): ActionItemRecord {
	const { item } = a;
	return {
		id: item.id,
		title: item.title,
		owner: item.owner,
		priority: item.priority,
		status: item.status,
		state: a.state,
		due: item.due,
		completedOn: item.completedOn ?? null,
		daysOverdue: a.daysOverdue,
		daysLeft: a.daysLeft,
		ageDays: a.ageDays,
		daysToClose: a.daysToClose ?? null,
		daysLateAtClose: a.daysLateAtClose ?? null,
		breaksDueWindow: a.breaksWindow,
		ticket: ticketUrl(item.id, item.ticket, ctx.ticketUrlPattern) ?? null,
		rationale: item.rationale ?? null,
		incident: {
			slug: a.slug,
			title: a.incidentTitle,
			severity: a.severity,
			id: a.incidentId ?? null,
			startedOn: a.incidentDate,
			status: a.postmortemStatus,
			url: absoluteUrl(ctx.site, paths.postmortem(a.slug)),
		},
	};
}
