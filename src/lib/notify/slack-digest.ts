import type { ArchiveConfig } from '../../schemas/config.ts';
import { rollUpByOwner, type AgedItem } from '../aging/aged-items.ts';
import { daysLabel } from '../aging/labels.ts';
import { formatDay } from '../format/dates.ts';
import { viewPaths } from '../aging/views.ts';
import { actionItemRecord, type ExportContext } from '../exports/action-record.ts';
import { absoluteUrl } from '../routing/site-url.ts';
import { personFor } from '../people/lookup.ts';
import { countOf } from '../format/labels.ts';

/**
 * The overdue digest as a Slack message (Block Kit): a header, one section per
 * owner with the owner mentioned through the config's `people` map, each item
 * linked to its ticket and its postmortem, and a link to the aging page. Pure:
 * the items, the day and the links are passed in. Slack's limits are kept: at
 * most 50 blocks, 3000 characters a section, 150 a header.
 */

export interface SlackMessage {
	/** The notification and fallback text. */
	text: string;
	blocks: Array<Record<string, unknown>>;
}

export interface DigestInput {
	asOf: string;
	timeZone: string;
	/** The items to post (the overdue ones, or all open ones with --all), most overdue first. */
	listed: ReadonlyArray<AgedItem>;
	overdue: number;
	overdueUrgent: number;
	/** Owner handle → the slug of their page on the site (`viewSlugs` of every owner). */
	ownerSlugs: ReadonlyMap<string, string>;
}

const SECTION_MAX = 3000;
const MAX_OWNER_SECTIONS = 45;

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const link = (url: string, label: string) => `<${url.replace(/[|>]/g, encodeURIComponent)}|${escapeMrkdwn(label)}>`;

/** How an owner is mentioned: a Slack member (`<@U…>`) or user group (`<!subteam^S…>`) from `people`, else the handle as text. */
export function ownerMention(owner: string, people: ArchiveConfig['people']): string {
	const slack = personFor(people, owner)?.slack;
	if (!slack) return `*${escapeMrkdwn(owner)}*`;
	return slack.startsWith('S') ? `<!subteam^${slack}> (${escapeMrkdwn(owner)})` : `<@${slack}> (${escapeMrkdwn(owner)})`;
}

export function slackDigest(input: DigestInput, ctx: ExportContext & { people: ArchiveConfig['people'] }): SlackMessage {
	const actionsUrl = absoluteUrl(ctx.site, viewPaths.all());
	const urgent = input.overdueUrgent ? ` (${input.overdueUrgent} P0/P1)` : '';
	const headline = `${countOf(input.overdue, 'overdue action item')}${urgent}`;
	const text = `${headline} as of ${formatDay(input.asOf)} (${input.timeZone})`;
	const blocks: SlackMessage['blocks'] = [
		{ type: 'header', text: { type: 'plain_text', text: headline.slice(0, 150), emoji: false } },
		{ type: 'context', elements: [{ type: 'mrkdwn', text: `As of ${formatDay(input.asOf)} (${escapeMrkdwn(input.timeZone)}) · ${link(actionsUrl, 'all action items')}` }] },
	];
	const owners = rollUpByOwner(input.listed);
	for (const [n, owner] of owners.entries()) {
		if (n === MAX_OWNER_SECTIONS) {
			const rest = owners.length - n;
			blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `…and ${countOf(rest, 'more owner')}: ${link(actionsUrl, 'see the action items page')}` } });
			break;
		}
		const slug = input.ownerSlugs.get(owner.key);
		const ownerPage = slug ? ` · ${link(absoluteUrl(ctx.site, viewPaths.owner(slug)), 'their list')}` : '';
		const head = `${ownerMention(owner.key, ctx.people)}: ${owner.overdue} overdue${ownerPage}`;
		const lines: string[] = [];
		const items = input.listed.filter((a) => a.item.owner === owner.key);
		let length = head.length;
		for (const [k, a] of items.entries()) {
			const r = actionItemRecord(a, ctx);
			const id = r.ticket ? link(r.ticket, r.id) : escapeMrkdwn(r.id);
			const days = daysLabel(a.state, a.daysOverdue, a.daysLeft);
			const line = `• ${id} ${r.priority} ${escapeMrkdwn(r.title)}: ${a.state === 'overdue' ? `*${days}*` : days}, due ${r.due} · ${link(r.incident.url, r.incident.title)} (${r.incident.severity})`;
			const more = `\n…and ${items.length - k} more`;
			if (length + line.length + 1 + more.length > SECTION_MAX) {
				lines.push(more.trim());
				break;
			}
			lines.push(line);
			length += line.length + 1;
		}
		blocks.push({ type: 'section', text: { type: 'mrkdwn', text: [head, ...lines].join('\n') } });
	}
	return { text, blocks };
}
