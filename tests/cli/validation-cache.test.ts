import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContentDir } from '../../src/cli/check-content.ts';
import { validateForBuildCached } from '../../src/cli/validation-cache.ts';
import { fixture } from '../support/build-site.ts';

let work: string;
let dir: string;
let cacheFile: string;

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'pm-validation-cache-'));
	dir = path.join(work, 'postmortems');
	cacheFile = path.join(work, 'cache', 'validation.json');
	// Files with errors and warnings both, so cached findings are compared, not just "no findings".
	await cp(fixture('warnings'), dir, { recursive: true });
	for (const f of await readdir(fixture('invalid'))) await cp(path.join(fixture('invalid'), f), path.join(dir, f), { recursive: true });
});

afterAll(async () => {
	await rm(work, { recursive: true, force: true });
});

/** What `npm run validate` finds, uncached. */
async function uncached() {
	const checked = await checkContentDir(dir);
	if ('missing' in checked) throw new Error('missing');
	return { findings: checked.result.findings, errorCount: checked.result.errorCount, warningCount: checked.result.warningCount };
}

describe('the build validation cached by file content', () => {
	it('finds what the uncached validation finds, then validates only what changed', async () => {
		const first = await validateForBuildCached(dir, cacheFile);
		if ('missing' in first) throw new Error('missing');
		const expected = await uncached();
		expect(expected.errorCount).toBeGreaterThan(0);
		expect(expected.warningCount).toBeGreaterThan(0);
		expect(first.validated).toBe(first.fileCount);
		expect({ findings: first.findings, errorCount: first.errorCount, warningCount: first.warningCount }).toEqual(expected);

		const second = await validateForBuildCached(dir, cacheFile);
		if ('missing' in second) throw new Error('missing');
		expect(second.validated).toBe(0);
		expect(second.findings).toEqual(expected.findings);

		const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
		const edited = path.join(dir, files[0]!);
		await writeFile(edited, (await readFile(edited, 'utf8')).replace(/^title: .*$/m, 'title: 42: not a string: [x'));
		const third = await validateForBuildCached(dir, cacheFile);
		if ('missing' in third) throw new Error('missing');
		expect(third.validated).toBe(1);
		expect(third.findings).toEqual((await uncached()).findings);
	});

	it('reports a missing folder', async () => {
		expect(await validateForBuildCached(path.join(work, 'nope'), cacheFile)).toEqual({ missing: path.join(work, 'nope') });
	});
});
