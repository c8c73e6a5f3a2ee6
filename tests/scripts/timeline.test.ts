import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashTree, runScript, STACK_LINE } from '../support/run-script.ts';

const FIXTURES = path.resolve('tests/fixtures/artefacts');
const SMALL = path.join(FIXTURES, 'small');
const EXAMPLE = path.resolve('examples/incidents/2026-07-22-orders-migration-lock');
const expected = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');

/** A temporary artefact folder holding `files` (relative path → text). */
async function folder(files: Record<string, string>): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'pm-artefacts-'));
	for (const [name, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
		await writeFile(path.join(dir, name), text);
	}
	return dir;
}

/** Runs the timeline on `dir` and checks what every run must: no stack trace, the folder untouched. */
async function timeline(dir: string, ...args: string[]) {
	const before = await hashTree(dir);
	const run = await runScript('timeline', [dir, ...args]);
	expect(run.stderr).not.toMatch(STACK_LINE);
	expect(run.stdout).not.toMatch(STACK_LINE);
	expect(await hashTree(dir)).toBe(before);
	return run;
}

const PD = JSON.stringify({ log_entries: [{ id: 'Q1', type: 'trigger_log_entry', created_at: '2026-07-22T02:14:00Z', agent: { summary: 'Alertmanager' }, incident: { summary: '[#1] API down' } }] });

describe('npm run timeline (scripts/timeline.ts)', () => {
	it('prints the small fixture folder as the expected JSON, table and YAML, whole', async () => {
		const json = await timeline(SMALL, '--tz', 'Europe/Berlin', '--json');
		expect(json.code).toBe(0);
		expect(json.stdout).toBe(await expected('small.expected.json'));
		expect(json.stderr).toBe(
			'14 events (slack 2, pagerduty 3, deploys 2, alerts 2, annotations 1, tickets 2, notes 2) from 2026-03-10 09:55:00 +01:00 to 2026-03-10 10:25:00 +01:00 (30 min); 1 redaction (1 password)\n',
		);
		expect((await timeline(SMALL, '--tz', 'Europe/Berlin')).stdout).toBe(await expected('small.expected.txt'));
		expect((await timeline(SMALL, '--tz', 'Europe/Berlin', '--yaml')).stdout).toBe(await expected('small.expected.yaml'));
	});

	it('prints the example folder of the README: every event once, in order, the password redacted', async () => {
		const run = await timeline(EXAMPLE, '--json');
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout)).toEqual(JSON.parse(await expected('orders-migration-lock.expected.json')));
		expect(run.stderr).toContain('28 events (slack 10, pagerduty 5, deploys 2, alerts 4, annotations 2, tickets 2, notes 3)');
		expect(run.stderr).toContain('1 redaction (1 connection string)');
		expect(run.stdout).not.toContain('S3cr3t');
	});

	it('clips a window with --from/--to (a bare time on the first event\'s day) and says how many it left out', async () => {
		const run = await timeline(SMALL, '--tz', 'Europe/Berlin', '--json', '--from', '10:05', '--to', '2026-03-10T09:12:00Z');
		expect(JSON.parse(run.stdout).events.map((e: { ref: string }) => e.ref)).toEqual(['grafana.json#17', 'tickets.csv#ZD-502', 'github-deploys.json#7001', 'notes.txt#L3']);
		expect(run.stderr).toContain('; 10 outside --from/--to not shown');
	});

	it('reads zone-less times in --tz', async () => {
		const utc = JSON.parse((await timeline(SMALL, '--json', '--tz', 'UTC')).stdout);
		expect(utc.events[0]).toMatchObject({ ref: 'alerts.json#aa11bb22cc33dd44', at: '2026-03-10T08:58:00Z' });
		expect(utc.events.find((e: { ref: string }) => e.ref === 'deploys.csv#L2').at).toBe('2026-03-10T09:55:00Z');
	});

	it('names an unrecognised file and a malformed JSON line, prints the rest, exits 1', async () => {
		const dir = await folder({ 'pd.json': PD, 'screenshot-notes.txt': 'see the graph\n', 'broken.json': '{\n  "log_entries": [\n    {"id": 1,}\n  ]\n}\n' });
		const run = await timeline(dir, '--json');
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('timeline: broken.json:3: is not valid JSON: ');
		expect(run.stderr).toContain('timeline: screenshot-notes.txt: is not a Slack export, PagerDuty log entries,');
		expect(JSON.parse(run.stdout).events).toHaveLength(1);
	});

	it('names the line of a malformed CSV and exits 1', async () => {
		const dir = await folder({ 'deploys.csv': 'time,service,version,actor,description\n2026-07-22T02:00:00Z,api,1,ci,ok\n2026-07-22T02:05:00Z,api,2\n' });
		const run = await timeline(dir);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('timeline: deploys.csv:3: has 3 fields where the header has 5 (time,service,version,actor,description)\n');
	});

	it('warns when a Slack export has no users.json, keeps the ids, exits 0 (1 with --strict)', async () => {
		const dir = await folder({ 'slack/incident/2026-07-22.json': JSON.stringify([{ type: 'message', user: 'U0ANA', text: 'seeing errors', ts: '1784686440.000100' }]) });
		const run = await timeline(dir, '--json');
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout).events[0].actor).toBe('U0ANA');
		expect(run.stderr).toContain('timeline: slack/incident: warning: the Slack export has no users.json, so these user ids stay ids: U0ANA\n');
		expect((await timeline(dir, '--strict')).code).toBe(1);
	});

	it('reports events far outside the incident and keeps them', async () => {
		const dir = await folder({ 'pd.json': PD, 'tickets.csv': 'time,id,subject\n2026-07-22T02:20:00Z,7,checkout broken\n2025-01-03T10:00:00Z,8,old ticket\n' });
		const run = await timeline(dir, '--json');
		expect(run.code).toBe(0);
		expect(run.stderr).toContain('timeline: tickets.csv: warning: #8 at 2025-01-03T10:00:00Z lies outside the incident (a day around the pages and alerts: 2026-07-21T02:14Z to 2026-07-23T02:14Z); kept, clip with --from/--to\n');
		expect(JSON.parse(run.stdout).events.map((e: { ref: string }) => e.ref)).toEqual(['tickets.csv#8', 'pd.json#Q1', 'tickets.csv#7']);
		const clipped = await timeline(dir, '--json', '--from', '2026-07-22T00:00:00Z');
		expect(clipped.stderr).not.toContain('warning');
		expect(clipped.stderr).toContain('; 1 outside --from/--to not shown');
	});

	it('names a file it cannot read (a link to nothing), and reads the rest', async () => {
		const dir = await folder({ 'pd.json': PD });
		await symlink(path.join(dir, 'gone.json'), path.join(dir, 'alerts.json'));
		const run = await runScript('timeline', [dir, '--json']);
		expect(run.stderr).not.toMatch(STACK_LINE);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('timeline: alerts.json: cannot be read: ENOENT\n');
		expect(JSON.parse(run.stdout).events).toHaveLength(1);
	});

	it('says so for an empty folder (exit 1) and a missing one (exit 2)', async () => {
		const empty = await folder({});
		const run = await timeline(empty);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`timeline: ${empty}: holds no files`);
		const missing = path.join(empty, 'nope');
		const gone = await runScript('timeline', [missing]);
		expect(gone.code).toBe(2);
		expect(gone.stderr).toBe(`timeline: no such folder: ${missing}\n`);
		await rm(empty, { recursive: true });
	});

	it('rejects bad usage with exit 2 and one line', async () => {
		for (const args of [[], [SMALL, '--json', '--yaml'], [SMALL, '--tz', 'Mars/Olympus'], [SMALL, '--from', 'yesterday'], [SMALL, '--bogus'], [SMALL, SMALL]]) {
			const run = await runScript('timeline', args);
			expect(run.code, args.join(' ')).toBe(2);
			expect(run.stderr).toMatch(/^timeline: .+\n\nUsage: npm run timeline -- \[options\] DIR/);
			expect(run.stdout).toBe('');
		}
	});

	it('copies nothing into, and changes nothing in, a folder it reads (a copy of the example)', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-artefacts-'));
		await cp(EXAMPLE, dir, { recursive: true });
		const run = await timeline(dir, '--yaml');
		expect(run.code).toBe(0);
		expect(run.stdout.startsWith('timeline:\n  - at: 2026-07-22T02:01:30Z\n')).toBe(true);
	});
});
