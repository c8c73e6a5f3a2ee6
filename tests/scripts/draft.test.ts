import { spawn } from 'node:child_process';
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '../../src/config.ts';
import { readPostmortemSources } from '../../src/cli/content-dir.ts';
import { MAX_RETRIES } from '../../src/cli/drafting/request.ts';
import { validateArchive } from '../../src/lib/validation/validate-archive.ts';
import { ROOT } from '../support/build-site.ts';
import { addedLines, copyDraftingFixture, fixtureText } from '../support/drafting-fixtures.ts';
import { cutoffReply, defaultDraft, draftReply, errorReply, hangReply, htmlReply, resetReply, startFakeAnthropic, textReply, type FakeAnthropic } from '../support/fake-anthropic.ts';
import { execFileSync } from 'node:child_process';
import { scaffoldPostmortem } from '../../src/lib/authoring/scaffold.ts';

/**
 * `npm run draft` end to end: the real script, the real SDK, the stand-in server
 * reached through ANTHROPIC_BASE_URL, on temporary copies of tests/fixtures/drafting.
 */

let fake: FakeAnthropic;
beforeAll(async () => {
	fake = await startFakeAnthropic();
});
afterAll(async () => {
	await fake.close();
});
beforeEach(() => {
	fake.requests.length = 0;
	fake.fallback((body) => draftReply(defaultDraft(body)));
	fake.batchesEndImmediately(true);
});

interface Run {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

function startDraft(dir: string, args: string[] = [], env: Record<string, string> = {}) {
	const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ANTHROPIC_') && k !== 'PM_DRAFT_MODEL'));
	const child = spawn(process.execPath, ['scripts/draft.ts', ...args], {
		cwd: ROOT,
		env: { ...base, POSTMORTEMS_DIR: dir, ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url, NO_COLOR: '1', ...env },
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
	return { child, done };
}

const runDraft = (dir: string, args: string[] = [], env: Record<string, string> = {}) => startDraft(dir, args, env).done;

const TARGETS = ['2025-03-14-checkout-lock.md', '2025-04-01-login-errors/index.md', '2025-04-20-crlf-webhooks.md'];
const OTHERS = ['2024-06-12-cert-expiry.md', '2024-11-05-old-outage.md', '2025-01-10-cache-stampede.md', '2025-02-02-dns-expiry.md', '2025-02-20-queue-backlog.md'];

const read = (dir: string, file: string) => readFile(path.join(dir, file), 'utf8');
const original = (file: string) => fixtureText('archive', ...file.split('/'));
async function unchanged(dir: string, file: string) {
	expect(await read(dir, file), `${file} is untouched`).toBe(await original(file));
}
const messageRequests = () => fake.requests.filter((r) => r.path === '/v1/messages');
const userText = (body: any): string => body.messages[0].content;
const isFor = (title: string) => (body: any) => userText(body).includes(title);

describe('npm run draft', () => {
	it('drafts the missing fields, adds only lines, reports tokens and cost, and a second run is silent and free', async () => {
		const dir = await copyDraftingFixture('archive');
		const first = await runDraft(dir);
		expect(first.stderr).toContain('draft: drafting 3 postmortems with claude-sonnet-5-5, up to 4 at a time');
		expect(first.stderr).toMatch(/\[\d\/3\] drafted summary, lessons: .*2025-03-14-checkout-lock\.md/);
		expect(first.stderr).toContain('draft: 3 drafted, 0 failed.');
		expect(first.stderr).toMatch(/usage: 3 requests: [\d,]+ input, [\d,]+ cache-write, [\d,]+ cache-read, [\d,]+ output tokens; estimated cost \$\d+\.\d{4} at claude-sonnet-5-5 list prices/);
		expect(first.code).toBe(0);

		for (const file of TARGETS) {
			const added = addedLines(await original(file), await read(dir, file));
			expect(added, `${file} only gains lines`).toBeDefined();
			expect(added!.some((l) => l.startsWith('drafted:'))).toBe(true);
		}
		expect(addedLines(await original(TARGETS[1]!), await read(dir, TARGETS[1]!))!.some((l) => l.startsWith('summary:'))).toBe(false);
		for (const file of OTHERS) await unchanged(dir, file);

		// The first request writes the cached prefix alone; the others read it.
		const usage = /([\d,]+) cache-write, ([\d,]+) cache-read/.exec(first.stderr)!;
		expect(Number(usage[2]!.replace(/,/g, ''))).toBe(2 * Number(usage[1]!.replace(/,/g, '')));

		const sources = await readPostmortemSources(dir);
		const checked = validateArchive(sources, getConfig().policy);
		expect(checked.errorCount).toBe(0);
		expect(checked.entries.find((e) => e.slug === '2025-04-20-crlf-webhooks')!.data.drafted).toMatchObject({ model: 'claude-sonnet-5-5', fields: ['summary'], reviewed: false });

		fake.requests.length = 0;
		const second = await runDraft(dir);
		expect(second).toMatchObject({ code: 0, stdout: '', stderr: '' });
		expect(fake.requests).toHaveLength(0);
	});

	it('without a key, prints one line naming ANTHROPIC_API_KEY and what awaits, and exits 0', async () => {
		const dir = await copyDraftingFixture('archive');
		const run = await runDraft(dir, [], { ANTHROPIC_API_KEY: '' });
		expect(run.code).toBe(0);
		expect(run.stdout).toBe('');
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stderr).toMatch(/^draft: 3 postmortems await a drafted summary or lessons; set ANTHROPIC_API_KEY/);
		expect(fake.requests).toHaveLength(0);
		for (const file of TARGETS) await unchanged(dir, file);
	});

	it('under Vitest, never reaches anything but a stand-in on the loopback interface, even with a key', async () => {
		const dir = await copyDraftingFixture('archive');
		const run = await runDraft(dir, [], { ANTHROPIC_BASE_URL: 'https://api.anthropic.com', VITEST: 'true' });
		expect(run.code).toBe(0);
		expect(run.stderr).toContain('draft: 3 left pending: under Vitest only a stand-in on 127.0.0.1 is called');
		for (const file of TARGETS) await unchanged(dir, file);
	});

	it('--dry-run shows what would be drafted and the prompt size, and sends nothing', async () => {
		const dir = await copyDraftingFixture('archive');
		const run = await runDraft(dir, ['--dry-run']);
		expect(run.code).toBe(0);
		expect(run.stderr).toMatch(/would draft summary, lessons: .*2025-03-14-checkout-lock\.md — prompt ≈ [\d,]+ tokens \([\d,]+ cacheable prefix \+ [\d,]+ for this postmortem\)/);
		expect(run.stderr).toMatch(/would draft lessons: .*login-errors/);
		expect(run.stderr).toContain('dry run: 3 postmortems would be drafted with claude-sonnet-5-5; nothing was sent');
		expect(fake.requests).toHaveLength(0);
		for (const file of TARGETS) await unchanged(dir, file);
	});

	it('--only drafts the named postmortems and no others; an unknown slug is a usage error', async () => {
		const dir = await copyDraftingFixture('archive');
		const run = await runDraft(dir, ['--only', '2025-04-20-crlf-webhooks']);
		expect(run.code).toBe(0);
		expect(messageRequests()).toHaveLength(1);
		expect(await read(dir, TARGETS[2]!)).not.toBe(await original(TARGETS[2]!));
		await unchanged(dir, TARGETS[0]!);
		await unchanged(dir, TARGETS[1]!);
		const bad = await runDraft(dir, ['--only', 'no-such-postmortem']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--only no-such-postmortem: no postmortem with that slug');
	});

	it('retries a 429 through the SDK and drafts', async () => {
		const dir = await copyDraftingFixture('archive');
		fake.queue(errorReply(429), draftReply({ summary: 'The migration locked the orders table.', lessons: ['Lock checks belong in review.'] }));
		const run = await runDraft(dir, ['--only', '2025-03-14-checkout-lock']);
		expect(run.code).toBe(0);
		expect(messageRequests()).toHaveLength(2);
		expect(await read(dir, TARGETS[0]!)).toContain('The migration locked the orders table.');
	});

	it('reports a 500 that never recovers by file and reason, leaves that file untouched, drafts the rest and exits 1', async () => {
		const dir = await copyDraftingFixture('archive');
		fake.fallback((body) => (isFor('Checkout timeouts')(body) ? errorReply(500, 'api_error', 'stand-in is down') : draftReply(defaultDraft(body))));
		const run = await runDraft(dir);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(new RegExp(`failed .*2025-03-14-checkout-lock\\.md: the API answered 500 \\(api_error: stand-in is down\\) after ${MAX_RETRIES + 1} attempts; the file was left as it was`));
		expect(run.stderr).toContain('draft: 2 drafted, 1 failed.');
		expect(messageRequests().filter((r) => isFor('Checkout timeouts')(r.body))).toHaveLength(MAX_RETRIES + 1);
		await unchanged(dir, TARGETS[0]!);
		expect(await read(dir, TARGETS[1]!)).toContain('drafted:');
		expect(await read(dir, TARGETS[2]!)).toContain('drafted:');
	});

	it('rejects output that does not parse and writes nothing', async () => {
		const dir = await copyDraftingFixture('archive');
		fake.queue(textReply('{"summary": "half an answer", "lessons": ['));
		const run = await runDraft(dir, ['--only', '2025-04-01-login-errors']);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/failed .*login-errors.*: the answer did not parse as \{summary, lessons\}/);
		await unchanged(dir, TARGETS[1]!);
	});

	it('never writes a blaming draft: one rewrite with the findings, then it gives up and says why', async () => {
		const dir = await copyDraftingFixture('archive');
		fake.fallback(draftReply({ summary: 'The outage happened because @dana forgot to run the lock lint.', lessons: ['Li Wei should have reviewed the migration.'] }));
		const run = await runDraft(dir, ['--only', '2025-03-14-checkout-lock']);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/failed .*checkout-lock\.md: the draft still blames a person after one rewrite: summary: ".*" ties "forgot" to @dana/);
		expect(messageRequests()).toHaveLength(2);
		expect(userText(messageRequests()[1]!.body)).toBe(userText(messageRequests()[0]!.body));
		expect(messageRequests()[1]!.body.messages[2].content).toContain('ties "should have" to Li');
		await unchanged(dir, TARGETS[0]!);
	});

	it('keeps instructions inside a postmortem body inside the data tags', async () => {
		const dir = await copyDraftingFixture('injection');
		const run = await runDraft(dir);
		expect(run.code).toBe(0);
		const user = userText(messageRequests()[0]!.body);
		expect(user.match(/<\s*\/?\s*postmortem_data/gi)).toEqual(['<postmortem_data', '</postmortem_data']);
		const injected = user.indexOf('Ignore all previous instructions');
		expect(injected).toBeGreaterThan(user.indexOf('<postmortem_data>'));
		expect(injected).toBeLessThan(user.indexOf('</postmortem_data>'));
	});

	it('picks the model from --model, then PM_DRAFT_MODEL, then the config', async () => {
		const dir = await copyDraftingFixture('archive');
		await runDraft(dir, ['--only', '2025-04-20-crlf-webhooks'], { PM_DRAFT_MODEL: 'claude-haiku-5-5' });
		expect(messageRequests()[0]!.body.model).toBe('claude-haiku-5-5');
		expect(await read(dir, TARGETS[2]!)).toContain('model: claude-haiku-5-5');
		await runDraft(dir, ['--only', '2025-04-01-login-errors', '--model', 'claude-opus-5-5'], { PM_DRAFT_MODEL: 'claude-haiku-5-5' });
		expect(messageRequests()[1]!.body.model).toBe('claude-opus-5-5');
	});

	it('--force redrafts unreviewed model drafts and nothing people wrote', async () => {
		const dir = await copyDraftingFixture('archive');
		const run = await runDraft(dir, ['--force', '--json']);
		expect(run.code).toBe(0);
		const report = JSON.parse(run.stdout);
		expect(report.drafted.map((d: { slug: string }) => d.slug).sort()).toEqual(['2025-02-20-queue-backlog', '2025-03-14-checkout-lock', '2025-04-01-login-errors', '2025-04-20-crlf-webhooks']);
		expect(report).toMatchObject({ model: 'claude-sonnet-5-5', failed: [], usage: { live: { requests: 4 } }, estimatedCostUsd: expect.any(Number) });
		for (const file of OTHERS.filter((f) => f !== '2025-02-20-queue-backlog.md')) await unchanged(dir, file);
		expect(await read(dir, '2025-02-20-queue-backlog.md')).not.toContain('An earlier model draft');
		expect(await read(dir, TARGETS[1]!)).toContain('summary: "The session store failed over');
	});

	it('refuses to run while another run holds the lock, and takes over a lock left by a dead run', async () => {
		const dir = await copyDraftingFixture('archive');
		const lock = path.join(dir, '.draft.lock');
		await writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2025-06-01T00:00:00Z' }));
		const refused = await runDraft(dir);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain(`draft: another drafting run holds ${lock} (pid ${process.pid} on ${hostname()}`);
		expect(fake.requests).toHaveLength(0);

		const finished = spawn(process.execPath, ['-e', '0']);
		const deadPid = finished.pid!;
		await new Promise((resolve) => finished.on('close', resolve));
		await writeFile(lock, JSON.stringify({ pid: deadPid, host: hostname(), startedAt: '2025-06-01T00:00:00Z' }));
		const ran = await runDraft(dir, ['--only', '2025-04-20-crlf-webhooks']);
		expect(ran.code).toBe(0);
		expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
	});

	it('stopped mid-run, leaves every file as it was or fully drafted, and no lock behind', async () => {
		const dir = await copyDraftingFixture('archive');
		fake.queue(draftReply({ summary: 'First, complete.', lessons: ['Complete.'] }), hangReply());
		const run = startDraft(dir, ['--concurrency', '1']);
		while (messageRequests().length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
		run.child.kill('SIGINT');
		const result = await run.done;
		expect(result.code).toBe(130);
		expect(result.stderr).toContain('every file is either as it was or fully drafted');
		expect(await read(dir, TARGETS[0]!)).toContain('First, complete.');
		await unchanged(dir, TARGETS[1]!);
		await unchanged(dir, TARGETS[2]!);
		expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
	});

	it('--batch submits one job and saves its id; live runs leave those postmortems alone; --resume collects through the same gate and writer', async () => {
		const dir = await copyDraftingFixture('archive');
		fake.batchesEndImmediately(false);
		fake.queue(draftReply({ summary: 'Because of @dana the migration caused the outage.', lessons: ['Fine.'] }));
		const submitted = await runDraft(dir, ['--batch']);
		expect(submitted.code).toBe(0);
		expect(submitted.stderr).toMatch(/submitted 3 postmortems as batch msgbatch_\S+ \(half price\)/);
		const state = JSON.parse(await read(dir, '.draft-batch.json'));
		expect(state.requests.map((r: { slug: string }) => r.slug)).toEqual(['2025-03-14-checkout-lock', '2025-04-01-login-errors', '2025-04-20-crlf-webhooks']);
		for (const file of TARGETS) await unchanged(dir, file);

		const live = await runDraft(dir);
		expect(live.code).toBe(0);
		expect(live.stderr).toContain(`3 postmortems wait in batch ${state.batchId}`);
		expect(messageRequests()).toHaveLength(0);

		const early = await runDraft(dir, ['--resume']);
		expect(early.code).toBe(0);
		expect(early.stderr).toContain(`batch ${state.batchId} is still in progress (0 of 3 done)`);

		fake.finishBatches();
		const collected = await runDraft(dir, ['--batch']);
		expect(collected.code).toBe(0);
		expect(collected.stderr).toMatch(/drafted summary, lessons: .*checkout-lock\.md \(rewritten once by the tone gate\)/);
		expect(collected.stderr).toContain('draft: 3 drafted, 0 failed.');
		expect(collected.stderr).toMatch(/usage: 1 request: .*; 3 batch results \(half price\): .*estimated cost/);
		expect(messageRequests()).toHaveLength(1);
		expect(await read(dir, TARGETS[0]!)).not.toContain('@dana the migration');
		for (const file of TARGETS) expect(addedLines(await original(file), await read(dir, file))).toBeDefined();
		expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);

		const again = await runDraft(dir, ['--resume']);
		expect(again.stderr).toContain('no batch is pending');
	});

	it('rejects bad options with exit 2', async () => {
		const dir = await copyDraftingFixture('archive');
		expect((await runDraft(dir, ['--concurrency', '0'])).code).toBe(2);
		expect((await runDraft(dir, ['--bogus'])).code).toBe(2);
		const help = await runDraft(dir, ['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('Usage: npm run draft');
	});
});

describe('npm run draft: faults (issue 14)', () => {
	const leftovers = async (dir: string) => (await readdir(dir)).filter((f) => f.startsWith('.'));

	it('a cut-off answer and an HTML 200 fail their own files by name; the others are drafted, the report printed, the lock released last', async () => {
		const dir = await copyDraftingFixture('archive');
		fake.fallback((body) => (isFor('Checkout timeouts')(body) ? cutoffReply() : isFor('Login errors')(body) ? htmlReply() : draftReply(defaultDraft(body))));
		const run = await runDraft(dir, ['--retries', '0']);
		expect(run.stderr).not.toMatch(/^error:/m);
		expect(run.stderr).toMatch(/failed .*2025-03-14-checkout-lock\.md: the connection broke while the answer was arriving \(.+\) after 1 attempt; the file was left as it was/);
		expect(run.stderr).toMatch(/failed .*login-errors\/index\.md: the API answered 200 with text\/html instead of a Messages response .* after 1 attempt; the file was left as it was/);
		expect(run.stderr).toContain('draft: 1 drafted, 2 failed.');
		expect(run.stderr).toMatch(/usage: /);
		expect(run.code).toBe(1);
		await unchanged(dir, TARGETS[0]!);
		await unchanged(dir, TARGETS[1]!);
		expect(await read(dir, TARGETS[2]!)).toContain('drafted:');
		expect(await leftovers(dir)).toEqual([]);
	});

	it('a connection reset is retried and the file drafted', async () => {
		const dir = await copyDraftingFixture('archive');
		fake.queue(resetReply());
		const run = await runDraft(dir, ['--only', '2025-04-20-crlf-webhooks']);
		expect(run.code).toBe(0);
		expect(messageRequests()).toHaveLength(2);
		expect(await read(dir, TARGETS[2]!)).toContain('drafted:');
	});

	it('a hanging API: attempts time out, a progress line says who is waiting, and the run stops at its deadline with every file named', async () => {
		const dir = await copyDraftingFixture('archive');
		fake.fallback(hangReply());
		const run = await runDraft(dir, ['--timeout', '2', '--retries', '9', '--deadline', '0.1']);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/draft: still waiting on .*2025-03-14-checkout-lock\.md after 2 s/);
		expect(run.stderr).toMatch(/failed .*2025-03-14-checkout-lock\.md: the run's deadline \(6 s\) passed before this file was drafted; the file was left/);
		expect(run.stderr).toMatch(/failed .*crlf-webhooks\.md: the run's deadline \(6 s\) passed before this file was drafted; not sent/);
		expect(run.stderr).toContain('draft: 0 drafted, 3 failed.');
		// Every attempt was cut off at the per-attempt timeout and retried, not waited on for minutes.
		expect(messageRequests().length).toBeGreaterThanOrEqual(2);
		expect(messageRequests()[0]!.headers['x-stainless-timeout']).toBe('2');
		for (const file of TARGETS) await unchanged(dir, file);
		expect(await leftovers(dir)).toEqual([]);
	});

	it('reports a read-only file and leaves it alone; drafting keeps the mode of the files it writes', async () => {
		const dir = await copyDraftingFixture('archive');
		await chmod(path.join(dir, TARGETS[0]!), 0o444);
		await chmod(path.join(dir, TARGETS[2]!), 0o664);
		const run = await runDraft(dir);
		expect(run.code).toBe(0);
		expect(run.stderr).toMatch(/skipped .*2025-03-14-checkout-lock\.md: the file is read-only \(mode 0444\); make it writable/);
		expect(run.stderr).toContain('draft: 2 drafted, 0 failed, 1 skipped.');
		expect(messageRequests().filter((r) => isFor('Checkout timeouts')(r.body))).toHaveLength(0);
		await unchanged(dir, TARGETS[0]!);
		expect((await stat(path.join(dir, TARGETS[2]!))).mode & 0o777).toBe(0o664);
	});

	it('says when it takes over a stale lock and removes a stopped run\'s temporary files', async () => {
		const dir = await copyDraftingFixture('archive');
		const finished = spawn(process.execPath, ['-e', '0']);
		const deadPid = finished.pid!;
		await new Promise((resolve) => finished.on('close', resolve));
		await writeFile(path.join(dir, '.draft.lock'), JSON.stringify({ pid: deadPid, host: hostname(), startedAt: '2025-06-01T00:00:00Z' }));
		await writeFile(path.join(dir, `.2025-04-20-crlf-webhooks.md.draft-${deadPid}.tmp`), 'half a draft');
		const run = await runDraft(dir, ['--only', '2025-04-20-crlf-webhooks']);
		expect(run.code).toBe(0);
		expect(run.stderr).toContain(`took over ${path.join(dir, '.draft.lock')}, left by pid ${deadPid} on ${hostname()} (started 2025-06-01T00:00:00Z), which is no longer running`);
		expect(run.stderr).toContain(`removed ${path.join(dir, `.2025-04-20-crlf-webhooks.md.draft-${deadPid}.tmp`)}, a temporary file a stopped run left`);
		expect(await leftovers(dir)).toEqual([]);
	});

	it('never drafts into a file that is not UTF-8: its bytes stay as they were', async () => {
		const dir = await copyDraftingFixture('archive');
		const file = path.join(dir, TARGETS[2]!);
		const latin1 = Buffer.from((await read(dir, TARGETS[2]!)).replace(/^title: .*$/m, 'title: Webhook deliveries delayed at the CAFE'), 'utf8');
		latin1[latin1.indexOf('CAFE') + 3] = 0xc9; // "CAF\xc9": Latin-1, not UTF-8
		await writeFile(file, latin1);
		const run = await runDraft(dir);
		expect(run.code).toBe(0);
		expect(run.stderr).toContain('1 postmortem has errors and was not considered');
		expect(messageRequests().filter((r) => isFor('Webhook deliveries')(r.body))).toHaveLength(0);
		expect((await readFile(file)).equals(latin1)).toBe(true);
	});

	it('git ignores the temporary files a killed run leaves', () => {
		const ignored = (p: string) => {
			try {
				execFileSync('git', ['check-ignore', '-q', '--no-index', p], { cwd: ROOT });
				return true;
			} catch {
				return false;
			}
		};
		expect(ignored('content/postmortems/.2025-03-14-checkout-lock.md.draft-4242.tmp')).toBe(true);
		expect(ignored('content/postmortems/some-folder/.index.md.draft-7.tmp')).toBe(true);
		expect(ignored('content/postmortems/2025-03-14-checkout-lock.md')).toBe(false);
	});

	it('skips a scaffold that still holds its TODOs: "fill in the template first", nothing sent', async () => {
		const dir = await copyDraftingFixture('archive');
		const scaffold = scaffoldPostmortem({ title: 'Something broke', severity: 'SEV3', now: new Date('2025-06-01T10:00:00Z'), timeZone: 'UTC', policy: getConfig().policy });
		await writeFile(path.join(dir, scaffold.fileName), scaffold.text);
		const dry = await runDraft(dir, ['--dry-run']);
		expect(dry.stderr).toMatch(new RegExp(`skipped .*${scaffold.fileName}: fill in the template first`));
		expect(dry.stderr).not.toMatch(new RegExp(`would draft .*${scaffold.fileName}`));
		const run = await runDraft(dir);
		expect(run.code).toBe(0);
		expect(messageRequests().filter((r) => isFor('Something broke')(r.body))).toHaveLength(0);
		expect(await read(dir, scaffold.fileName)).toBe(scaffold.text);
		expect(run.stderr).toContain('draft: 3 drafted, 0 failed, 1 skipped.');
	});
});
