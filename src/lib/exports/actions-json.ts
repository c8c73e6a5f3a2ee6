import { closedItems, openItems, rollUpByOwner, rollUpByPriority, rollUpBySeverity, summarize, type AgedItem, type AgingSummary, type RollUp } from '../aging/aged-items.ts';
import { actionItemRecord, type ActionItemRecord, type ExportContext } from './action-record.ts';

/** A roll-up as exported: counts, and the id of the oldest open item. */
export interface RollUpRecord {
	key: string;
	total: number;
	open: number;
	overdue: number;
	overdueUrgent: number;
	done: number;
	wontDo: number;
	/** Id of the open item with the earliest due date; null when nothing is open. */
	oldestOpenId: string | null;
	medianDaysToClose: number | null;
}

/** The shape of `/actions.json`. */
export interface ActionsJson {
	/** Bumped only if a field is renamed or retyped; new fields keep it. */
	schemaVersion: 1;
	/** The day states and day counts are computed for, `YYYY-MM-DD`. */
	asOf: string;
	/** The IANA time zone in which `asOf` is "today". */
	timeZone: string;
	summary: AgingSummary;
	byOwner: RollUpRecord[];
	bySeverity: RollUpRecord[];
	byPriority: RollUpRecord[];
	/** Open items (most overdue first), then closed items (most recently closed first). */
	items: ActionItemRecord[];
}

function rollUpRecord(r: RollUp): RollUpRecord {
	return {
		key: r.key,
		total: r.total,
		open: r.open,
		overdue: r.overdue,
		overdueUrgent: r.overdueUrgent,
		done: r.done,
		wontDo: r.wontDo,
		oldestOpenId: r.oldest?.item.id ?? null,
		medianDaysToClose: r.medianDaysToClose,
	};
}

/** Builds `/actions.json` from items aged as of `asOf`. */
export function buildActionsJson(aged: ReadonlyArray<AgedItem>, asOf: string, timeZone: string, ctx: ExportContext): ActionsJson {
	return {
		schemaVersion: 1,
		asOf,
		timeZone,
		summary: summarize(aged, asOf),
		byOwner: rollUpByOwner(aged).map(rollUpRecord),
		bySeverity: rollUpBySeverity(aged).map(rollUpRecord),
		byPriority: rollUpByPriority(aged).map(rollUpRecord),
		items: [...openItems(aged), ...closedItems(aged)].map((a) => actionItemRecord(a, ctx)),
	};
}
