import { openItems, type AgedItem } from '../aging/aged-items.ts';
import { addDays } from '../format/dates.ts';
import { actionItemRecord, type ExportContext } from './action-record.ts';
import { escapeIcsText, icsDate, icsDateTime, icsDocument, icsLine } from './ics.ts';

/** What the calendar needs besides the items. */
export interface CalendarOptions extends ExportContext {
	/** Shown by calendar apps as the calendar's name. */
	calendarName: string;
	/** When the file was made (DTSTAMP). */
	stamp: Date;
}

/** A stable, globally unique UID for an item: same id, same event, so subscribed calendars update in place. */
export function actionItemUid(id: string, site: ExportContext['site']): string {
	const url = new URL(site.url);
	const base = site.base.replace(/^\/+|\/+$/g, '');
	return `action-item-${encodeURIComponent(id)}@${url.host}${base ? `/${base}` : ''}`;
}

/**
 * Builds `/actions.ics`: an all-day event on the due date of every open item
 * (overdue ones included); closed items drop out, so calendars remove them.
 */
export function buildActionsIcs(aged: ReadonlyArray<AgedItem>, options: CalendarOptions): string {
	const stamp = icsDateTime(options.stamp);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//postmortem-archive//Action items//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		icsLine('X-WR-CALNAME', escapeIcsText(options.calendarName)),
		icsLine('NAME', escapeIcsText(options.calendarName)),
		'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
		'X-PUBLISHED-TTL:PT12H',
	];
	for (const a of openItems(aged)) {
		const r = actionItemRecord(a, options);
		const description = [
			`Owner: ${r.owner}`,
			`Priority: ${r.priority}`,
			`Status: ${r.status}`,
			`Incident: ${r.incident.title} (${r.incident.severity}${r.incident.id ? `, ${r.incident.id}` : ''})`,
			`Postmortem: ${r.incident.url}`,
			...(r.ticket ? [`Ticket: ${r.ticket}`] : []),
			...(r.rationale ? ['', r.rationale] : []),
		].join('\n');
		lines.push(
			'BEGIN:VEVENT',
			icsLine('UID', escapeIcsText(actionItemUid(r.id, options.site))),
			`DTSTAMP:${stamp}`,
			`DTSTART;VALUE=DATE:${icsDate(r.due)}`,
			`DTEND;VALUE=DATE:${icsDate(addDays(r.due, 1))}`,
			icsLine('SUMMARY', escapeIcsText(`${r.priority} ${r.id}: ${r.title} (${r.owner})`)),
			icsLine('DESCRIPTION', escapeIcsText(description)),
			icsLine('URL', r.incident.url),
			icsLine('CATEGORIES', [r.priority, r.incident.severity].map(escapeIcsText).join(',')),
			'TRANSP:TRANSPARENT',
			'STATUS:CONFIRMED',
			'END:VEVENT',
		);
	}
	lines.push('END:VCALENDAR');
	return icsDocument(lines);
}
