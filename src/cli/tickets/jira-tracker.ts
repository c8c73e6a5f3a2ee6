import { createCloudClient } from 'jira.js';
import type { TrackerConfig } from '../../schemas/config.ts';
import { itemIdInJiraLabel, jiraMarkerLabel } from '../../lib/tickets/marker.ts';
import { jiraState, type RemoteState } from '../../lib/tickets/sync.ts';
import type { TicketDraft } from '../../lib/tickets/ticket-draft.ts';
import { jiraBrowseUrl, type TicketRef } from '../../lib/tickets/ticket-ref.ts';
import { defaultRateLimitOptions, withRateLimit, type RateLimitOptions } from './rate-limit.ts';
import { refKey, type TrackerClient } from './tracker.ts';
import { serverSaid, TrackerError } from './tracker-error.ts';

type JiraTracker = Extract<TrackerConfig, { kind: 'jira' }>;

interface JiraFailure {
	status?: number;
	body?: unknown;
	retryAfterMs?: number;
	message?: string;
}

/** Jira Cloud answers a rate limit with 429 and `Retry-After` (jira.js reads it into `retryAfterMs`). */
function jiraWait(error: unknown): number | undefined {
	const e = error as JiraFailure;
	if (e.status !== 429) return undefined;
	return e.retryAfterMs ?? 60_000;
}

function jiraError(error: unknown, project: string, what: string): TrackerError {
	const e = error as JiraFailure;
	const said = serverSaid(e.body) || (e.message ?? String(error)).split('\n')[0]!;
	switch (e.status) {
		case undefined:
			return new TrackerError(`could not reach Jira while ${what} (${said}); check JIRA_HOST and the network`, undefined, true);
		case 401:
			return new TrackerError(`Jira rejected the credentials (401) while ${what}: check JIRA_EMAIL and JIRA_API_TOKEN (the token belongs to that account and has not expired), and JIRA_HOST`, 401, true);
		case 403:
			return new TrackerError(`Jira refused (403 ${said}) while ${what}: the account of JIRA_EMAIL needs Browse projects and Create issues in ${project} (see docs/action-items.md)`, 403, true);
		case 429:
			return new TrackerError(`Jira kept rate-limiting the requests (429) while ${what}; run again later`, 429, true);
		case 400:
			return new TrackerError(`Jira refused the request (400 ${said}) while ${what}: check the project key ${project}, the issue type and priority names in postmortems.config.ts`, 400, false);
		default:
			return new TrackerError(`Jira answered ${e.status} (${said}) while ${what}`, e.status, false);
	}
}

export interface JiraTrackerOptions {
	/** JIRA_HOST, e.g. https://acme.atlassian.net */
	host: string;
	email: string;
	apiToken: string;
	rateLimit?: RateLimitOptions;
}

const CHUNK = 50;
const chunks = <T>(list: ReadonlyArray<T>): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
const jqlString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Jira Cloud through jira.js (REST API v3). */
export function jiraTracker(tracker: JiraTracker, options: JiraTrackerOptions): TrackerClient {
	const host = options.host.replace(/\/+$/, '');
	// jira.js retries 502/503/504 itself when asked; one attempt here, rate limits are waited out below.
	const jira = createCloudClient({ host, auth: { type: 'basic', email: options.email, apiToken: options.apiToken }, retry: { maxAttempts: 1 } });
	const limits = options.rateLimit ?? defaultRateLimitOptions;
	const call = async <T>(what: string, op: () => Promise<T>): Promise<T> => {
		try {
			return await withRateLimit(op, jiraWait, limits);
		} catch (error) {
			throw jiraError(error, tracker.project, what);
		}
	};

	return {
		name: `Jira project ${tracker.project}`,
		async findFiled(itemIds) {
			const found = new Map<string, string>();
			const byLabel = new Map(itemIds.map((id) => [jiraMarkerLabel(id), id]));
			for (const labels of chunks([...byLabel.keys()])) {
				let nextPageToken: string | undefined;
				do {
					const page = await call('looking for tickets already filed', () =>
						jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({
							jql: `project = ${jqlString(tracker.project)} AND labels in (${labels.map(jqlString).join(', ')}) ORDER BY key ASC`,
							fields: ['labels'],
							maxResults: 100,
							nextPageToken,
						}),
					);
					for (const issue of page.issues ?? []) {
						for (const label of (issue.fields?.labels as string[] | undefined) ?? []) {
							const id = byLabel.get(label);
							if (id && itemIdInJiraLabel(label) !== undefined && issue.key && !found.has(id)) found.set(id, jiraBrowseUrl(host, issue.key));
						}
					}
					nextPageToken = page.isLast === false && page.nextPageToken ? page.nextPageToken : undefined;
				} while (nextPageToken);
			}
			return found;
		},
		async create(draft: TicketDraft) {
			const created = await call(`filing ${draft.itemId}`, () =>
				jira.issues.createIssue({
					fields: {
						project: { key: tracker.project },
						issuetype: { name: tracker.issueType },
						summary: draft.title,
						description: draft.adf,
						labels: draft.labels,
						duedate: draft.due,
						...(draft.trackerPriority ? { priority: { name: draft.trackerPriority } } : {}),
						...(draft.assignee ? { assignee: { accountId: draft.assignee } } : {}),
					},
				}),
			);
			return { url: jiraBrowseUrl(host, created.key) };
		},
		async readStates(refs: ReadonlyArray<TicketRef>) {
			const states = new Map<string, RemoteState | TrackerError>();
			const keys = refs.flatMap((r) => (r.kind === 'jira' ? [r.key] : []));
			for (const batch of chunks(keys)) {
				let result;
				try {
					result = await call(`reading ${batch.length} issue${batch.length === 1 ? '' : 's'}`, () =>
						jira.issues.bulkFetchIssues({ issueIdsOrKeys: batch, fields: ['status', 'resolution', 'resolutiondate', 'statuscategorychangedate'] }),
					);
				} catch (error) {
					if (error instanceof TrackerError && error.fatal) throw error;
					for (const key of batch) states.set(key, error as TrackerError);
					continue;
				}
				for (const issue of result.issues ?? []) if (issue.key) states.set(issue.key, jiraState((issue.fields ?? {}) as Parameters<typeof jiraState>[0]));
				for (const e of result.issueErrors ?? []) if (e.id && !states.has(e.id)) states.set(e.id, new TrackerError(`Jira could not return ${e.id}: ${e.errorMessage ?? 'no reason given'}`, undefined, false));
				for (const key of batch) {
					if (!states.has(key)) states.set(key, new TrackerError(`Jira has no issue ${key}, or JIRA_EMAIL's account cannot see it`, 404, false));
				}
			}
			return new Map([...states].map(([k, v]) => [refKey({ kind: 'jira', key: k }), v]));
		},
	};
}
