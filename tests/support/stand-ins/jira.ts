import { startStandIn, type StandIn } from './http.ts';

/**
 * A loopback stand-in for the Jira Cloud platform REST API v3 endpoints the
 * tickets command uses, in their documented shapes (developer.atlassian.com/cloud/
 * jira/platform/rest/v3): create issue (POST /rest/api/3/issue → 201 {id, key, self}),
 * enhanced JQL search (POST /rest/api/3/search/jql → {issues, isLast, nextPageToken}),
 * bulk fetch (POST /rest/api/3/issue/bulkfetch → {issues, issueErrors}); basic auth
 * with email and API token, 401 otherwise. The JQL it understands is the tool's own:
 * `project = "KEY" AND labels in ("a", "b")`.
 */

export interface JiraIssue {
	id: string;
	key: string;
	fields: {
		summary: string;
		labels: string[];
		duedate?: string;
		priority?: { name: string };
		assignee?: { accountId: string };
		description?: unknown;
		status: { name: string; statusCategory: { key: 'new' | 'indeterminate' | 'done'; name: string } };
		resolution: { name: string } | null;
		resolutiondate: string | null;
	};
}

export interface JiraStandIn extends StandIn {
	issues: JiraIssue[];
	resolve(key: string, resolution: string, at: string): void;
	reopen(key: string): void;
}

const OPEN = { name: 'To Do', statusCategory: { key: 'new' as const, name: 'To Do' } };

export async function startJira(project: string, email: string, apiToken: string): Promise<JiraStandIn> {
	const issues: JiraIssue[] = [];
	let base = '';
	const shape = (i: JiraIssue, fields?: string[]) => ({
		id: i.id,
		key: i.key,
		self: `${base}/rest/api/3/issue/${i.id}`,
		fields: fields ? Object.fromEntries(Object.entries(i.fields).filter(([k]) => fields.includes(k))) : i.fields,
	});
	const expected = `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
	const standIn = await startStandIn((req, url) => {
		if (req.headers.authorization !== expected) return { status: 401, body: 'Client must be authenticated to access this resource.' };
		const input = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
		if (req.method === 'POST' && url.pathname === '/rest/api/3/issue') {
			const fields = input.fields as Record<string, unknown> & { project?: { key?: string }; summary?: string; labels?: string[] };
			if (fields.project?.key !== project) return { status: 400, body: { errorMessages: [], errors: { project: 'valid project is required' } } };
			if (!fields.summary) return { status: 400, body: { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } } };
			const n = issues.length + 1;
			const issue: JiraIssue = {
				id: String(10000 + n),
				key: `${project}-${n}`,
				fields: {
					summary: fields.summary,
					labels: fields.labels ?? [],
					duedate: fields.duedate as string | undefined,
					priority: fields.priority as { name: string } | undefined,
					assignee: fields.assignee as { accountId: string } | undefined,
					description: fields.description,
					status: OPEN,
					resolution: null,
					resolutiondate: null,
				},
			};
			issues.push(issue);
			return { status: 201, body: { id: issue.id, key: issue.key, self: `${base}/rest/api/3/issue/${issue.id}` } };
		}
		if (req.method === 'POST' && url.pathname === '/rest/api/3/search/jql') {
			const jql = String(input.jql ?? '');
			const inProject = new RegExp(`project = "${project}"`).test(jql);
			const labelList = /labels in \(([^)]*)\)/.exec(jql)?.[1] ?? '';
			const labels = [...labelList.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
			const found = inProject ? issues.filter((i) => i.fields.labels.some((l) => labels.includes(l))) : [];
			return { status: 200, body: { issues: found.map((i) => shape(i, input.fields as string[] | undefined)), isLast: true } };
		}
		if (req.method === 'POST' && url.pathname === '/rest/api/3/issue/bulkfetch') {
			const wanted = (input.issueIdsOrKeys as string[]) ?? [];
			const found = issues.filter((i) => wanted.includes(i.key));
			return { status: 200, body: { issues: found.map((i) => shape(i, input.fields as string[] | undefined)), issueErrors: [] } };
		}
		return undefined;
	});
	base = standIn.url;
	const find = (key: string) => issues.find((i) => i.key === key)!;
	return {
		...standIn,
		issues,
		resolve(key, resolution, at) {
			Object.assign(find(key).fields, { status: { name: 'Done', statusCategory: { key: 'done', name: 'Done' } }, resolution: { name: resolution }, resolutiondate: at });
		},
		reopen(key) {
			Object.assign(find(key).fields, { status: { name: 'Reopened', statusCategory: { key: 'new', name: 'To Do' } }, resolution: null, resolutiondate: null });
		},
	};
}
