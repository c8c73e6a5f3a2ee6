import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { copyDraftingFixture, fixtureText } from '../support/drafting-fixtures.ts';
import { errorReply, startFakeAnthropic, type FakeAnthropic } from '../support/fake-anthropic.ts';

let fake: FakeAnthropic;
beforeAll(async () => {
	fake = await startFakeAnthropic();
});
afterAll(async () => {
	await fake.close();
});

describe('the drafting step of npm run build', () => {
	it('reports a failed draft and still builds the site, leaving the file as it was', async () => {
		const dir = await copyDraftingFixture('injection');
		fake.fallback(errorReply(503, 'overloaded_error', 'stand-in overloaded'));
		const built = await buildSite(dir, { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url });
		expect(built.stderr).toMatch(/failed .*2025-05-05-pasted-chat\.md: the API answered 503/);
		expect(built.stderr).toContain('build: drafting did not finish for every postmortem (see above); building with those fields pending.');
		expect(built.code).toBe(0);
		await access(path.join(built.outDir, 'index.html'));
		expect(await readFile(path.join(dir, '2025-05-05-pasted-chat.md'), 'utf8')).toBe(await fixtureText('injection', '2025-05-05-pasted-chat.md'));
	});
});
