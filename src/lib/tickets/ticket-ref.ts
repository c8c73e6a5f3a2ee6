import type { TrackerConfig } from '../../schemas/config.ts';

/**
 * Which of the configured tracker's tickets a `ticket:` URL names. GitHub issue
 * pages are `https://<web host>/<owner>/<repo>/issues/<n>` (github.com, or a GitHub
 * Enterprise host); Jira's are `https://<site>/browse/<KEY-123>`. URLs of other
 * trackers are left alone.
 */
export type TicketRef = { kind: 'github'; number: number } | { kind: 'jira'; key: string };

/** The ticket a URL names in `tracker`, or undefined when it is not one of its tickets. `jiraHost` is JIRA_HOST. */
export function ticketRef(url: string, tracker: TrackerConfig, jiraHost?: string): TicketRef | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	if (tracker.kind === 'github') {
		const m = /^\/([^/]+)\/([^/]+)\/issues\/(\d+)\/?$/.exec(parsed.pathname);
		if (!m || `${m[1]}/${m[2]}`.toLowerCase() !== tracker.repo.toLowerCase()) return undefined;
		return { kind: 'github', number: Number(m[3]) };
	}
	const m = /^\/browse\/([A-Z][A-Z0-9_]+-\d+)\/?$/.exec(parsed.pathname);
	if (!m || !jiraHost) return undefined;
	let host: string;
	try {
		host = new URL(jiraHost).host;
	} catch {
		return undefined;
	}
	return parsed.host === host ? { kind: 'jira', key: m[1]! } : undefined;
}

/** The browse URL of a Jira issue: `<JIRA_HOST>/browse/KEY-1`. */
export function jiraBrowseUrl(jiraHost: string, key: string): string {
	return `${jiraHost.replace(/\/+$/, '')}/browse/${key}`;
}
