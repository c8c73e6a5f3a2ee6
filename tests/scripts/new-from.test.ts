import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashTree, runScript, STACK_LINE } from '../support/run-script.ts';

const EXAMPLE = path.resolve('examples/incidents/2026-07-22-orders-migration-lock');
const tempDir = () => mkdtemp(path.join(tmpdir(), 'pm-new-from-'));
const frontmatter = (text: string) => parse(text.split(/^---$/m)[1]!);

describe('npm run new -- "Title" --from DIR', () => {
	it('fills what the example artefacts settle, names the file for the incident\'s day, and validates as a draft', async () => {
		const dir = await tempDir();
		const before = await hashTree(EXAMPLE);
		const run = await runScript('new', ['--dir', dir, '--severity', 'SEV2', '--from', EXAMPLE, 'Checkout slow while a migration locked the orders table']);
		expect(run.code).toBe(0);
		expect(run.stderr).not.toMatch(STACK_LINE);
		expect(await hashTree(EXAMPLE)).toBe(before);
		const [name] = await readdir(dir);
		expect(name).toBe('2026-07-22-checkout-slow-while-a-migration-locked-the-orders-table.md');
		const text = await readFile(path.join(dir, name!), 'utf8');
		const data = frontmatter(text);
		expect(data).toMatchObject({
			startedAt: '2026-07-22T02:03:00Z',
			detectedAt: '2026-07-22T02:04:12Z',
			mitigatedAt: '2026-07-22T02:16:30Z',
			resolvedAt: '2026-07-22T02:25:40Z',
			services: ['checkout-api', 'orders-api', 'orders-db'],
		});
		expect(text).toContain('# When impact began. From the first alert (alertmanager-webhooks.json#b3f1c2d4e5a60718). Correct it if impact began earlier.\n');
		expect(data.timeline).toHaveLength(28);
		expect(data.timeline[3]).toEqual({
			at: '2026-07-22T02:04:12Z',
			event: 'Triggered: CheckoutLatencyHigh: p99 latency of checkout above 5s (Alertmanager)',
			refs: ['pagerduty-log-entries.json#R1TRIGGER0001', 'slack/incident-orders/2026-07-22.json#1784685860.000100'],
		});
		expect(text).not.toContain('S3cr3t');
		// What the artefacts cannot tell stays to fill in.
		expect(text).toContain('summary: "TODO: what did users experience, and for how long?"');

		const check = await runScript('validate', [dir]);
		expect(check.code).toBe(0);
		expect(check.stderr).toContain('1 postmortem checked: 0 errors');
	});

	it('leaves the timestamps it cannot settle commented, with a placeholder start from the first event', async () => {
		const artefacts = await tempDir();
		await writeFile(path.join(artefacts, 'notes.md'), '# 2026-07-22\n02:14 checkout errors reported by support\n02:40 fixed by a restart\n');
		const dir = await tempDir();
		const run = await runScript('new', ['--dir', dir, '--from', artefacts, 'Checkout errors']);
		expect(run.code).toBe(0);
		const [name] = await readdir(dir);
		const text = await readFile(path.join(dir, name!), 'utf8');
		expect(text).toContain('# When impact began. PLACEHOLDER: the first event in the artefacts (notes.md#L2); no alert or page\n# says when impact began, so correct it.\nstartedAt: 2026-07-22T02:14:00Z\n');
		expect(text).toContain('# detectedAt: 2026-07-22T02:14:00Z\n');
		expect(text).toContain('services: [service-name]');
		expect((await runScript('validate', [dir])).code).toBe(0);
	});

	it('writes nothing when an artefact cannot be read (exit 1), and rejects a missing folder (exit 2)', async () => {
		const artefacts = await tempDir();
		await writeFile(path.join(artefacts, 'pd.json'), '{"log_entries": [');
		const dir = await tempDir();
		const run = await runScript('new', ['--dir', dir, '--from', artefacts, 'Checkout errors']);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('new: pd.json:1: is not valid JSON');
		expect(run.stderr).toContain('new: nothing written');
		expect(await readdir(dir)).toEqual([]);

		const missing = await runScript('new', ['--dir', dir, '--from', path.join(artefacts, 'nope'), 'Checkout errors']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toBe(`new: no such folder: ${path.join(artefacts, 'nope')}\n`);
		expect((await runScript('new', ['--dir', dir, '--tz', 'UTC', 'Checkout errors'])).code).toBe(2);
	});
});
