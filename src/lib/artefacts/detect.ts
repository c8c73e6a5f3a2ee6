import type { ArtefactSource } from '../../schemas/artefact-event.ts';
import { csvHeader, parseCsv, type CsvRecord } from './csv.ts';
import { isAlertmanagerPayload } from './readers/alertmanager.ts';
import { DEPLOYS_CSV_COLUMNS, isGitHubDeployments } from './readers/deploys.ts';
import { isGrafanaAnnotations } from './readers/grafana.ts';
import { hasTimedLines } from './readers/notes.ts';
import { isPagerDutyLog } from './readers/pagerduty.ts';
import { isSlackMessages, isSlackMetadata, isSlackUsers } from './readers/slack.ts';
import { isZendeskTicket, isZendeskTickets, TICKETS_CSV_COLUMNS } from './readers/tickets.ts';

/**
 * Recognises an artefact by its content, never its name
 * (../shared/incident-artefacts.md): JSON by its shape, CSV by its header,
 * notes by lines that start with a time.
 */

export const ARTEFACT_FORMATS = [
	'slack',
	'slack-users',
	'slack-metadata',
	'pagerduty',
	'deploys-github',
	'deploys-csv',
	'alerts',
	'annotations',
	'tickets-zendesk',
	'tickets-csv',
	'notes',
	'empty-list',
] as const;

export type ArtefactFormat = (typeof ARTEFACT_FORMATS)[number];

export type Detection =
	| { format: Exclude<ArtefactFormat, 'deploys-csv' | 'tickets-csv' | 'notes'>; data: unknown }
	| { format: 'deploys-csv' | 'tickets-csv'; records: CsvRecord[] }
	| { format: 'notes'; text: string }
	/** Not readable: malformed JSON or CSV, or nothing a reader knows. */
	| { format: 'problem'; message: string; line?: number };

/** What the readers know, for the message about a file none of them recognises. */
export const KNOWN_FORMATS_HINT =
	'a Slack export, PagerDuty log entries, GitHub deployments or a deploys CSV, an Alertmanager webhook payload, Grafana annotations, a Zendesk tickets export or a tickets CSV, or notes with lines that start with a time (docs/artefacts.md)';

function hasColumns(header: string[], columns: readonly string[]): boolean {
	return columns.every((c) => header.includes(c));
}

/** The 1-based line of a JSON.parse error, from the message's line or its position. */
function jsonErrorLine(message: string, text: string): number | undefined {
	const line = /\(line (\d+)/.exec(message)?.[1];
	if (line) return Number(line);
	if (/end of JSON input/i.test(message)) return text.trimEnd().split('\n').length;
	const position = /position (\d+)/.exec(message)?.[1];
	if (position === undefined) return undefined;
	return text.slice(0, Number(position)).split('\n').length;
}

function detectJson(data: unknown): Detection | undefined {
	if (Array.isArray(data) && data.length === 0) return { format: 'empty-list', data };
	if (isPagerDutyLog(data)) return { format: 'pagerduty', data };
	if (isAlertmanagerPayload(data)) return { format: 'alerts', data };
	if (isZendeskTickets(data)) return { format: 'tickets-zendesk', data };
	if (isZendeskTicket(data)) return { format: 'tickets-zendesk', data: { tickets: [data] } };
	if (isSlackMessages(data)) return { format: 'slack', data };
	if (isSlackUsers(data)) return { format: 'slack-users', data };
	if (isSlackMetadata(data)) return { format: 'slack-metadata', data };
	if (isGitHubDeployments(data)) return { format: 'deploys-github', data };
	if (isGrafanaAnnotations(data)) return { format: 'annotations', data };
	return undefined;
}

/**
 * A JSON Lines file of Zendesk tickets (the Admin Center's full JSON export) as
 * `{"tickets": [...]}`; a problem naming the line that is not JSON; undefined
 * when the first line is not a ticket (then it is no such file).
 */
function ticketLines(body: string): Detection | undefined {
	const lines = body.split(/\r?\n/);
	const first = lines.findIndex((l) => l.trim() !== '');
	try {
		if (!isZendeskTicket(JSON.parse(lines[first]!))) return undefined;
	} catch {
		return undefined;
	}
	const tickets: unknown[] = [];
	for (let i = first; i < lines.length; i++) {
		if (lines[i]!.trim() === '') continue;
		try {
			tickets.push(JSON.parse(lines[i]!));
		} catch (error) {
			return { format: 'problem', line: i + 1, message: `is not valid JSON Lines: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}` };
		}
	}
	return { format: 'tickets-zendesk', data: { tickets } };
}

/** Recognises one artefact file's text. */
export function detectArtefact(text: string): Detection {
	const body = text.replace(/^\uFEFF/, '');
	if (body.includes('\u0000')) return { format: 'problem', message: `is a binary file; the timeline reads ${KNOWN_FORMATS_HINT}` };
	const trimmed = body.trimStart();
	if (trimmed === '') return { format: 'problem', message: 'is empty' };
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		let data: unknown;
		try {
			data = JSON.parse(body);
		} catch (error) {
			// Zendesk's full JSON export has one ticket per line (JSON Lines).
			const lines = ticketLines(body);
			if (lines) return lines;
			// Notes may start with "[02:14] ..."; anything else that starts like JSON is broken JSON.
			if (hasTimedLines(body)) return { format: 'notes', text: body };
			const message = (error as Error).message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
			const line = jsonErrorLine((error as Error).message, body);
			return { format: 'problem', message: `is not valid JSON: ${message}`, ...(line ? { line } : {}) };
		}
		return detectJson(data) ?? { format: 'problem', message: `is JSON that no reader recognises; the timeline reads ${KNOWN_FORMATS_HINT}` };
	}
	const header = csvHeader(body);
	if (header && (hasColumns(header, DEPLOYS_CSV_COLUMNS) || hasColumns(header, TICKETS_CSV_COLUMNS))) {
		const table = parseCsv(body);
		if (!table.ok) return { format: 'problem', message: table.message, ...(table.line ? { line: table.line } : {}) };
		return hasColumns(table.columns, DEPLOYS_CSV_COLUMNS) ? { format: 'deploys-csv', records: table.records } : { format: 'tickets-csv', records: table.records };
	}
	if (hasTimedLines(body)) return { format: 'notes', text: body };
	if (header) {
		return {
			format: 'problem',
			message: `is a CSV whose columns (${header.join(',')}) no reader knows; deploys need ${DEPLOYS_CSV_COLUMNS.join(',')}, tickets ${TICKETS_CSV_COLUMNS.join(',')}`,
		};
	}
	return { format: 'problem', message: `is not ${KNOWN_FORMATS_HINT}` };
}

/** The event source a file format feeds (undefined for files that hold no events). */
export function sourceOfFormat(format: string): ArtefactSource | undefined {
	if (format === 'slack') return 'slack';
	if (format === 'pagerduty' || format === 'alerts' || format === 'annotations' || format === 'notes') return format;
	if (format.startsWith('deploys-')) return 'deploys';
	if (format.startsWith('tickets-')) return 'tickets';
	return undefined;
}
