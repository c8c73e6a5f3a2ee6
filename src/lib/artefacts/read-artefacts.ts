import type { ArtefactEvent } from '../../schemas/artefact-event.ts';
import { dayInZone } from '../format/zoned-time.ts';
import type { Finding } from '../validation/findings.ts';
import { detectArtefact, type ArtefactFormat } from './detect.ts';
import { mergeEvents } from './merge.ts';
import { artefactProblem, type ReaderResult } from './reader-kit.ts';
import { alertmanagerEvents } from './readers/alertmanager.ts';
import { deploysCsvEvents, gitHubDeploymentEvents } from './readers/deploys.ts';
import { grafanaEvents } from './readers/grafana.ts';
import { notesEvents } from './readers/notes.ts';
import { pagerDutyEvents } from './readers/pagerduty.ts';
import { slackEvents, slackUserNames, type SlackDayFile } from './readers/slack.ts';
import { ticketsCsvEvents, zendeskEvents } from './readers/tickets.ts';
import { emptyRedactionCount, redactEvents, redactText, type RedactionCount } from './redact.ts';
import { farOutsideWarnings } from './window.ts';

/**
 * The whole read step, pure: the texts of an artefact folder in, one merged,
 * redacted timeline out, with what each file was and every problem found.
 */

/** One file of the artefact folder. */
export interface ArtefactText {
	/** Relative to the artefact folder, with `/` separators: `slack/incident/2026-07-22.json`. */
	path: string;
	text: string;
}

/** What a file was taken for, and how many events it gave (before de-duplication). */
export interface ArtefactFileReport {
	path: string;
	/** The recognised format, or `unreadable` (the reason is in the errors). */
	format: ArtefactFormat | 'unreadable';
	events: number;
}

export interface ArtefactReading {
	/** The merged timeline: UTC, sorted, de-duplicated, redacted. */
	events: ArtefactEvent[];
	files: ArtefactFileReport[];
	/** Unreadable files and entries: the run fails (exit 1), though the events read are still given. */
	errors: Finding[];
	/** Worth saying, not failing for: ids without users.json, events far from the rest, empty lists. */
	warnings: Finding[];
	/** The warnings about events far outside the incident (also in `warnings`); moot once a window is clipped. */
	farOutside: Finding[];
	redactions: RedactionCount;
}

export interface ReadArtefactsOptions {
	/** IANA zone in which times without a zone are read. */
	timeZone: string;
}

/** Reads, merges and redacts the files of one artefact folder. */
export function readArtefacts(texts: ArtefactText[], options: ReadArtefactsOptions): ArtefactReading {
	const { timeZone } = options;
	const ordered = [...texts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const files: ArtefactFileReport[] = [];
	const problems: Finding[] = [];
	const events: ArtefactEvent[] = [];
	const slackDays: SlackDayFile[] = [];
	const notes: ArtefactText[] = [];
	let users: Map<string, string> | undefined;
	const counted = new Map<string, ArtefactFileReport>();
	const take = (path: string, format: ArtefactFileReport['format'], result?: ReaderResult) => {
		const report = { path, format, events: result?.events.length ?? 0 };
		files.push(report);
		counted.set(path, report);
		if (result) {
			events.push(...result.events);
			problems.push(...result.problems);
		}
	};

	for (const { path, text } of ordered) {
		const found = detectArtefact(text);
		const ctx = { file: path, timeZone };
		switch (found.format) {
			case 'problem':
				take(path, 'unreadable');
				problems.push(artefactProblem(path, found.message, { line: found.line }));
				break;
			case 'slack':
				slackDays.push({ file: path, data: found.data });
				take(path, 'slack');
				break;
			case 'slack-users':
				users = new Map([...(users ?? []), ...slackUserNames(found.data)]);
				take(path, 'slack-users');
				break;
			case 'notes':
				notes.push({ path, text: found.text });
				take(path, 'notes');
				break;
			case 'empty-list':
				take(path, 'empty-list');
				problems.push(artefactProblem(path, 'is an empty list; no events in it', { level: 'warning' }));
				break;
			case 'slack-metadata':
				take(path, 'slack-metadata');
				break;
			case 'pagerduty':
				take(path, 'pagerduty', pagerDutyEvents(found.data, ctx));
				break;
			case 'alerts':
				take(path, 'alerts', alertmanagerEvents(found.data, ctx));
				break;
			case 'deploys-github':
				take(path, 'deploys-github', gitHubDeploymentEvents(found.data, ctx));
				break;
			case 'annotations':
				take(path, 'annotations', grafanaEvents(found.data, ctx));
				break;
			case 'tickets-zendesk':
				take(path, 'tickets-zendesk', zendeskEvents(found.data, ctx));
				break;
			case 'deploys-csv':
				take(path, 'deploys-csv', deploysCsvEvents(found.records, ctx));
				break;
			case 'tickets-csv':
				take(path, 'tickets-csv', ticketsCsvEvents(found.records, ctx));
				break;
		}
	}

	if (slackDays.length) {
		const slack = slackEvents(slackDays, users);
		const folders = [...new Set(slackDays.map((d) => d.file.slice(0, Math.max(0, d.file.lastIndexOf('/'))) || '.'))];
		// The parsed exports are the largest thing in memory; let them go before merging.
		slackDays.length = 0;
		events.push(...slack.events);
		problems.push(...slack.problems);
		for (const e of slack.events) counted.get(e.ref.slice(0, e.ref.indexOf('#')))!.events += 1;
		if (slack.unresolvedUsers.size) {
			const ids = [...slack.unresolvedUsers].sort();
			const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? `, … (${ids.length} in all)` : '');
			problems.push(
				artefactProblem(folders.join(', '), `${users ? 'users.json does not name' : 'the Slack export has no users.json, so these user ids stay ids'}: ${shown}`, {
					level: 'warning',
				}),
			);
		}
	}

	// Notes' times without a date are on the incident's day: that of the earliest other event.
	const earliest = events.reduce<string | undefined>((min, e) => (min === undefined || e.at < min ? e.at : min), undefined);
	const day = earliest ? dayInZone(Date.parse(earliest), timeZone) : undefined;
	for (const { path, text } of notes) {
		const result = notesEvents(text, { file: path, timeZone, day });
		events.push(...result.events);
		problems.push(...result.problems);
		counted.get(path)!.events = result.events.length;
		if (result.events.length === 0 && result.problems.length === 0) problems.push(artefactProblem(path, 'has no line that starts with a time', { level: 'warning' }));
	}

	const redactions = emptyRedactionCount();
	const merged = mergeEvents(redactEvents(events, redactions));
	const farOutside = farOutsideWarnings(merged);
	problems.push(...farOutside);
	// A finding may quote a value from the file; it is printed, so it is redacted too.
	for (const p of problems) p.message = redactText(p.message, redactions);
	return {
		events: merged,
		files,
		errors: problems.filter((p) => p.level === 'error'),
		warnings: problems.filter((p) => p.level === 'warning'),
		farOutside,
		redactions,
	};
}
