import type { ActionItem, Priority } from '../../schemas/action-item.ts';
import type { ArchiveConfig, TrackerConfig } from '../../schemas/config.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import { absoluteUrl } from '../routing/site-url.ts';
import { escapeMarkdown } from '../format/markdown.ts';
import { paths } from '../routing/urls.ts';
import { personFor } from '../people/lookup.ts';
import { bodyMarker, jiraMarkerLabel, MARKER_LABEL } from './marker.ts';

/** A postmortem as the ticket tools see it: where it is, its slug and its data. */
export interface TicketSource {
	/** The file, as shown to people. */
	file: string;
	slug: string;
	data: Postmortem;
}

/** What to file for one action item, in tracker-neutral terms. */
export interface TicketDraft {
	itemId: string;
	file: string;
	slug: string;
	/** The ticket's title: `OPS-201: Autoscale queue consumers` (at most 250 characters). */
	title: string;
	/** GitHub-flavoured Markdown body, ending with the hidden marker. */
	markdown: string;
	/** Jira's description, in Atlassian Document Format. */
	adf: AdfDoc;
	labels: string[];
	priority: Priority;
	/** The tracker's priority name (Jira), when mapped. */
	trackerPriority?: string;
	due: string;
	owner: string;
	/** GitHub login or Jira account id, from the `people` map; undefined when unmapped. */
	assignee?: string;
	/** The postmortem page. */
	pageUrl: string;
}

const TITLE_MAX = 250;

function ticketTitle(item: ActionItem): string {
	const title = `${item.id}: ${item.title.replace(/\s+/g, ' ').trim()}`;
	const chars = [...title];
	return chars.length <= TITLE_MAX ? title : `${chars.slice(0, TITLE_MAX - 1).join('')}…`;
}

/** Whether an item needs a ticket: no `ticket` yet, still to do, in a postmortem that is published (or in review, when asked). */
export function needsTicket(item: ActionItem, data: Postmortem, includeReview: boolean): boolean {
	if (item.ticket) return false;
	if (item.status === 'done' || item.status === 'wont-do') return false;
	return data.status === 'published' || (includeReview && data.status === 'review');
}

/** The action items to file, in archive order (file by file, item by item). */
export function itemsToFile(sources: ReadonlyArray<TicketSource>, includeReview: boolean): Array<{ source: TicketSource; item: ActionItem }> {
	return sources.flatMap((source) => source.data.actionItems.filter((item) => needsTicket(item, source.data, includeReview)).map((item) => ({ source, item })));
}

/** Everything one ticket is made from. */
export function ticketDraft(source: TicketSource, item: ActionItem, tracker: TrackerConfig, config: Pick<ArchiveConfig, 'site' | 'people'>): TicketDraft {
	const pageUrl = absoluteUrl(config.site, paths.postmortem(source.slug));
	const person = personFor(config.people, item.owner);
	const { data } = source;
	const incident = data.incident ? `, ${data.incident}` : '';
	const severityLabel = `severity:${data.severity}`;
	const priorityLabel = `priority:${item.priority}`;
	const labels =
		tracker.kind === 'github'
			? unique([...tracker.labels, MARKER_LABEL, severityLabel, priorityLabel])
			: unique([...tracker.labels, MARKER_LABEL, jiraMarkerLabel(item.id), `severity-${data.severity}`, `priority-${item.priority}`]);
	const markdown = [
		`Action item **${escapeMarkdown(item.id)}** from the postmortem [${escapeMarkdown(data.title)}](${pageUrl}) (${data.severity}${escapeMarkdown(incident)}).`,
		'',
		`- **Priority:** ${item.priority}`,
		`- **Due:** ${item.due}`,
		`- **Owner:** \`${item.owner.replace(/`/g, "'")}\``,
		...(item.rationale ? ['', `**Why:** ${escapeMarkdown(item.rationale)}`] : []),
		'',
		'Closing this issue marks the action item done in the archive (closed as not planned: won\'t do) at the next `npm run tickets -- --sync`.',
		'',
		bodyMarker(item.id),
		'',
	].join('\n');
	return {
		itemId: item.id,
		file: source.file,
		slug: source.slug,
		title: ticketTitle(item),
		markdown,
		adf: jiraDescription(item, data, pageUrl),
		labels,
		priority: item.priority,
		trackerPriority: tracker.kind === 'jira' ? tracker.priorities[item.priority] || undefined : undefined,
		due: item.due,
		owner: item.owner,
		assignee: tracker.kind === 'github' ? person?.github : person?.jira,
		pageUrl,
	};
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}

/** Atlassian Document Format, the rich-text shape of Jira Cloud's v3 API. */
export interface AdfDoc {
	type: 'doc';
	version: 1;
	content: AdfNode[];
}
type AdfNode = { type: string; text?: string; content?: AdfNode[]; marks?: Array<{ type: string; attrs?: Record<string, string> }>; attrs?: Record<string, unknown> };

const text = (t: string, marks?: AdfNode['marks']): AdfNode => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });

function jiraDescription(item: ActionItem, data: Postmortem, pageUrl: string): AdfDoc {
	const bullet = (label: string, value: string): AdfNode => ({ type: 'listItem', content: [paragraph(text(`${label}: `, [{ type: 'strong' }]), text(value))] });
	return {
		type: 'doc',
		version: 1,
		content: [
			paragraph(
				text(`Action item ${item.id} from the postmortem `),
				text(data.title, [{ type: 'link', attrs: { href: pageUrl } }]),
				text(` (${data.severity}${data.incident ? `, ${data.incident}` : ''}).`),
			),
			{ type: 'bulletList', content: [bullet('Priority', item.priority), bullet('Due', item.due), bullet('Owner', item.owner)] },
			...(item.rationale ? [paragraph(text('Why: ', [{ type: 'strong' }]), text(item.rationale))] : []),
			paragraph(text("Resolving this issue marks the action item done in the archive (resolved as Won't Do: won't do) at the next ticket sync.")),
			paragraph(text(`${MARKER_LABEL}: ${item.id}`, [{ type: 'code' }])),
		],
	};
}
