import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorReply, isToneReview, startFakeAnthropic, textReply, toneReply, type FakeAnthropic } from '../support/fake-anthropic.ts';
import { runScript, STACK_LINE } from '../support/run-script.ts';

/** `npm run tone` end to end: the real script, the real SDK, the stand-in on 127.0.0.1. */

const ARCHIVE = path.resolve('tests/fixtures/drafting/archive');
const SUBTLE = 'The deploy went out late on Friday because the usual approver was keen to start the weekend.';
let fake: FakeAnthropic;
let dir: string;
beforeAll(async () => {
	fake = await startFakeAnthropic();
});
afterAll(async () => {
	await fake.close();
});
beforeEach(async () => {
	fake.requests.length = 0;
	fake.toneFallback(toneReply([]));
	dir = await mkdtemp(path.join(tmpdir(), 'pm-tone-'));
});

const reviews = () => fake.requests.filter((r) => r.path === '/v1/messages' && isToneReview(r.body));
async function textFile(name: string, text: string): Promise<string> {
	const file = path.join(dir, name);
	await writeFile(file, text);
	return file;
}
const noKey = { ANTHROPIC_API_KEY: '', ANTHROPIC_AUTH_TOKEN: '', POSTMORTEMS_DIR: ARCHIVE };
const withKey = () => ({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_AUTH_TOKEN: '', ANTHROPIC_BASE_URL: fake.url, PM_TONE_CACHE: path.join(dir, 'cache.json'), POSTMORTEMS_DIR: ARCHIVE });

describe('npm run tone, without a key', () => {
	it('runs the deterministic check only, says so, and names file, line, field, kind and a rewrite', async () => {
		const file = await textFile('notes.md', 'PagerDuty paged Sarah at 02:16.\nThe intern forgot to drain the node.\n');
		const run = await runScript('tone', [file], noKey);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`notes.md:2: (text): role-as-person (check): "The intern forgot to drain the node." ties "forgot to drain" to the intern`);
		expect(run.stderr).toContain('describe the conditions they worked under');
		expect(run.stderr).toContain('tone: model review skipped (no ANTHROPIC_API_KEY); only the deterministic check ran');
		expect(run.stderr).not.toMatch(STACK_LINE);
		expect(fake.requests).toHaveLength(0);
	});

	it('checks every postmortem of the archive by default, field by field, and exits 0 when all read as blameless', async () => {
		const run = await runScript('tone', ['--json'], noKey);
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout)).toMatchObject({ files: 8, findings: 0, model: null, modelSkipped: 'no ANTHROPIC_API_KEY' });
	});

	it('rejects an unreadable file and a bad option with exit 2', async () => {
		expect((await runScript('tone', [path.join(dir, 'missing.md')], noKey)).code).toBe(2);
		expect((await runScript('tone', ['--bogus'], noKey)).code).toBe(2);
	});
});

describe('npm run tone, with a key (the model reviewer on the stand-in)', () => {
	it('reports what the reviewer finds, sends it only what the check left, and caches every verdict so a rerun sends nothing', async () => {
		const file = await textFile('notes.md', `The intern forgot to drain the node. ${SUBTLE} Checkout recovered at 02:40.`);
		fake.queueTone(toneReply([{ index: 1, sentence: SUBTLE, kind: 'blame', person: 'the usual approver', rewrite: 'Nothing holds deploys late on a Friday.' }]));
		const first = await runScript('tone', [file], withKey());
		expect(first.code).toBe(1);
		expect(first.stderr).toContain(`(text): blame (model): "${SUBTLE}" reads to the tone reviewer as blame (the usual approver)`);
		expect(first.stderr).toContain('Perhaps: "Nothing holds deploys late on a Friday."');
		expect(first.stderr).toContain('role-as-person (check)');
		const [review] = reviews();
		expect(review!.body.messages[0].content).toContain(`1. ${SUBTLE}\n2. Checkout recovered at 02:40.`);
		expect(review!.body.messages[0].content).not.toContain('intern');
		expect(review!.body.system.map((b: { text: string }) => b.text).join('\n')).toContain('<blameless_example');
		expect(Object.keys(JSON.parse(await readFile(path.join(dir, 'cache.json'), 'utf8')))).toHaveLength(2);

		fake.requests.length = 0;
		const again = await runScript('tone', [file], withKey());
		expect(again.code).toBe(1);
		expect(again.stderr).toContain(`"${SUBTLE}" reads to the tone reviewer as blame`);
		expect(again.stderr).toContain('(0 review requests;');
		expect(reviews()).toHaveLength(0);
	});

	it('exits 0 when neither layer finds anything', async () => {
		const file = await textFile('clean.md', 'The migration took an exclusive lock for 92 seconds.');
		const run = await runScript('tone', [file], withKey());
		expect(run.code).toBe(0);
		expect(run.stderr).toContain('checked with the deterministic check and the model reviewer: 0 findings (1 review request;');
	});

	it('says the review could not run on a malformed answer, caches nothing, and exits 1', async () => {
		const file = await textFile('clean.md', 'The migration took an exclusive lock for 92 seconds.');
		fake.queueTone(textReply('{"findings": [{"index": "one"}]}'));
		const run = await runScript('tone', [file], withKey());
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/clean\.md: the tone review could not run: the answer was malformed/);
		await expect(readFile(path.join(dir, 'cache.json'), 'utf8')).resolves.toBe('{}\n');
	});

	it('says the review could not run on a 500, after the SDK’s retries, and exits 1', async () => {
		const file = await textFile('clean.md', 'The migration took an exclusive lock for 92 seconds.');
		fake.toneFallback(errorReply(500));
		const run = await runScript('tone', [file], withKey());
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('clean.md: the tone review could not run: the API answered 500 (api_error: stand-in 500) after 5 attempts');
		expect(run.stderr).not.toMatch(STACK_LINE);
	});
});
