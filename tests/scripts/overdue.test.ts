import { spawn } from 'node:child_process';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-site.ts';
import { ACTIONS_FIXTURE } from '../support/fixture-archive.ts';

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs `npm run overdue` the way npm does (node scripts/overdue.ts), on the fixture unless told otherwise. */
function overdue(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
	const child = spawn(process.execPath, ['scripts/overdue.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, POSTMORTEMS_DIR: ACTIONS_FIXTURE, PM_AS_OF: '2026-11-21', SHOW_DRAFTS: '', NO_COLOR: '', ...env },
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr })));
}

const ids = (json: { items: Array<{ id: string }> }) => json.items.map((i) => i.id);

describe('npm run overdue', () => {
	it('prints the overdue items grouped by owner, without colour when not a terminal', async () => {
		const r = await overdue([]);
		expect(r.code).toBe(0);
		expect(r.stdout).not.toContain('\u001b[');
		expect(r.stdout.split('\n')[0]).toBe('Overdue action items as of 2026-11-21 (UTC): 4 overdue, 3 of them P0/P1, 7 open items in all; 3 owners listed.');
		const owners = r.stdout.split('\n').filter((l) => l.startsWith('@')).map((l) => l.split(/\s+/)[0]);
		expect(owners).toEqual(['@platform-team', '@identity-team', '@payments']);
		expect(r.stdout).toMatch(/OPS-201 +P1 +due 2026-07-10 +134 days overdue +Autoscale queue consumers/);
		expect(r.stdout).not.toContain('SEC-102'); // due today is not overdue
		expect(r.stdout).not.toContain('WEB-401'); // the draft's item
	});

	it('prints a stable JSON shape whose counts match a count by hand', async () => {
		const r = await overdue(['--json']);
		expect(r.code).toBe(0);
		const json = JSON.parse(r.stdout);
		expect(Object.keys(json)).toEqual(['schemaVersion', 'asOf', 'timeZone', 'filters', 'counts', 'invalidFiles', 'items']);
		expect(json.counts).toEqual({ open: 7, overdue: 4, overdueUrgent: 3, listed: 4 });
		expect(ids(json)).toEqual(['OPS-201', 'PAY-301', 'OPS-202', 'SEC-101']);
		expect(json.items.map((i: { daysOverdue: number }) => i.daysOverdue)).toEqual([134, 51, 20, 1]);
		expect(json.items[0]).toMatchObject({
			id: 'OPS-201',
			title: 'Autoscale queue consumers on backlog depth',
			owner: '@platform-team',
			priority: 'P1',
			due: '2026-07-10',
			daysOverdue: 134,
			incident: { slug: '2026-06-10-queue-backlog', url: 'https://postmortems.example.com/postmortems/2026-06-10-queue-backlog/' },
		});
	});

	it('counts as of --as-of, which beats PM_AS_OF', async () => {
		const json = JSON.parse((await overdue(['--as-of', '2026-12-21', '--json'])).stdout);
		expect(json.asOf).toBe('2026-12-21');
		expect(json.counts.overdue).toBe(6);
		expect(json.items.find((i: { id: string }) => i.id === 'OPS-201').daysOverdue).toBe(164);
		expect(ids(json)).toContain('SEC-102');
		expect(ids(json)).toContain('PAY-302');
	});

	it('filters by owner (repeatable, comma lists, case and @ ignored), severity and priority', async () => {
		const byOwner = JSON.parse((await overdue(['--json', '--owner', 'PAYMENTS', '--owner', '@identity-team,nobody'])).stdout);
		expect(ids(byOwner)).toEqual(['PAY-301', 'SEC-101']);
		expect(byOwner.filters.owner).toEqual(['payments', 'identity-team', 'nobody']);
		const bySeverity = JSON.parse((await overdue(['--json', '--severity', 'sev2'])).stdout);
		expect(ids(bySeverity)).toEqual(['OPS-201', 'OPS-202']);
		const byPriority = JSON.parse((await overdue(['--json', '--priority', 'P0,P1', '--severity', 'SEV1,SEV3'])).stdout);
		expect(ids(byPriority)).toEqual(['PAY-301', 'SEC-101']);
	});

	it('lists not-yet-due items too with --all', async () => {
		const json = JSON.parse((await overdue(['--json', '--all'])).stdout);
		expect(ids(json)).toEqual(['OPS-201', 'PAY-301', 'OPS-202', 'SEC-101', 'SEC-102', 'PAY-302', 'OPS-203']);
		expect(json.items[4]).toMatchObject({ state: 'open', daysLeft: 0, daysOverdue: 0 });
	});

	it('prints Markdown for a meeting or chat, with links and escaped titles', async () => {
		const r = await overdue(['--markdown', '--owner', 'platform-team']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('**Overdue action items as of 21 November 2026 (UTC)** (owner platform-team)');
		expect(r.stdout).toContain('**@platform-team** — 2 overdue');
		expect(r.stdout).toContain(
			'- [OPS-201](https://tickets.example.com/OPS-201) (P1) Autoscale queue consumers on backlog depth: **134 days overdue**, due 2026-07-10 · [Order queue backlog during the summer sale](https://postmortems.example.com/postmortems/2026-06-10-queue-backlog/) (SEV2)',
		);
		// A ticket with another key keeps that key as its link text, beside the item's own id.
		expect(r.stdout).toContain('- OPS-202 ([PLAT-1422](https://tickets.example.com/browse/PLAT-1422)) (P2)');
		expect(r.stdout).not.toContain('[OPS-202]');
	});

	it('--fail-on-overdue exits 1 when a matching item is overdue and 0 when none is', async () => {
		const failing = await overdue(['--priority', 'P0', '--fail-on-overdue']);
		expect(failing.code).toBe(1);
		expect(failing.stderr).toContain('1 matching item is overdue');
		expect((await overdue(['--priority', 'P0', '--fail-on-overdue', '--as-of', '2026-11-20'])).code).toBe(0);
		const none = await overdue(['--priority', 'P3', '--fail-on-overdue']);
		expect(none.code).toBe(0);
		expect(none.stdout).toContain('Nothing overdue as of 2026-11-21 (UTC) (priority P3): 1 open item, none past due.');
		expect((await overdue(['--priority', 'P0'])).code).toBe(0); // without the flag it only reports
	});

	it('includes drafts only with SHOW_DRAFTS=1, as the site build does', async () => {
		expect(ids(JSON.parse((await overdue(['--json'], { SHOW_DRAFTS: '1' })).stdout))).toContain('WEB-401');
	});

	it('rejects bad usage with exit 2 and a clear message', async () => {
		const badDate = await overdue(['--as-of', '2026-02-30']);
		expect(badDate.code).toBe(2);
		expect(badDate.stderr).toContain('--as-of "2026-02-30" is not a date; write it as YYYY-MM-DD');
		expect(badDate.stderr).not.toMatch(/\n\s+at /); // no stack trace
		expect((await overdue(['--priority', 'P9'])).stderr).toContain('--priority "P9" is not one of P0, P1, P2, P3');
		expect((await overdue(['--json', '--markdown'])).code).toBe(2);
		expect((await overdue(['--frobnicate'])).code).toBe(2);
		const env = await overdue([], { PM_AS_OF: 'tomorrow' });
		expect(env.code).toBe(2);
		expect(env.stderr).toContain('PM_AS_OF "tomorrow" is not a date');
		const missing = await overdue([], { POSTMORTEMS_DIR: '/nonexistent/postmortems' });
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('no such folder: /nonexistent/postmortems');
	});

	it('shows help', async () => {
		const r = await overdue(['--help']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Usage: npm run overdue');
		expect(r.stdout).toContain('--fail-on-overdue');
	});

	it('names invalid files on stderr, reports the rest, and fails a --fail-on-overdue gate', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'overdue-'));
		await cp(ACTIONS_FIXTURE, dir, { recursive: true });
		await writeFile(
			path.join(dir, 'broken.md'),
			'---\ntitle: Broken\nseverity: SEV9\nstatus: published\nstartedAt: 2026-11-01T00:00:00Z\nservices: [x]\nauthors: [a]\nimpact: {summary: s}\nactionItems:\n  - {id: X-1, title: t, priority: P0, due: 2026-11-02}\n---\n',
		);
		const r = await overdue(['--json'], { POSTMORTEMS_DIR: dir });
		expect(r.code).toBe(0);
		expect(r.stderr).toContain('broken.md');
		expect(r.stderr).toContain('severity');
		expect(r.stderr).toContain('actionItems[0].owner');
		const json = JSON.parse(r.stdout);
		expect(json.counts.overdue).toBe(4);
		expect(json.invalidFiles).toEqual([path.join(dir, 'broken.md')]);
		const gate = await overdue(['--priority', 'P3', '--fail-on-overdue'], { POSTMORTEMS_DIR: dir });
		expect(gate.code).toBe(1);
		expect(gate.stderr).toContain('invalid postmortem files were skipped');
	});
});
