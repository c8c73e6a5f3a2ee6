import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashTree, runScript, STACK_LINE } from '../support/run-script.ts';
import { startJira, type JiraStandIn } from '../support/stand-ins/jira.ts';
import { copyActionsFixture, FIXTURE_FILES, insertedLines, readAll, UNTICKETED } from '../support/ticket-fixtures.ts';

const EMAIL = 'archive-bot@example.com';
const API_TOKEN = 'ATATT3xStandInJiraToken0123456789SECRET';

let jira: JiraStandIn | undefined;
afterEach(async () => {
	await jira?.close();
	jira = undefined;
});

async function setUp() {
	jira = await startJira('OPS', EMAIL, API_TOKEN);
	const dir = await copyActionsFixture();
	const env = { POSTMORTEMS_DIR: dir, PM_TRACKER: 'jira:OPS', JIRA_HOST: jira.url, JIRA_EMAIL: EMAIL, JIRA_API_TOKEN: API_TOKEN, PM_AS_OF: '2026-11-21' };
	return { dir, tickets: (args: string[], extra: Record<string, string | undefined> = {}) => runScript('tickets', args, { ...env, ...extra }) };
}

const browse = (key: string) => `${jira!.url}/browse/${key}`;
const keyOf = (id: string) => jira!.issues.find((i) => i.fields.summary.startsWith(`${id}:`))!.key;

function expectNoSecret(run: { stdout: string; stderr: string }) {
	expect(run.stdout + run.stderr).not.toContain(API_TOKEN);
	expect(run.stdout + run.stderr).not.toContain(Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64'));
	expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
}

// Each case runs the CLI in a child process (a build, for the round trip); the shared machine can be slow.
describe('npm run tickets against a Jira Cloud stand-in', { timeout: 180_000 }, () => {
	it('--apply creates one issue per item with labels, due date, priority and an ADF description, and writes the browse URL back', async () => {
		const { dir, tickets } = await setUp();
		const before = await readAll(dir);
		const run = await tickets(['--apply']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Tickets for Jira project OPS');
		expect(run.stdout).toContain('6 filed, 0 already filed and linked, 0 failed.');
		expect(jira!.issues.map((i) => i.fields.summary.split(':')[0]).sort()).toEqual(UNTICKETED);
		const sec101 = jira!.issues.find((i) => i.fields.summary.startsWith('SEC-101:'))!;
		expect(sec101.fields).toMatchObject({
			labels: ['postmortem', 'postmortem-action-item', 'pm-item-SEC-101', 'severity-SEV1', 'priority-P0'],
			duedate: '2026-11-20',
			priority: { name: 'Highest' },
		});
		expect(JSON.stringify(sec101.fields.description)).toContain('"href":"https://postmortems.example.com/postmortems/2026-10-01-login-outage/"');
		expect(sec101.fields.description).toMatchObject({ type: 'doc', version: 1 });
		expect(insertedLines(before.login!, (await readAll(dir)).login!)).toEqual([`    ticket: ${browse(keyOf('SEC-101'))}`, `    ticket: ${browse(keyOf('SEC-102'))}`]);
		expectNoSecret(run);
	});

	it('never files a duplicate after a crashed run: the marker label is found first', async () => {
		const { dir, tickets } = await setUp();
		jira!.issues.push({
			id: '10001',
			key: 'OPS-1',
			fields: { summary: 'PAY-301: earlier', labels: ['postmortem-action-item', 'pm-item-PAY-301'], status: { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } }, resolution: null, resolutiondate: null },
		});
		const run = await tickets(['--apply']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(`linked      PAY-301  already filed: ${browse('OPS-1')}`);
		expect(jira!.issues.filter((i) => i.fields.summary.startsWith('PAY-301'))).toHaveLength(1);
		expect(await readFile(path.join(dir, FIXTURE_FILES.payments), 'utf8')).toContain(`    ticket: ${browse('OPS-1')}\n`);
	});

	it('--sync: Done → done, Won\'t Do → wont-do, reopened → open', async () => {
		const { dir, tickets } = await setUp();
		expect((await tickets(['--apply'])).code).toBe(0);
		const filed = await readAll(dir);
		jira!.resolve(keyOf('PAY-301'), 'Done', '2026-11-18T16:20:00.000+0000');
		jira!.resolve(keyOf('PAY-302'), "Won't Do", '2026-11-17T09:00:00.000+0000');
		const sync = await tickets(['--sync']);
		expect(sync.code).toBe(0);
		expect(sync.stdout).toContain('PAY-301  open → done (2026-11-18)');
		expect(sync.stdout).toContain("PAY-302  open → wont-do (2026-11-17)");
		expect(insertedLines(filed.payments!, (await readAll(dir)).payments!)).toEqual(['    status: done', '    completedOn: 2026-11-18', '    status: wont-do', '    completedOn: 2026-11-17']);
		jira!.reopen(keyOf('PAY-301'));
		const reopened = await tickets(['--sync']);
		expect(reopened.stdout).toContain('PAY-301  done (2026-11-18) → open');
		expect((await readAll(dir)).payments).toContain(`    ticket: ${browse(keyOf('PAY-301'))}\n    status: open\n  - id: PAY-302`);
		expectNoSecret(reopened);
	});

	it('a 401 names JIRA_EMAIL and JIRA_API_TOKEN and writes nothing', async () => {
		const { dir, tickets } = await setUp();
		const before = await hashTree(dir);
		const run = await tickets(['--apply'], { JIRA_API_TOKEN: 'wrong-token-value', DEBUG: '1' });
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('Jira rejected the credentials (401)');
		expect(run.stderr).toContain('check JIRA_EMAIL and JIRA_API_TOKEN');
		expect(run.stdout + run.stderr).not.toContain('wrong-token-value');
		expect(await hashTree(dir)).toBe(before);
		expect(jira!.issues).toEqual([]);
	});

	it('waits out a 429 with Retry-After; a 500 on one create writes nothing for that item', async () => {
		const { dir, tickets } = await setUp();
		jira!.fail({ method: 'POST', path: /\/search\/jql$/, status: 429, headers: { 'retry-after': '1' }, body: { errorMessages: ['Rate limit exceeded'] } });
		jira!.fail({ method: 'POST', path: /\/rest\/api\/3\/issue$/, status: 500, body: { errorMessages: ['Internal server error'], errors: {} } });
		const run = await tickets(['--apply']);
		expect(run.code).toBe(1);
		expect(jira!.requests.filter((r) => r.path.endsWith('/search/jql'))).toHaveLength(2);
		expect(run.stdout).toMatch(/failed +OPS-202 +Jira answered 500 \(Internal server error\) while filing OPS-202; nothing was written for it/);
		expect(run.stdout).toContain('5 filed, 0 already filed and linked, 1 failed.');
		expect(await readFile(path.join(dir, FIXTURE_FILES.queue), 'utf8')).not.toMatch(/OPS-202[\s\S]*?ticket:[\s\S]*?- id: OPS-203/);
		expectNoSecret(run);
	});
});
