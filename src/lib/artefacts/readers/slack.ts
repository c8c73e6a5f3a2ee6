import type { ArtefactEvent } from '../../../schemas/artefact-event.ts';
import { artefactProblem, atFromEpoch, describeValue, isRecord, nestedText, oneLine, textOf, type ReaderResult } from '../reader-kit.ts';

/**
 * A Slack workspace or channel export (Settings → Import/export data): one
 * folder per channel of `YYYY-MM-DD.json` message arrays, and `users.json`
 * (plus `channels.json` and friends) beside the folders. Joins and leaves are
 * dropped; bot messages are kept under the bot's name; thread replies are kept
 * with their parent's ref.
 */

/** A parsed daily file of one channel. */
export interface SlackDayFile {
	/** Relative to the artefact folder, e.g. `slack/incident/2026-07-22.json`. */
	file: string;
	data: unknown;
}

/** Slack user ids (`U024BE7LH`) to the names people know. */
export type SlackUserNames = ReadonlyMap<string, string>;

const DROPPED_SUBTYPES = new Set(['channel_join', 'channel_leave', 'group_join', 'group_leave']);

/** Whether parsed JSON is a channel's daily message array. */
export function isSlackMessages(data: unknown): boolean {
	return Array.isArray(data) && data.length > 0 && data.slice(0, 5).every((m) => isRecord(m) && typeof m.ts === 'string' && (m.type === 'message' || 'text' in m));
}

/** Whether parsed JSON is the export's `users.json`. */
export function isSlackUsers(data: unknown): boolean {
	return Array.isArray(data) && data.length > 0 && data.slice(0, 5).every((u) => isRecord(u) && typeof u.id === 'string' && typeof u.name === 'string' && ('profile' in u || 'real_name' in u || 'is_bot' in u));
}

/**
 * Whether parsed JSON is another file of a Slack export that holds no events:
 * `channels.json`, `groups.json`, `mpims.json`, `dms.json` (conversations with
 * `created`) or `integration_logs.json`.
 */
export function isSlackMetadata(data: unknown): boolean {
	if (isRecord(data)) return Array.isArray(data.logs) && data.logs.slice(0, 5).every((l) => isRecord(l) && ('service_id' in l || 'app_id' in l || 'change_type' in l));
	return Array.isArray(data) && data.length > 0 && data.slice(0, 5).every((c) => isRecord(c) && typeof c.id === 'string' && typeof c.created === 'number' && ('members' in c || 'name' in c));
}

/** The names in `users.json`: the real name, else the display name, else the handle. */
export function slackUserNames(data: unknown): Map<string, string> {
	const names = new Map<string, string>();
	for (const u of Array.isArray(data) ? data : []) {
		if (!isRecord(u) || typeof u.id !== 'string') continue;
		const name = textOf(u.real_name) ?? nestedText(u.profile, 'real_name', 'display_name') ?? textOf(u.name);
		if (name) names.set(u.id, name);
	}
	return names;
}

/** The seconds part of a Slack `ts` as a UTC day, `YYYY-MM-DD`, for a parent in a file not given. */
function dayOfTs(ts: string): string {
	return new Date(Math.floor(Number(ts)) * 1000).toISOString().slice(0, 10);
}

/**
 * Slack's mrkdwn as plain text: `<@U123>` → `@Name`, `<#C1|incident>` → `#incident`,
 * `<https://x|label>` → `label`, `<!here>` → `@here`, and the three escaped characters.
 */
export function slackPlainText(text: string, nameOf: (id: string) => string): string {
	if (!text.includes('<') && !text.includes('&')) return text;
	return text
		.replace(/<([^<>]+)>/g, (_, inner: string) => {
			const [target = '', label] = inner.split('|', 2);
			if (target.startsWith('@')) return `@${label ?? nameOf(target.slice(1))}`;
			if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
			if (target.startsWith('!subteam^')) return label ?? '@team';
			if (target.startsWith('!')) return `@${label ?? target.slice(1).replace(/\^.*$/, '')}`;
			return label ?? target;
		})
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** A message's own text, or its attachments' (bots such as the PagerDuty app post attachments). */
function messageText(m: Record<string, unknown>): string {
	const own = textOf(m.text);
	if (own) return own;
	const parts: string[] = [];
	for (const a of Array.isArray(m.attachments) ? m.attachments : []) {
		if (!isRecord(a)) continue;
		const t = textOf(a.fallback) ?? [textOf(a.pretext), textOf(a.title), textOf(a.text)].filter(Boolean).join(' ');
		if (t) parts.push(t);
	}
	for (const f of Array.isArray(m.files) ? m.files : []) {
		const t = nestedText(f, 'title', 'name');
		if (t) parts.push(`(file: ${t})`);
	}
	return parts.join(' ');
}

export interface SlackResult extends ReaderResult {
	/** User ids that no `users.json` (nor the message's own profile) named; they stay ids. */
	unresolvedUsers: Set<string>;
}

/**
 * Events from the daily files of a Slack export (any channels). `users` is the
 * export's `users.json`, or undefined when the export has none.
 */
export function slackEvents(files: SlackDayFile[], users: SlackUserNames | undefined): SlackResult {
	const events: ArtefactEvent[] = [];
	const problems: ReaderResult['problems'] = [];
	const unresolvedUsers = new Set<string>();
	const nameOf = (id: string) => {
		const name = users?.get(id);
		if (name) return name;
		unresolvedUsers.add(id);
		return id;
	};
	// Where each message lives, so a reply names its parent's file (threads cross midnight).
	const fileOfTs = new Map<string, string>();
	const channelOf = (file: string) => file.slice(0, Math.max(0, file.lastIndexOf('/')));
	const wanted = new Set<string>();
	for (const { file, data } of files) {
		for (const m of Array.isArray(data) ? data : []) {
			if (isRecord(m) && typeof m.thread_ts === 'string' && m.thread_ts !== m.ts) wanted.add(`${channelOf(file)}\0${m.thread_ts}`);
		}
	}
	for (const { file, data } of files) {
		if (wanted.size === 0) break;
		for (const m of Array.isArray(data) ? data : []) {
			const key = isRecord(m) && typeof m.ts === 'string' ? `${channelOf(file)}\0${m.ts}` : undefined;
			if (key && wanted.has(key)) fileOfTs.set(key, file);
		}
	}
	for (const { file, data } of files) {
		const channel = channelOf(file);
		(Array.isArray(data) ? data : []).forEach((m, i) => {
			if (!isRecord(m)) {
				problems.push(artefactProblem(file, 'is not a message (an object with ts and text)', { path: `[${i}]` }));
				return;
			}
			if (typeof m.subtype === 'string' && DROPPED_SUBTYPES.has(m.subtype)) return;
			const ts = textOf(m.ts);
			const at = atFromEpoch(ts, 'seconds');
			if (!ts || !at) {
				problems.push(artefactProblem(file, `ts ${describeValue(m.ts)} (epoch seconds, e.g. "1753150440.000100")`, { path: `[${i}]` }));
				return;
			}
			const bot = m.subtype === 'bot_message' || typeof m.bot_id === 'string';
			const userId = textOf(m.user);
			const actor = bot
				? (nestedText(m.bot_profile, 'name') ?? textOf(m.username) ?? textOf(m.bot_id) ?? null)
				: userId
					? (users?.get(userId) ?? nestedText(m.user_profile, 'real_name', 'display_name') ?? nameOf(userId))
					: (textOf(m.username) ?? null);
			const text = oneLine(slackPlainText(messageText(m), nameOf));
			if (!text) return;
			const threadTs = textOf(m.thread_ts);
			const parent =
				threadTs && threadTs !== ts ? `${fileOfTs.get(`${channel}\0${threadTs}`) ?? `${channel ? `${channel}/` : ''}${dayOfTs(threadTs)}.json`}#${threadTs}` : undefined;
			events.push({
				at,
				source: 'slack',
				ref: `${file}#${ts}`,
				actor,
				text,
				kind: 'message',
				...(parent ? { parent } : {}),
			});
		});
	}
	return { events, problems, unresolvedUsers };
}
