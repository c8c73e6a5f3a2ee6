import type { ArtefactEvent, ArtefactEventKind } from '../../../schemas/artefact-event.ts';
import { artefactProblem, atFromIso, describeValue, isRecord, nestedText, oneLine, textOf, type ReadContext, type ReaderResult } from '../reader-kit.ts';

/**
 * PagerDuty REST v2 incident log entries: `{"log_entries": [...]}` as
 * `GET /incidents/{id}/log_entries` (or `GET /log_entries`) returns them.
 */

const VERBS: Record<string, { verb: string; kind: ArtefactEventKind }> = {
	trigger_log_entry: { verb: 'Triggered', kind: 'page' },
	acknowledge_log_entry: { verb: 'Acknowledged', kind: 'acknowledge' },
	resolve_log_entry: { verb: 'Resolved', kind: 'resolve' },
	escalate_log_entry: { verb: 'Escalated', kind: 'escalate' },
	reassign_log_entry: { verb: 'Reassigned', kind: 'escalate' },
	unacknowledge_log_entry: { verb: 'Unacknowledged', kind: 'escalate' },
};

/** Whether parsed JSON is a PagerDuty log entries response. */
export function isPagerDutyLog(data: unknown): boolean {
	return isRecord(data) && Array.isArray(data.log_entries);
}

/** The incident's title without PagerDuty's `[#1234] ` number prefix. */
function incidentTitle(entry: Record<string, unknown>): string | undefined {
	const title = nestedText(entry.incident, 'summary', 'title');
	return title?.replace(/^\[#\d+\]\s*/, '');
}

function entryText(entry: Record<string, unknown>, type: string): { text: string; kind?: ArtefactEventKind } {
	const title = incidentTitle(entry);
	const known = VERBS[type];
	if (known) return { text: title ? `${known.verb}: ${title}` : (textOf(entry.summary) ?? known.verb), kind: known.kind };
	if (type === 'notify_log_entry') {
		const who = nestedText(entry.user, 'summary', 'name') ?? 'a responder';
		const how = isRecord(entry.channel) ? (nestedText(entry.channel.notification, 'type') ?? textOf(entry.channel.type)) : undefined;
		return { text: `Notified ${who}${how ? ` by ${how.replace(/_/g, ' ')}` : ''}`, kind: 'notify' };
	}
	if (type === 'annotate_log_entry') {
		const note = nestedText(entry.note, 'content') ?? nestedText(entry.channel, 'summary') ?? textOf(entry.summary) ?? '';
		return { text: `Note: ${note}`, kind: 'note' };
	}
	return { text: textOf(entry.summary) ?? type.replace(/_log_entry$/, '').replace(/_/g, ' ') };
}

/** Events from a parsed PagerDuty log entries response. */
export function pagerDutyEvents(data: unknown, ctx: ReadContext): ReaderResult {
	const events: ArtefactEvent[] = [];
	const problems: ReaderResult['problems'] = [];
	const entries = isRecord(data) && Array.isArray(data.log_entries) ? data.log_entries : [];
	entries.forEach((entry, i) => {
		const path = `log_entries[${i}]`;
		if (!isRecord(entry)) {
			problems.push(artefactProblem(ctx.file, 'is not a log entry (an object with id, type and created_at)', { path }));
			return;
		}
		const id = textOf(entry.id);
		const at = atFromIso(entry.created_at, ctx.timeZone);
		if (!id || !at) {
			problems.push(artefactProblem(ctx.file, !id ? 'has no id' : `created_at ${describeValue(entry.created_at)}`, { path }));
			return;
		}
		const type = textOf(entry.type) ?? '';
		const { text, kind } = entryText(entry, type);
		events.push({
			at,
			source: 'pagerduty',
			ref: `${ctx.file}#${id}`,
			actor: nestedText(entry.agent, 'summary', 'name') ?? null,
			text: oneLine(text),
			...(kind ? { kind } : {}),
		});
	});
	return { events, problems };
}

