import { closedItems, openItems, type AgedItem } from '../aging/aged-items.ts';
import { actionItemRecord, type ExportContext } from './action-record.ts';
import { toCsv } from './csv.ts';

/** The columns of `/actions.csv`, in order (documented in docs/action-items.md). */
export const ACTIONS_CSV_COLUMNS = [
	'id',
	'title',
	'owner',
	'priority',
	'status',
	'state',
	'due',
	'completedOn',
	'daysOverdue',
	'daysLeft',
	'ageDays',
	'daysToClose',
	'daysLateAtClose',
	'breaksDueWindow',
	'ticket',
	'incidentSlug',
	'incidentTitle',
	'incidentId',
	'severity',
	'incidentStartedOn',
	'incidentUrl',
	'asOf',
] as const;

/** Builds `/actions.csv`: one row per item, open ones first (most overdue on top), then closed. */
export function buildActionsCsv(aged: ReadonlyArray<AgedItem>, asOf: string, ctx: ExportContext): string {
	const rows = [...openItems(aged), ...closedItems(aged)].map((a) => {
		const r = actionItemRecord(a, ctx);
		return [
			r.id,
			r.title,
			r.owner,
			r.priority,
			r.status,
			r.state,
			r.due,
			r.completedOn,
			r.daysOverdue,
			r.daysLeft,
			r.ageDays,
			r.daysToClose,
			r.daysLateAtClose,
			r.breaksDueWindow,
			r.ticket,
			r.incident.slug,
			r.incident.title,
			r.incident.id,
			r.incident.severity,
			r.incident.startedOn,
			r.incident.url,
			asOf,
		];
	});
	return toCsv(ACTIONS_CSV_COLUMNS, rows);
}
