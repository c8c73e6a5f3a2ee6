import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '../../src/config.ts';
import { readPostmortemSources } from '../../src/cli/content-dir.ts';
import { validateArchive } from '../../src/lib/validation/validate-archive.ts';
import { fixture } from '../support/build-site.ts';
import { errorReply, startFakeAnthropic, textReply, type FakeAnthropic } from '../support/fake-anthropic.ts';
import {
	blamingDraft,
	dataLossWithoutRemediation,
	draftWithBadRefs,
	draftWithInventedNumber,
	firstDraftReply,
	goodFirstDraft,
	selfNarratingDraft,
} from '../support/first-draft-replies.ts';
import { runScript, STACK_LINE } from '../support/run-script.ts';

/**
 * `npm run draft -- --from …` end to end: the real script and SDK against the
 * stand-in, a temporary copy of tests/fixtures/first-draft/archive, and the
 * events of tests/fixtures/first-draft/incident/timeline.json.
 */

const EVENTS = fixture('first-draft', 'incident', 'timeline.json');
let fake: FakeAnthropic;
beforeAll(async () => {
	fake = await startFakeAnthropic();
});
afterAll(async () => {
	await fake.close();
});
beforeEach(() => {
	fake.requests.length = 0;
	fake.fallback(errorReply(500, 'api_error', 'no reply scripted'));
});

async function archiveCopy(): Promise<string> {
	const dir = path.join(await mkdtemp(path.join(tmpdir(), 'pm-first-')), 'postmortems');
	await cp(fixture('first-draft', 'archive'), dir, { recursive: true });
	return dir;
}

const draft = (dir: string, args: string[] = [], env: Record<string, string | undefined> = {}) =>
	runScript('draft', ['--from', EVENTS, ...args], {
		POSTMORTEMS_DIR: dir,
		ANTHROPIC_API_KEY: 'test-key',
		ANTHROPIC_AUTH_TOKEN: undefined,
		ANTHROPIC_BASE_URL: fake.url,
		PM_DRAFT_MODEL: undefined,
		...env,
	});

const newFiles = async (dir: string) => (await readdir(dir)).filter((f) => !f.startsWith('.') && f.startsWith('2026-07-22'));
const frontmatterOf = (text: string) => parse(text.split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, any>;
const messageCalls = () => fake.requests.filter((r) => r.path === '/v1/messages');

async function validate(dir: string) {
	const result = validateArchive(await readPostmortemSources(dir), getConfig().policy);
	return result.findings.filter((f) => f.level === 'error');
}

describe('npm run draft -- --from (first draft from artefacts)', () => {
	it('writes a new draft whose timeline cites real events, with policy ids, due dates, owners and provenance', async () => {
		const dir = await archiveCopy();
		fake.queue(firstDraftReply(goodFirstDraft()));
		const run = await draft(dir, ['--severity', 'SEV2']);
		expect(run.stderr).not.toMatch(STACK_LINE);
		expect(run.code, run.stderr).toBe(0);
		expect(await newFiles(dir)).toEqual(['2026-07-22-checkout-stalled-while-an-index-build-locked-the-orders.md']);
		const text = await readFile(path.join(dir, (await newFiles(dir))[0]!), 'utf8');
		const fm = frontmatterOf(text);
		expect(fm.status).toBe('draft');
		expect(fm.severity).toBe('SEV2');
		expect(fm.startedAt).toBe('2026-07-22T02:05:00Z');
		expect(fm.detectedAt).toBe('2026-07-22T02:10:00Z');
		expect(fm.mitigatedAt).toBe('2026-07-22T02:27:00Z');
		expect(fm.resolvedAt).toBe('2026-07-22T02:40:00Z');
		expect(fm.impact.usersAffected).toBe(1240);
		const events = JSON.parse(await readFile(EVENTS, 'utf8')).events as Array<{ ref: string; at: string }>;
		const at = new Map(events.map((e) => [e.ref, e.at]));
		for (const entry of fm.timeline) {
			expect(entry.refs.length).toBeGreaterThan(0);
			expect(entry.refs.some((r: string) => at.get(r) === entry.at), `${entry.event} stands on an event at its time`).toBe(true);
		}
		// Ids continue the archive's most used prefix; due dates are the SEV2 policy window from startedAt.
		expect(fm.actionItems.map((a: any) => a.id)).toEqual(['ENG-58', 'ENG-59', 'ENG-60']);
		expect(fm.actionItems.map((a: any) => a.due)).toEqual(['2026-08-21', '2026-10-20', '2026-08-21']);
		// Owners: config for orders-db, archive history for orders-api, the artefacts for the model's suggestion.
		expect(fm.actionItems.map((a: any) => a.owner)).toEqual(['@data-platform', '@orders-team', 'Rui Costa']);
		expect(fm.drafted).toMatchObject({ model: 'claude-sonnet-5-5', reviewed: false });
		expect(fm.drafted.fields).toEqual(expect.arrayContaining(['title', 'summary', 'timeline', 'contributingFactors', 'actionItems', 'impact', 'startedAt']));
		expect(fm.drafted.sources).toEqual(['alerts.json', 'deploys.csv', 'pagerduty.json', 'slack/incident-4411/2026-07-22.json', 'tickets.json']);
		expect(run.stderr).toContain('ENG-58 owner @data-platform (from owners in postmortems.config.ts), due 2026-08-21');
		expect(run.stderr).toMatch(/usage: 1 request: .*estimated cost \$\d+\.\d{4}/);
		// One structured-output request with a cached system prefix.
		const body = messageCalls()[0]!.body;
		expect(body.output_config.format.type).toBe('json_schema');
		expect(body.system.at(-1).cache_control).toEqual({ type: 'ephemeral' });
		expect(body.messages[0].content).toContain('pagerduty.json#Q1TRIG');
		expect(await validate(dir)).toEqual([]);
	});

	it('never overwrites: a second draft of the same incident gets a -2 suffix', async () => {
		const dir = await archiveCopy();
		fake.queue(firstDraftReply(goodFirstDraft()), firstDraftReply(goodFirstDraft()));
		expect((await draft(dir)).code).toBe(0);
		const first = await readFile(path.join(dir, (await newFiles(dir))[0]!), 'utf8');
		expect((await draft(dir)).code).toBe(0);
		const files = await newFiles(dir);
		expect(files).toHaveLength(2);
		expect(files).toContain('2026-07-22-checkout-stalled-while-an-index-build-locked-the-orders-2.md');
		expect(await readFile(path.join(dir, '2026-07-22-checkout-stalled-while-an-index-build-locked-the-orders.md'), 'utf8')).toBe(first);
		// The second draft's ids do not collide with the first draft's.
		const second = frontmatterOf(await readFile(path.join(dir, '2026-07-22-checkout-stalled-while-an-index-build-locked-the-orders-2.md'), 'utf8'));
		expect(second.actionItems[0].id).toBe('ENG-61');
	});

	it('drops timeline entries and factors whose refs do not exist or whose time does not match, and says so', async () => {
		const dir = await archiveCopy();
		fake.queue(firstDraftReply(draftWithBadRefs()));
		const run = await draft(dir, ['--json']);
		expect(run.code, run.stderr).toBe(0);
		const report = JSON.parse(run.stdout);
		expect(report.dropped.map((d: any) => d.path)).toEqual(['timeline[2]', 'timeline[3]', 'contributingFactors[1]']);
		expect(report.dropped[0].reason).toContain('not in the artefacts');
		expect(report.dropped[1].reason).toContain('the events it cites are at 2026-07-22T02:19:00Z');
		const fm = frontmatterOf(await readFile(report.written, 'utf8'));
		expect(fm.timeline).toHaveLength(5);
		expect(fm.contributingFactors).toHaveLength(1);
	});

	it('drops an affected-users number and impact sentences that appear nowhere in the artefacts', async () => {
		const dir = await archiveCopy();
		fake.queue(firstDraftReply(draftWithInventedNumber()));
		const run = await draft(dir);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stderr).toContain('dropped impact.usersAffected: 4800 appears nowhere in the artefacts');
		expect(run.stderr).toContain('dropped impact.summary: the sentence "Roughly 4,800 customers could not pay." states 4,800');
		const fm = frontmatterOf(await readFile(path.join(dir, (await newFiles(dir))[0]!), 'utf8'));
		expect(fm.impact.usersAffected).toBeUndefined();
		expect(fm.impact.summary).toBe('Checkout hung for about 20 minutes.');
	});

	it('sends a self-narrating draft back once and writes the rewrite', async () => {
		const dir = await archiveCopy();
		fake.queue(firstDraftReply(selfNarratingDraft()), firstDraftReply(goodFirstDraft()));
		const run = await draft(dir);
		expect(run.code, run.stderr).toBe(0);
		expect(messageCalls()).toHaveLength(2);
		const rewrite = messageCalls()[1]!.body.messages;
		expect(rewrite).toHaveLength(3);
		expect(rewrite[2].content).toContain('summary narrates the draft instead of being it ("Here is a draft")');
		expect(run.stderr).toContain('rewritten once after the guards sent it back');
		expect(await readFile(path.join(dir, (await newFiles(dir))[0]!), 'utf8')).not.toContain('Here is a draft');
	});

	it('refuses a draft that still blames a person after one rewrite, and writes nothing', async () => {
		const dir = await archiveCopy();
		fake.queue(firstDraftReply(blamingDraft()), firstDraftReply(blamingDraft()));
		const run = await draft(dir);
		expect(run.code).toBe(1);
		expect(messageCalls()).toHaveLength(2);
		expect(messageCalls()[1]!.body.messages[2].content).toContain('Rui Costa');
		expect(run.stderr).toMatch(/draft: no file written: the draft still fails after one rewrite: blame: summary: ".*forgot/);
		expect(await newFiles(dir)).toEqual([]);
	});

	it('adds a remediation placeholder when data was lost and the model proposed none', async () => {
		const dir = await archiveCopy();
		fake.queue(firstDraftReply(dataLossWithoutRemediation()));
		const run = await draft(dir);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stderr).toContain('added a remediation placeholder item');
		const fm = frontmatterOf(await readFile(path.join(dir, (await newFiles(dir))[0]!), 'utf8'));
		const remediation = fm.actionItems.filter((a: any) => a.kind === 'remediation');
		expect(remediation).toHaveLength(1);
		// An item about the whole incident takes the owner configured for one of its services.
		expect(remediation[0]).toMatchObject({ owner: '@data-platform', priority: 'P1' });
		expect(remediation[0].title).toMatch(/^TODO: /);
	});

	it.each([
		['a 429 on every attempt', errorReply(429), /the API answered 429 \(rate_limit_error: .*\) after 5 attempts/],
		['a 500 on every attempt', errorReply(500), /the API answered 500 \(api_error: .*\) after 5 attempts/],
		['an answer cut off at max_tokens', textReply(JSON.stringify(goodFirstDraft()).slice(0, 400), 'max_tokens'), /cut off at max_tokens/],
		['a cut-off JSON body', textReply(JSON.stringify(goodFirstDraft()).slice(0, 400)), /did not parse as a first draft/],
	])('writes nothing and reports %s', async (_name, reply, reason) => {
		const dir = await archiveCopy();
		fake.fallback(reply);
		const run = await draft(dir);
		expect(run.code).toBe(1);
		expect(run.stderr).not.toMatch(STACK_LINE);
		expect(run.stderr).toMatch(reason);
		expect(run.stderr).toContain('no file written');
		expect(await newFiles(dir)).toEqual([]);
	});

	it('recovers from one 429 through the SDK retries', async () => {
		const dir = await archiveCopy();
		fake.queue(errorReply(429), firstDraftReply(goodFirstDraft()));
		const run = await draft(dir);
		expect(run.code, run.stderr).toBe(0);
		expect(messageCalls()).toHaveLength(2);
	});

	it('--dry-run needs no key: prints the events, the redaction count, the prompt size and the file it would write', async () => {
		const dir = await archiveCopy();
		const run = await draft(dir, ['--dry-run', '--title', 'Orders table locked by an index build'], { ANTHROPIC_API_KEY: undefined, ANTHROPIC_BASE_URL: undefined });
		expect(run.code, run.stderr).toBe(0);
		expect(fake.requests).toHaveLength(0);
		expect(run.stdout.trim().split('\n')).toHaveLength(13);
		expect(run.stdout).toContain('2026-07-22T02:10:00Z | pagerduty | pagerduty.json#Q1TRIG | PagerDuty | Triggered: Orders API p99 latency > 5s');
		expect(run.stderr).toContain('13 events from 5 artefact files');
		expect(run.stderr).toContain('0 secrets redacted');
		expect(run.stderr).toMatch(/prompt ≈ [\d,]+ tokens/);
		expect(run.stderr).toContain('would write');
		expect(run.stderr).toContain('2026-07-22-orders-table-locked-by-an-index-build.md');
		expect(await newFiles(dir)).toEqual([]);
	});

	it('condenses events over the budget and reports what was left out', async () => {
		const dir = await archiveCopy();
		const run = await draft(dir, ['--dry-run', '--json'], { ANTHROPIC_API_KEY: undefined, PM_DRAFT_EVENT_BUDGET: '200' });
		expect(run.code, run.stderr).toBe(0);
		const report = JSON.parse(run.stdout);
		expect(report.condense.condensed).toBe(true);
		expect(report.condense.tokensOut).toBeLessThanOrEqual(200);
		expect(report.condense.eventsLeftOut).toBeGreaterThan(0);
		expect(report.events).toBe(13);
	});

	it('without a key says what to do and writes nothing', async () => {
		const dir = await archiveCopy();
		const run = await draft(dir, [], { ANTHROPIC_API_KEY: undefined });
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('needs ANTHROPIC_API_KEY');
		expect(await newFiles(dir)).toEqual([]);
	});

	it('bad usage exits 2 with one line', async () => {
		const dir = await archiveCopy();
		const missing = await draft(dir, ['--from', path.join(dir, 'nope')]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('no artefact folder or timeline file at');
		const sev = await draft(dir, ['--severity', 'SEV9']);
		expect(sev.code).toBe(2);
		expect(sev.stderr).toContain('--severity must be one of SEV1, SEV2, SEV3, SEV4');
		const bad = path.join(dir, '..', 'bad.json');
		await writeFile(bad, '{"schemaVersion":1,"events":[{"at":"yesterday"}]}');
		const malformed = await runScript('draft', ['--from', bad, '--dry-run'], { POSTMORTEMS_DIR: dir });
		expect(malformed.code).toBe(1);
		expect(malformed.stderr).toMatch(/bad\.json: events\.0\.at must be a UTC time such as 2026-07-22T02:14:00Z; expected the output of npm run timeline/);
		expect(malformed.stderr).not.toMatch(STACK_LINE);
	});

	it('refuses to draft from a folder with an export it cannot read, naming the file, and sends nothing', async () => {
		const dir = await archiveCopy();
		const folder = await mkdtemp(path.join(tmpdir(), 'pm-artefacts-'));
		await writeFile(path.join(folder, 'pagerduty.json'), '{"log_entries": [');
		const run = await draft(dir, ['--from', folder]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('pagerduty.json');
		expect(run.stderr).toContain('nothing was drafted');
		expect(run.stderr).not.toMatch(STACK_LINE);
		expect(messageCalls()).toHaveLength(0);
		expect(await newFiles(dir)).toEqual([]);
	});
});
