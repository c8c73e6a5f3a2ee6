import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashTree, runScript, STACK_LINE } from '../support/run-script.ts';
import { startGithub, type GithubStandIn } from '../support/stand-ins/github.ts';
import { copyActionsFixture, FIXTURE_FILES, insertedLines, readAll, UNTICKETED } from '../support/ticket-fixtures.ts';

const REPO = 'acme/reliability';
const TOKEN = 'ghp_standInToken0123456789abcdefSECRET';

let github: GithubStandIn | undefined;
afterEach(async () => {
	await github?.close();
	github = undefined;
});

async function setUp() {
	github = await startGithub(REPO, TOKEN);
	const dir = await copyActionsFixture();
	const env = { POSTMORTEMS_DIR: dir, PM_TRACKER: `github:${REPO}`, GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN, PM_AS_OF: '2026-11-21' };
	return { dir, env, tickets: (args: string[], extra: Record<string, string | undefined> = {}) => runScript('tickets', args, { ...env, ...extra }) };
}

const created = () => github!.requests.filter((r) => r.method === 'POST');
const ticketOf = (text: string, id: string) => new RegExp(`- id: ${id}\\n(?:    .*\\n)*?    ticket: (\\S+)`).exec(text)?.[1];

function expectNoSecret(run: { stdout: string; stderr: string }) {
	expect(run.stdout + run.stderr).not.toContain(TOKEN);
	expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
}

// Each case runs the CLI in a child process (a build, for the round trip); the shared machine can be slow.
describe('npm run tickets against a GitHub stand-in', { timeout: 180_000 }, () => {
	it('dry run by default: lists what it would file, creates nothing and writes nothing', async () => {
		const { dir, tickets } = await setUp();
		const before = await hashTree(dir);
		const run = await tickets([]);
		expect(run.code).toBe(0);
		for (const id of UNTICKETED) expect(run.stdout).toContain(`would file  ${id}: `);
		expect(run.stdout).not.toContain('OPS-201'); // has a ticket
		expect(run.stdout).not.toContain('WEB-401'); // a draft's item
		expect(run.stdout).toContain('6 to file, 0 already filed');
		expect(created()).toEqual([]);
		expect(await hashTree(dir)).toBe(before);
		expectNoSecret(run);
	});

	it('--apply files one issue per item and adds only a ticket: line to each item, byte for byte', async () => {
		const { dir, tickets } = await setUp();
		const before = await readAll(dir);
		const run = await tickets(['--apply']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('6 filed, 0 already filed and linked, 0 failed.');
		expect(github!.issues.map((i) => i.title.split(':')[0]).sort()).toEqual(UNTICKETED);

		const ops202 = github!.issues.find((i) => i.title.startsWith('OPS-202:'))!;
		expect(ops202.labels).toEqual(['postmortem', 'postmortem-action-item', 'severity:SEV2', 'priority:P2']);
		expect(ops202.assignees).toEqual(['platform-lead']); // @platform-team in the config's people map
		expect(ops202.body).toContain('- **Due:** 2026-11-01');
		expect(ops202.body).toContain('(https://postmortems.example.com/postmortems/2026-06-10-queue-backlog/)');
		expect(ops202.body).toContain('<!-- postmortem-action-item: OPS-202 -->');
		expect(github!.issues.find((i) => i.title.startsWith('SEC-101:'))!.assignees).toEqual([]); // unmapped owner

		const after = await readAll(dir);
		const url = (id: string) => github!.htmlUrl(github!.issues.find((i) => i.title.startsWith(`${id}:`))!.number);
		expect(insertedLines(before.queue!, after.queue!)).toEqual([`    ticket: ${url('OPS-202')}`, `    ticket: ${url('OPS-203')}`]);
		expect(insertedLines(before.login!, after.login!)).toEqual([`    ticket: ${url('SEC-101')}`, `    ticket: ${url('SEC-102')}`]);
		expect(insertedLines(before.payments!, after.payments!)).toEqual([`    ticket: ${url('PAY-301')}`, `    ticket: ${url('PAY-302')}`]);
		expect(after.draft).toBe(before.draft);
		expectNoSecret(run);

		// A second run finds every item linked and files nothing.
		const again = await tickets(['--apply']);
		expect(again.code).toBe(0);
		expect(again.stdout).toContain('has a ticket');
		expect(github!.issues).toHaveLength(6);
	});

	it('--include-review files the items of postmortems in review too', async () => {
		const { dir, tickets } = await setUp();
		const file = path.join(dir, FIXTURE_FILES.draft);
		const { writeFile } = await import('node:fs/promises');
		await writeFile(file, (await readFile(file, 'utf8')).replace('status: draft', 'status: review'));
		expect((await tickets([])).stdout).not.toContain('WEB-401');
		expect((await tickets(['--include-review'])).stdout).toContain('would file  WEB-401: ');
	});

	it('never files a duplicate after a run that crashed between filing and writing back', async () => {
		const { dir, tickets } = await setUp();
		// The crashed run's ticket: filed with its marker, never written into the file.
		github!.issues.push({ number: 1, title: 'OPS-202: earlier', body: 'x\n\n<!-- postmortem-action-item: OPS-202 -->\n', labels: ['postmortem-action-item'], assignees: [], state: 'open', state_reason: null, closed_at: null });
		const dry = await tickets([]);
		expect(dry.stdout).toContain(`would link  OPS-202  already filed: ${github!.htmlUrl(1)}`);
		const run = await tickets(['--apply']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('5 filed, 1 already filed and linked, 0 failed.');
		expect(github!.issues.filter((i) => i.title.startsWith('OPS-202'))).toHaveLength(1);
		expect(ticketOf(await readFile(path.join(dir, FIXTURE_FILES.queue), 'utf8'), 'OPS-202')).toBe(github!.htmlUrl(1));
	});

	it('a 401 names GITHUB_TOKEN, files nothing, writes nothing and never shows the token (even with DEBUG=1)', async () => {
		const { dir, tickets } = await setUp();
		const before = await hashTree(dir);
		const run = await tickets(['--apply'], { GITHUB_TOKEN: `${TOKEN}-revoked`, DEBUG: '1' });
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('GitHub rejected the credentials (401 Bad credentials)');
		expect(run.stderr).toContain('check GITHUB_TOKEN');
		expect(run.stdout + run.stderr).not.toContain(`${TOKEN}-revoked`);
		expect(github!.issues).toEqual([]);
		expect(await hashTree(dir)).toBe(before);
		expectNoSecret(run);
	});

	it('without GITHUB_TOKEN --apply stops with exit 2 naming the variable', async () => {
		const { tickets } = await setUp();
		const run = await tickets(['--apply'], { GITHUB_TOKEN: '' });
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('set GITHUB_TOKEN to file tickets in GitHub acme/reliability');
	});

	it('waits out a 429 and a 403 with retry-after, then files each item exactly once', async () => {
		const { tickets } = await setUp();
		github!.fail({ method: 'POST', path: /\/issues$/, status: 429, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit' } });
		github!.fail({ method: 'POST', path: /\/issues$/, status: 403, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit' } });
		const run = await tickets(['--apply']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('6 filed');
		expect(created()).toHaveLength(8); // two refused attempts, six issues
		expect(run.stderr.match(/GitHub acme\/reliability is rate-limiting; waiting 1 s, then trying again/g)).toHaveLength(2);
		expect(github!.issues).toHaveLength(6);
		expectNoSecret(run);
	});

	it('a 500 for one item: nothing is written for it, the others are filed, the run reports it and exits 1', async () => {
		const { dir, tickets } = await setUp();
		github!.fail({ method: 'POST', path: /\/issues$/, status: 500, body: { message: 'Server Error' } });
		const run = await tickets(['--apply']);
		expect(run.code).toBe(1);
		expect(run.stdout).toMatch(/failed +OPS-202 +GitHub answered 500 \(Server Error\) while filing OPS-202; nothing was written for it/);
		expect(run.stdout).toContain('5 filed, 0 already filed and linked, 1 failed.');
		const queue = await readFile(path.join(dir, FIXTURE_FILES.queue), 'utf8');
		expect(ticketOf(queue, 'OPS-202')).toBeUndefined();
		expect(ticketOf(queue, 'OPS-203')).toBeDefined();
		expectNoSecret(run);
	});

	it('--sync: closed → done with the close date, not planned → wont-do, reopened → open; --dry-run writes nothing', async () => {
		const { dir, tickets } = await setUp();
		expect((await tickets(['--apply'])).code).toBe(0);
		const number = (id: string) => github!.issues.find((i) => i.title.startsWith(`${id}:`))!.number;
		github!.closeIssue(number('OPS-202'), 'completed', '2026-11-20T23:30:00Z');
		github!.closeIssue(number('SEC-101'), 'not_planned', '2026-11-19T10:00:00Z');

		const before = await readAll(dir);
		const dry = await tickets(['--sync', '--dry-run']);
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain('OPS-202  in-progress → done (2026-11-20)');
		expect(dry.stdout).toContain('SEC-101  open → wont-do (2026-11-19)');
		expect(await readAll(dir)).toEqual(before);

		const sync = await tickets(['--sync']);
		expect(sync.code).toBe(0);
		expect(sync.stdout).toContain('2 changes written.');
		const queue = await readFile(path.join(dir, FIXTURE_FILES.queue), 'utf8');
		expect(queue).toContain(`  - id: OPS-202\n    title: 'Add "circuit breaker", retries; and backoff, to the order writer'\n    owner: '@platform-team'\n    priority: P2\n    due: 2026-11-01\n    status: done\n    ticket: ${github!.htmlUrl(number('OPS-202'))}\n    completedOn: 2026-11-20\n`);
		expect(insertedLines(before.login!, (await readAll(dir)).login!)).toEqual(['    status: wont-do', '    completedOn: 2026-11-19']);

		// Reopened: back to open, completedOn gone; the status line stays, saying open.
		github!.reopenIssue(number('SEC-101'));
		const reopened = await tickets(['--sync']);
		expect(reopened.stdout).toContain('SEC-101  wont-do (2026-11-19) → open');
		expect(insertedLines(before.login!, (await readAll(dir)).login!)).toEqual(['    status: open']);
		// Nothing left to fix.
		expect((await tickets(['--sync'])).stdout).toContain('0 drifted');
		expectNoSecret(sync);
	});

	it('--sync reports a ticket it cannot read and writes nothing for it', async () => {
		const { dir, tickets } = await setUp();
		const file = path.join(dir, FIXTURE_FILES.queue);
		const { writeFile } = await import('node:fs/promises');
		await writeFile(file, (await readFile(file, 'utf8')).replace('    status: in-progress\n', `    status: in-progress\n    ticket: ${'https://github.com/acme/reliability/issues/99'}\n`));
		github!.fail({ method: 'GET', path: /\/issues\/99$/, status: 500, body: { message: 'Server Error' } });
		const before = await hashTree(dir);
		const run = await tickets(['--sync']);
		expect(run.code).toBe(1);
		expect(run.stdout).toContain('not read  OPS-202  https://github.com/acme/reliability/issues/99: GitHub answered 500 (Server Error) while reading issue #99; nothing was written for it');
		expect(run.stdout).toContain('1 item links to tickets outside GitHub acme/reliability');
		expect(await hashTree(dir)).toBe(before);
	});

	it('shows help, and rejects bad usage with exit 2', async () => {
		const { tickets } = await setUp();
		const help = await tickets(['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('Usage: npm run tickets');
		const both = await tickets(['--apply', '--dry-run']);
		expect(both.code).toBe(2);
		expect(both.stderr).toContain('choose one of --apply and --dry-run');
		expect((await tickets(['--sync', '--include-review'])).code).toBe(2);
	});

	it('a bad PM_TRACKER or missing Jira credentials exit 2, naming what to set', async () => {
		const { tickets } = await setUp();
		const tracker = await tickets([], { PM_TRACKER: 'gitlab:acme/x' });
		expect(tracker.code).toBe(2);
		expect(tracker.stderr).toContain('PM_TRACKER "gitlab:acme/x" is not github:owner/name or jira:KEY');
		const jira = await tickets(['--sync'], { PM_TRACKER: 'jira:OPS', JIRA_HOST: '', JIRA_EMAIL: '', JIRA_API_TOKEN: '' });
		expect(jira.code).toBe(2);
		expect(jira.stderr).toContain('set JIRA_HOST, JIRA_EMAIL, JIRA_API_TOKEN to read tickets from Jira project OPS');
	});
});
