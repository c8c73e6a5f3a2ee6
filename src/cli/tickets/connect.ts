import type { TrackerConfig } from '../../schemas/config.ts';
import { githubTracker } from './github-tracker.ts';
import { jiraTracker } from './jira-tracker.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import type { TrackerClient } from './tracker.ts';

/** A client for the tracker with the environment's credentials, the secrets to keep out of output, or what is missing. */
export type Connection = { ok: true; client: TrackerClient; secrets: string[]; jiraHost?: string } | { ok: false; missing: string[]; jiraHost?: string };

/** Credentials come from the environment only, never from files or arguments. */
export function connect(tracker: TrackerConfig, env: NodeJS.ProcessEnv, rateLimit?: RateLimitOptions): Connection {
	if (tracker.kind === 'github') {
		const token = env.GITHUB_TOKEN?.trim();
		if (!token) return { ok: false, missing: ['GITHUB_TOKEN'] };
		return { ok: true, client: githubTracker(tracker, { token, baseUrl: env.GITHUB_API_URL?.trim() || undefined, rateLimit }), secrets: [token] };
	}
	const host = env.JIRA_HOST?.trim();
	const email = env.JIRA_EMAIL?.trim();
	const apiToken = env.JIRA_API_TOKEN?.trim();
	const missing = [!host && 'JIRA_HOST', !email && 'JIRA_EMAIL', !apiToken && 'JIRA_API_TOKEN'].filter((x): x is string => Boolean(x));
	if (missing.length || !host || !email || !apiToken) return { ok: false, missing, jiraHost: host };
	if (!/^https?:\/\/[^/]+/.test(host)) return { ok: false, missing: ['JIRA_HOST (a URL such as https://acme.atlassian.net)'], jiraHost: host };
	return { ok: true, client: jiraTracker(tracker, { host, email, apiToken, rateLimit }), secrets: [apiToken], jiraHost: host };
}
