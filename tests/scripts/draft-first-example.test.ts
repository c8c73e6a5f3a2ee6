import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../../src/config.ts';
import { readArtefactFolder } from '../../src/cli/artefacts/read-folder.ts';
import { latestAllowedDue } from '../../src/lib/validation/policies.ts';
import { ROOT } from '../support/build-site.ts';
import { startFakeAnthropic, textReply, type FakeAnthropic } from '../support/fake-anthropic.ts';
import { draftFromPrompt } from '../support/first-draft-replies.ts';
import { runScript, STACK_LINE } from '../support/run-script.ts';

/**
 * The whole workflow on the shipped example: `npm run draft -- --from
 * examples/incidents/…` through the real SDK against the stand-in, into a copy of the
 * sample archive, then `npm run validate` on the result: valid as a draft, not
 * publishable until people review it and replace every TODO.
 */

const EXAMPLE = path.join(ROOT, 'examples', 'incidents', '2026-07-22-orders-migration-lock');
let fake: FakeAnthropic;
beforeAll(async () => {
	fake = await startFakeAnthropic();
	fake.fallback((body) => textReply(JSON.stringify(draftFromPrompt(body))));
});
afterAll(async () => {
	await fake.close();
});

describe('a first draft from the example artefact folder, end to end', () => {
	it('writes a draft that validates, cites real events, has policy due dates and owners or TODOs, and cannot be published unreviewed', async () => {
		const dir = path.join(await mkdtemp(path.join(tmpdir(), 'pm-example-')), 'postmortems');
		await cp(path.join(ROOT, 'content', 'postmortems'), dir, { recursive: true });
		const env = { POSTMORTEMS_DIR: dir, ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_AUTH_TOKEN: undefined, ANTHROPIC_BASE_URL: fake.url, PM_DRAFT_MODEL: undefined };

		const dry = await runScript('draft', ['--from', EXAMPLE, '--dry-run'], { ...env, ANTHROPIC_API_KEY: undefined });
		expect(dry.code, dry.stderr).toBe(0);
		expect(dry.stderr).toContain('28 events from 7 artefact files');
		expect(dry.stderr).toContain('1 secret redacted');
		expect(dry.stdout).toContain('[redacted]');
		expect(fake.requests).toHaveLength(0);

		const run = await runScript('draft', ['--from', EXAMPLE, '--severity', 'SEV2', '--json'], env);
		expect(run.stderr).not.toMatch(STACK_LINE);
		expect(run.code, run.stderr).toBe(0);
		const report = JSON.parse(run.stdout);
		expect(report.failed).toBeNull();
		expect(report.dropped).toEqual([]);
		const sent = fake.requests.find((r) => r.path === '/v1/messages')!.body.messages[0].content as string;
		expect(sent).not.toMatch(/postgres:\/\/[^[]/);

		const file = report.written as string;
		expect(path.basename(file)).toMatch(/^2026-07-22-checkout-slowed-while-a-migration-held-a-lock-on-the/);
		const text = await readFile(file, 'utf8');
		const fm = parse(text.split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, any>;
		expect(fm.status).toBe('draft');

		const { events } = await readArtefactFolder(EXAMPLE, { tz: 'UTC' });
		const at = new Map(events.flatMap((e) => [e.ref, ...(e.alsoIn ?? [])].map((r) => [r, e.at] as const)));
		expect(fm.timeline.length).toBeGreaterThan(3);
		for (const entry of fm.timeline) expect(entry.refs.some((r: string) => at.get(r) === entry.at), entry.event).toBe(true);
		expect(fm.drafted.sources).toContain('pagerduty-log-entries.json');

		const policy = getConfig().policy;
		for (const item of fm.actionItems) {
			expect(item.due).toBe(latestAllowedDue(new Date(fm.startedAt), 'SEV2', item.priority, policy));
			expect(item.owner === 'TODO' || item.owner.length > 1).toBe(true);
		}
		// Config for orders-db, the archive's history for orders-api, config again for the incident as a whole.
		expect(fm.actionItems.map((a: any) => a.owner)).toEqual(['@data-platform', '@orders-team', '@data-platform']);

		const valid = await runScript('validate', [], { POSTMORTEMS_DIR: dir });
		expect(valid.code, valid.stdout + valid.stderr).toBe(0);

		// Publishing it as drafted is refused: unreviewed, and the author is still the template's.
		await writeFile(file, text.replace('status: draft', 'status: published'));
		const published = await runScript('validate', [], { POSTMORTEMS_DIR: dir });
		expect(published.code).toBe(1);
		const out = published.stdout + published.stderr;
		expect(out).toContain('drafted.reviewed');
		expect(out).toContain('"@your-handle" is still the template\'s placeholder');
		expect((await readdir(dir)).filter((f) => f.startsWith('2026-07-22'))).toHaveLength(1);
	});
});
