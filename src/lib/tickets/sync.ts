import type { ActionItem } from '../../schemas/action-item.ts';
import { calendarDateIn } from '../format/dates.ts';
import type { ItemEdit } from '../frontmatter/action-item-edit.ts';

/**
 * Ticket sync, as pure decisions: a ticket's state in the tracker, and what that
 * means for the action item's `status` and `completedOn`.
 */

/** A ticket's state, tracker-neutral. `closedAt` is the instant it was closed or resolved. */
export type RemoteState = { state: 'open' } | { state: 'done' | 'wont-do'; closedAt: Date | undefined };

/** GitHub: closed as completed → done; closed as not planned (or duplicate) → won't do; open or reopened → open. */
export function githubState(issue: { state: string; state_reason?: string | null; closed_at?: string | null }): RemoteState {
	if (issue.state !== 'closed') return { state: 'open' };
	const closedAt = issue.closed_at ? new Date(issue.closed_at) : undefined;
	const notDone = issue.state_reason === 'not_planned' || issue.state_reason === 'duplicate';
	return { state: notDone ? 'wont-do' : 'done', closedAt };
}

/** Resolutions Jira teams use for work that will not be done. */
const WONT_DO_RESOLUTIONS = /^(won'?t (do|fix)|not planned|declined|duplicate|cannot reproduce|obsolete|rejected|abandoned)$/i;

/**
 * Jira: an issue in the Done status category is closed; its resolution says how
 * (Done, Fixed → done; Won't Do, Declined, Duplicate… → won't do); any other category is open.
 */
export function jiraState(fields: {
	status?: { statusCategory?: { key?: string } } | null;
	resolution?: { name?: string } | null;
	resolutiondate?: string | null;
	statuscategorychangedate?: string | null;
}): RemoteState {
	if (fields.status?.statusCategory?.key !== 'done') return { state: 'open' };
	const when = fields.resolutiondate ?? fields.statuscategorychangedate;
	const closedAt = when ? new Date(when) : undefined;
	const wontDo = WONT_DO_RESOLUTIONS.test(fields.resolution?.name?.trim() ?? '');
	return { state: wontDo ? 'wont-do' : 'done', closedAt: closedAt && !Number.isNaN(closedAt.getTime()) ? closedAt : undefined };
}

/** One fix of drift between a file and its ticket. */
export interface SyncChange {
	itemId: string;
	from: { status: string; completedOn?: string };
	to: { status: string; completedOn?: string };
	edit: ItemEdit;
}

/**
 * What the item should become given its ticket, or undefined when they agree.
 * Closed tickets close the item on the day they closed (in the config's time zone,
 * `today` when the tracker did not say); a reopened ticket reopens a closed item.
 * An `in-progress` item with an open ticket stays as it is, and a closed item whose
 * ticket closed the same way keeps its own `completedOn`.
 */
export function syncChange(item: ActionItem, remote: RemoteState, timeZone: string, today: string): SyncChange | undefined {
	const from = { status: item.status, ...(item.completedOn ? { completedOn: item.completedOn } : {}) };
	const closed = item.status === 'done' || item.status === 'wont-do';
	if (remote.state === 'open') {
		if (!closed) return undefined;
		return { itemId: item.id, from, to: { status: 'open' }, edit: { set: { status: 'open' }, remove: ['completedOn'] } };
	}
	if (item.status === remote.state) return undefined;
	const completedOn = remote.closedAt ? calendarDateIn(remote.closedAt, timeZone) : today;
	return { itemId: item.id, from, to: { status: remote.state, completedOn }, edit: { set: { status: remote.state, completedOn } } };
}

/** `open → done (2026-11-20)` for reports. */
export function describeChange(change: SyncChange): string {
	const side = (s: { status: string; completedOn?: string }) => (s.completedOn ? `${s.status} (${s.completedOn})` : s.status);
	return `${side(change.from)} → ${side(change.to)}`;
}
