import type { ArtefactEvent } from '../../../schemas/artefact-event.ts';
import type { CsvRecord } from '../csv.ts';
import { artefactProblem, atFromIso, describeValue, isRecord, oneLine, textOf, type ReadContext, type ReaderResult } from '../reader-kit.ts';

/**
 * Support tickets: a Zendesk tickets export (`{"tickets": [...]}` as
 * `GET /api/v2/tickets` or the incremental export returns it, or the Admin
 * Center's full JSON export, one ticket per line) or a CSV with the
 * columns `time,id,subject`. Only the subject is read; descriptions and
 * requesters (customers' personal data) stay in the file.
 */

export const TICKETS_CSV_COLUMNS = ['time', 'id', 'subject'] as const;

/** Whether parsed JSON is one Zendesk ticket (a line of the full JSON export). */
export function isZendeskTicket(data: unknown): boolean {
	return isRecord(data) && 'id' in data && 'created_at' in data && ('subject' in data || 'raw_subject' in data);
}

/** Whether parsed JSON is a Zendesk tickets export. */
export function isZendeskTickets(data: unknown): boolean {
	return isRecord(data) && Array.isArray(data.tickets);
}

function ticketEvent(at: string, id: string, subject: string | undefined, ref: string): ArtefactEvent {
	return { at, source: 'tickets', ref, actor: null, text: oneLine(`Ticket ${id} opened: ${subject ?? '(no subject)'}`), kind: 'ticket' };
}

/** Events from a parsed Zendesk tickets export. */
export function zendeskEvents(data: unknown, ctx: ReadContext): ReaderResult {
	const events: ArtefactEvent[] = [];
	const problems: ReaderResult['problems'] = [];
	const tickets = isRecord(data) && Array.isArray(data.tickets) ? data.tickets : [];
	tickets.forEach((t, i) => {
		const path = `tickets[${i}]`;
		if (!isRecord(t)) {
			problems.push(artefactProblem(ctx.file, 'is not a ticket (an object with id, created_at and subject)', { path }));
			return;
		}
		const id = textOf(t.id);
		const at = atFromIso(t.created_at, ctx.timeZone);
		if (!id || !at) {
			problems.push(artefactProblem(ctx.file, !id ? 'has no id' : `created_at ${describeValue(t.created_at)}`, { path }));
			return;
		}
		events.push(ticketEvent(at, `#${id}`, textOf(t.subject) ?? textOf(t.raw_subject), `${ctx.file}#${id}`));
	});
	return { events, problems };
}

/** Events from the records of a tickets CSV (`time,id,subject`). */
export function ticketsCsvEvents(records: CsvRecord[], ctx: ReadContext): ReaderResult {
	const events: ArtefactEvent[] = [];
	const problems: ReaderResult['problems'] = [];
	const seen = new Set<string>();
	for (const { line, values } of records) {
		const at = atFromIso(values.time, ctx.timeZone);
		const id = textOf(values.id);
		if (!at || !id) {
			problems.push(artefactProblem(ctx.file, !id ? 'the id is empty' : `time ${describeValue(values.time)}; write it like 2026-07-22T02:14:00Z`, { line }));
			continue;
		}
		// The ticket id is the ref unless the file lists a ticket twice; then the line keeps refs unique.
		const ref = seen.has(id) ? `${ctx.file}#L${line}` : `${ctx.file}#${id}`;
		seen.add(id);
		events.push(ticketEvent(at, id, textOf(values.subject), ref));
	}
	return { events, problems };
}
