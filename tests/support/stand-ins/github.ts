import { startStandIn, type StandIn } from './http.ts';

/**
 * A loopback stand-in for the GitHub REST API's issue endpoints, answering in the
 * documented shapes (docs.github.com/rest/issues/issues): list repository issues
 * (labels, state, per_page, page), create an issue (201), get an issue, and 401
 * "Bad credentials" for any other token. Issue pages live at github.com, as the
 * real API's `html_url`s do.
 */

export interface GithubIssue {
	number: number;
	title: string;
	body: string | null;
	labels: string[];
	assignees: string[];
	state: 'open' | 'closed';
	state_reason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
	closed_at: string | null;
}

export interface GithubStandIn extends StandIn {
	issues: GithubIssue[];
	htmlUrl(n: number): string;
	close(): Promise<void>;
	closeIssue(n: number, reason: 'completed' | 'not_planned', at: string): void;
	reopenIssue(n: number): void;
}

export async function startGithub(repo: string, token: string): Promise<GithubStandIn> {
	const issues: GithubIssue[] = [];
	const htmlUrl = (n: number) => `https://github.com/${repo}/issues/${n}`;
	const shape = (i: GithubIssue, base: string) => ({
		id: 1000 + i.number,
		node_id: `I_${i.number}`,
		url: `${base}/repos/${repo}/issues/${i.number}`,
		repository_url: `${base}/repos/${repo}`,
		html_url: htmlUrl(i.number),
		number: i.number,
		state: i.state,
		state_reason: i.state_reason,
		title: i.title,
		body: i.body,
		user: { login: 'archive-bot', id: 1, type: 'User' },
		labels: i.labels.map((name, k) => ({ id: k + 1, name, color: 'ededed', default: false })),
		assignee: i.assignees[0] ? { login: i.assignees[0], id: 2, type: 'User' } : null,
		assignees: i.assignees.map((login) => ({ login, id: 2, type: 'User' })),
		comments: 0,
		created_at: '2026-11-01T09:00:00Z',
		updated_at: '2026-11-01T09:00:00Z',
		closed_at: i.closed_at,
		author_association: 'MEMBER',
		locked: false,
	});
	let base = '';
	const standIn = await startStandIn((req, url) => {
		const auth = req.headers.authorization ?? '';
		if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
			return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };
		}
		const prefix = `/repos/${repo}/issues`;
		if (url.pathname === prefix && req.method === 'GET') {
			const label = url.searchParams.get('labels');
			const state = url.searchParams.get('state') ?? 'open';
			const perPage = Number(url.searchParams.get('per_page') ?? 30);
			const page = Number(url.searchParams.get('page') ?? 1);
			const matching = issues
				.filter((i) => (!label || label.split(',').every((l) => i.labels.includes(l))) && (state === 'all' || i.state === state))
				.sort((a, b) => b.number - a.number);
			return { status: 200, body: matching.slice((page - 1) * perPage, page * perPage).map((i) => shape(i, base)) };
		}
		if (url.pathname === prefix && req.method === 'POST') {
			const input = JSON.parse(req.body) as { title?: string; body?: string; labels?: string[]; assignees?: string[] };
			if (!input.title) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }] } };
			const issue: GithubIssue = { number: issues.length + 1, title: input.title, body: input.body ?? null, labels: input.labels ?? [], assignees: input.assignees ?? [], state: 'open', state_reason: null, closed_at: null };
			issues.push(issue);
			return { status: 201, headers: { location: `${base}${prefix}/${issue.number}` }, body: shape(issue, base) };
		}
		const one = new RegExp(`^${prefix}/(\\d+)$`).exec(url.pathname);
		if (one && req.method === 'GET') {
			const issue = issues.find((i) => i.number === Number(one[1]));
			return issue ? { status: 200, body: shape(issue, base) } : { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue', status: '404' } };
		}
		return undefined;
	});
	base = standIn.url;
	const find = (n: number) => issues.find((i) => i.number === n)!;
	return {
		...standIn,
		issues,
		htmlUrl,
		closeIssue(n, reason, at) {
			Object.assign(find(n), { state: 'closed', state_reason: reason, closed_at: at });
		},
		reopenIssue(n) {
			Object.assign(find(n), { state: 'open', state_reason: 'reopened', closed_at: null });
		},
	};
}
