import { compareOpen, isStillOpen, rollUpByOwner, type AgedItem } from '../lib/aging/aged-items.ts';
import { actionItemRecord, type ActionItemRecord, type ExportContext } from '../lib/exports/action-record.ts';
import { daysLabel, formatDay } from '../lib/aging/labels.ts';
import { countOf } from '../lib/format/labels.ts';
import { normaliseOwner, type OverdueOptions } from './overdue-args.ts';
import { sanitiseForTerminal as clean } from './terminal.ts';

type Filters = Pick<OverdueOptions, 'owners' | 'severities' | 'priorities'>;

/** The items one run of `overdue` is about. */
export interface OverdueSelection {
	asOf: string;
	timeZone: string;
	filters: Filters & { all: boolean };
	/** Open items (overdue or not yet due) matching the filters, most overdue first. */
	matching: AgedItem[];
	/** The ones printed: the overdue ones, or every matching one with --all. */
	listed: AgedItem[];
	overdue: number;
	overdueUrgent: number;
	/** Files skipped because they are invalid. */
	invalidFiles: string[];
}

/** Whether an item passes the owner, severity and priority filters (an empty filter passes all). */
export function matchesFilters(a: AgedItem, f: Filters): boolean {
	return (
		(f.owners.length === 0 || f.owners.includes(normaliseOwner(a.item.owner))) &&
		(f.severities.length === 0 || f.severities.includes(a.severity)) &&
		(f.priorities.length === 0 || f.priorities.includes(a.item.priority))
	);
}

/** Picks the items to report. */
export function selectOverdue(
	aged: ReadonlyArray<AgedItem>,
	options: Pick<OverdueOptions, 'owners' | 'severities' | 'priorities' | 'all'>,
	context: { asOf: string; timeZone: string; invalidFiles: string[] },
): OverdueSelection {
	const matching = aged.filter((a) => isStillOpen(a) && matchesFilters(a, options)).sort(compareOpen);
	const overdue = matching.filter((a) => a.state === 'overdue');
	return {
		...context,
		filters: { owners: options.owners, severities: options.severities, priorities: options.priorities, all: options.all },
		matching,
		listed: options.all ? matching : overdue,
		overdue: overdue.length,
		overdueUrgent: overdue.filter((a) => a.item.priority === 'P0' || a.item.priority === 'P1').length,
	};
}

/** The shape of `overdue --json` (documented in docs/action-items.md). */
export interface OverdueJson {
	schemaVersion: 1;
	asOf: string;
	timeZone: string;
	filters: { owner: string[]; severity: string[]; priority: string[]; all: boolean };
	counts: { open: number; overdue: number; overdueUrgent: number; listed: number };
	invalidFiles: string[];
	items: ActionItemRecord[];
}

export function overdueJson(sel: OverdueSelection, ctx: ExportContext): OverdueJson {
	return {
		schemaVersion: 1,
		asOf: sel.asOf,
		timeZone: sel.timeZone,
		filters: { owner: sel.filters.owners, severity: sel.filters.severities, priority: sel.filters.priorities, all: sel.filters.all },
		counts: { open: sel.matching.length, overdue: sel.overdue, overdueUrgent: sel.overdueUrgent, listed: sel.listed.length },
		invalidFiles: sel.invalidFiles,
		items: sel.listed.map((a) => actionItemRecord(a, ctx)),
	};
}


const daysText = (a: AgedItem) => daysLabel(a.state, a.daysOverdue, a.daysLeft);

function filterText(f: OverdueSelection['filters']): string {
	const parts = [
		f.owners.length ? `owner ${f.owners.join(', ')}` : '',
		f.severities.length ? `severity ${f.severities.join(', ')}` : '',
		f.priorities.length ? `priority ${f.priorities.join(', ')}` : '',
	].filter(Boolean);
	return parts.length ? ` (${parts.join('; ')})` : '';
}

/** One line saying what was found. */
export function headline(sel: OverdueSelection): string {
	const what = sel.filters.all ? 'Open action items' : 'Overdue action items';
	const urgent = sel.overdueUrgent ? `, ${sel.overdueUrgent} of them P0/P1` : '';
	const owners = new Set(sel.listed.map((a) => a.item.owner)).size;
	if (sel.overdue === 0 && !sel.filters.all) {
		return `Nothing overdue as of ${sel.asOf} (${sel.timeZone})${filterText(sel.filters)}: ${countOf(sel.matching.length, 'open item')}, none past due.`;
	}
	return `${what} as of ${sel.asOf} (${sel.timeZone})${filterText(sel.filters)}: ${sel.overdue} overdue${urgent}, ${countOf(sel.matching.length, 'open item')} in all; ${countOf(owners, 'owner')} listed.`;
}

/** Styling hooks for the table (colour on a terminal, identity otherwise). */
export interface Paint {
	red(s: string): string;
	yellow(s: string): string;
	green(s: string): string;
	bold(s: string): string;
	dim(s: string): string;
}
const plain: Paint = { red: (s) => s, yellow: (s) => s, green: (s) => s, bold: (s) => s, dim: (s) => s };

function truncate(text: string, max: number): string {
	const chars = [...text];
	return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function pad(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** The readable table, grouped by owner (most overdue owners first). */
export function overdueTable(sel: OverdueSelection, paint: Paint = plain): string {
	const lines = [paint.bold(headline(sel))];
	if (sel.overdue === 0 && !sel.filters.all) return `${paint.green(lines[0]!)}\n`;
	// Text from the postmortems is cleaned of terminal control sequences before colours are added.
	const idWidth = Math.max(2, ...sel.listed.map((a) => [...clean(a.item.id)].length));
	const daysWidth = Math.max(...sel.listed.map((a) => daysText(a).length));
	for (const owner of rollUpByOwner(sel.listed)) {
		const items = sel.listed.filter((a) => a.item.owner === owner.key);
		lines.push('', `${paint.bold(clean(owner.key))}  ${paint.dim(`${owner.overdue} overdue${owner.open > owner.overdue ? `, ${owner.open - owner.overdue} not yet due` : ''}`)}`);
		for (const a of items) {
			const days = pad(daysText(a), daysWidth);
			const coloured = a.state === 'overdue' ? paint.red(days) : a.daysLeft === 0 ? paint.yellow(days) : days;
			const prio = a.item.priority === 'P0' || a.item.priority === 'P1' ? paint.bold(a.item.priority) : a.item.priority;
			lines.push(`  ${pad(clean(a.item.id), idWidth)}  ${prio}  due ${a.item.due}  ${coloured}  ${truncate(clean(a.item.title), 64)}`);
			lines.push(`  ${' '.repeat(idWidth)}  ${paint.dim(`${a.severity} ${clean(a.slug)}`)}`);
		}
	}
	if (sel.invalidFiles.length) lines.push('', paint.yellow(`${countOf(sel.invalidFiles.length, 'invalid file')} skipped; run npm run validate to see why.`));
	return `${lines.join('\n')}\n`;
}

/** Escapes text for Markdown so titles cannot turn into links, emphasis or table cells. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

/** Markdown to paste into a review meeting's notes or a chat message: a list per owner. */
export function overdueMarkdown(sel: OverdueSelection, ctx: ExportContext): string {
	const when = `${formatDay(sel.asOf)} (${sel.timeZone})`;
	const what = sel.filters.all ? 'Open action items' : 'Overdue action items';
	const lines = [`**${what} as of ${when}**${escapeMarkdown(filterText(sel.filters))}`, ''];
	if (sel.listed.length === 0) {
		lines.push(`Nothing overdue: ${countOf(sel.matching.length, 'open item')}, none past due.`);
		return `${lines.join('\n')}\n`;
	}
	const urgent = sel.overdueUrgent ? ` (${sel.overdueUrgent} P0/P1)` : '';
	lines.push(`${sel.overdue} overdue${urgent} of ${countOf(sel.matching.length, 'open item')}.`);
	for (const owner of rollUpByOwner(sel.listed)) {
		lines.push('', `**${escapeMarkdown(owner.key)}** — ${owner.overdue} overdue`);
		for (const a of sel.listed.filter((x) => x.item.owner === owner.key)) {
			const r = actionItemRecord(a, ctx);
			const id = r.ticket ? `[${escapeMarkdown(r.id)}](${r.ticket})` : escapeMarkdown(r.id);
			const days = a.state === 'overdue' ? `**${daysText(a)}**` : daysText(a);
			lines.push(`- ${id} (${r.priority}) ${escapeMarkdown(r.title)}: ${days}, due ${r.due} · [${escapeMarkdown(r.incident.title)}](${r.incident.url}) (${r.incident.severity})`);
		}
	}
	if (sel.invalidFiles.length) lines.push('', `_${countOf(sel.invalidFiles.length, 'invalid postmortem file')} skipped._`);
	return `${clean(lines.join('\n'))}\n`;
}
