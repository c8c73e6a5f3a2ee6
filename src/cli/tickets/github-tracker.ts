import { Octokit } from '@octokit/rest';
import type { TrackerConfig } from '../../schemas/config.ts';
import { itemIdInBody, MARKER_LABEL } from '../../lib/tickets/marker.ts';
import { githubState, type RemoteState } from '../../lib/tickets/sync.ts';
import type { TicketDraft } from '../../lib/tickets/ticket-draft.ts';
import type { TicketRef } from '../../lib/tickets/ticket-ref.ts';
import { defaultRateLimitOptions, retryAfterMs, withRateLimit, type RateLimitOptions } from './rate-limit.ts';
import { refKey, type TrackerClient } from './tracker.ts';
import { serverSaid, TrackerError } from './tracker-error.ts';

type GithubTracker = Extract<TrackerConfig, { kind: 'github' }>;

interface RequestFailure {
	status?: number;
	response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** GitHub's rate limits: `retry-after`, or an exhausted budget with its reset time. */
function githubWait(error: unknown): number | undefined {
	const e = error as RequestFailure;
	if (e.status !== 403 && e.status !== 429) return undefined;
	const headers = e.response?.headers ?? {};
	const after = retryAfterMs(headers['retry-after']);
	if (after !== undefined) return after;
	if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset']) return Math.max(0, Number(headers['x-ratelimit-reset']) * 1000 - Date.now()) + 1000;
	return e.status === 429 ? 60_000 : undefined;
}

/** Turns an Octokit failure into a message that says what to check. */
function githubError(error: unknown, repo: string, what: string): TrackerError {
	const e = error as RequestFailure & { message?: string };
	const said = serverSaid(e.response?.data) || e.message || String(error);
	// Octokit reports a failed connection as a 500 without a response.
	if (e.status === undefined || !e.response) return new TrackerError(`could not reach GitHub while ${what} (${said}); check GITHUB_API_URL and the network`, undefined, true);
	switch (e.status) {
		case 401:
			return new TrackerError(`GitHub rejected the credentials (401 ${said}) while ${what}: check GITHUB_TOKEN (set, not expired, not revoked)`, 401, true);
		case 403:
		case 429:
			if (githubWait(error) !== undefined) return new TrackerError(`GitHub kept rate-limiting the requests (${e.status}) while ${what}; run again later`, e.status, true);
			return new TrackerError(
				`GitHub refused (403 ${said}) while ${what}: GITHUB_TOKEN needs Issues: read and write on ${repo} (see docs/action-items.md)`,
				403,
				true,
			);
		case 404:
			return new TrackerError(`GitHub answered 404 while ${what}: check the repository ${repo}, and that GITHUB_TOKEN can see it`, 404, false);
		default:
			return new TrackerError(`GitHub answered ${e.status} (${said}) while ${what}`, e.status, false);
	}
}

export interface GithubTrackerOptions {
	token: string;
	/** GITHUB_API_URL; https://api.github.com when unset. */
	baseUrl?: string;
	rateLimit?: RateLimitOptions;
}

/** GitHub Issues through Octokit. */
export function githubTracker(tracker: GithubTracker, options: GithubTrackerOptions): TrackerClient {
	const [owner, repo] = tracker.repo.split('/') as [string, string];
	const octokit = new Octokit({
		auth: options.token,
		baseUrl: (options.baseUrl || 'https://api.github.com').replace(/\/+$/, ''),
		userAgent: 'postmortem-archive-tickets',
		// Octokit's own logging could print request details; this tool reports for itself.
		log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
	});
	const limits = options.rateLimit ?? defaultRateLimitOptions;
	const call = async <T>(what: string, op: () => Promise<T>): Promise<T> => {
		try {
			return await withRateLimit(op, githubWait, limits);
		} catch (error) {
			throw githubError(error, tracker.repo, what);
		}
	};

	type Listed = { number: number; html_url: string; body?: string | null; state: string; state_reason?: string | null; closed_at: string | null; pull_request?: unknown };
	let listing: Promise<Listed[]> | undefined;
	/** Every issue carrying the marker label, open and closed, 100 a page: one pass serves both the guard and sync. */
	const markedIssues = () => {
		listing ??= (async () => {
			const all: Listed[] = [];
			for (let page = 1; ; page++) {
				const { data } = await call(`listing the issues labelled ${MARKER_LABEL}`, () =>
					octokit.rest.issues.listForRepo({ owner, repo, labels: MARKER_LABEL, state: 'all', per_page: 100, page }),
				);
				all.push(...(data as Listed[]).filter((i) => !i.pull_request));
				if (data.length < 100) return all;
			}
		})();
		return listing;
	};

	return {
		name: `GitHub ${tracker.repo}`,
		async findFiled(itemIds) {
			const wanted = new Set(itemIds);
			const found = new Map<string, string>();
			for (const issue of await markedIssues()) {
				const id = itemIdInBody(issue.body);
				if (id && wanted.has(id) && !found.has(id)) found.set(id, issue.html_url);
			}
			return found;
		},
		async create(draft: TicketDraft) {
			const { data } = await call(`filing ${draft.itemId}`, () =>
				octokit.rest.issues.create({
					owner,
					repo,
					title: draft.title,
					body: draft.markdown,
					labels: draft.labels,
					...(draft.assignee ? { assignees: [draft.assignee] } : {}),
				}),
			);
			const labels = (data.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name));
			const warning = labels.includes(MARKER_LABEL)
				? undefined
				: `GitHub did not apply the labels to ${data.html_url} (the token may lack Issues: write); add the ${MARKER_LABEL} label by hand, or a later run cannot find this ticket`;
			return { url: data.html_url, warning };
		},
		async readStates(refs: ReadonlyArray<TicketRef>) {
			const states = new Map<string, RemoteState | TrackerError>();
			const known = new Map((await markedIssues()).map((i) => [i.number, i]));
			for (const ref of refs) {
				if (ref.kind !== 'github') continue;
				let issue: { state: string; state_reason?: string | null; closed_at?: string | null } | undefined = known.get(ref.number);
				if (!issue) {
					// Linked by hand, without the marker label: read it alone (serially, as GitHub asks of clients).
					try {
						issue = (await call(`reading issue #${ref.number}`, () => octokit.rest.issues.get({ owner, repo, issue_number: ref.number }))).data;
					} catch (error) {
						if (error instanceof TrackerError && error.fatal) throw error;
						states.set(refKey(ref), error as TrackerError);
						continue;
					}
				}
				states.set(refKey(ref), githubState(issue));
			}
			return states;
		},
	};
}
