import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstNonUtf8Line, siteExclusions } from '../../src/cli/content-dir.ts';

describe('the files Astro loads are the files validate reads (issue 14)', () => {
	it('leaves out links that resolve outside the folder, and the files the build names in PM_BUILD_SKIP', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-excl-'));
		const outside = await mkdtemp(path.join(tmpdir(), 'pm-out-'));
		await writeFile(path.join(dir, 'plain.md'), 'x');
		await writeFile(path.join(outside, 'o.md'), 'x');
		await mkdir(path.join(outside, 'f'));
		await writeFile(path.join(outside, 'f', 'index.md'), 'x');
		await symlink(path.join(outside, 'o.md'), path.join(dir, 'out[1].md'));
		await symlink(path.join(outside, 'f'), path.join(dir, 'out-folder'));
		await symlink(path.join(dir, 'plain.md'), path.join(dir, 'in.md'));
		const env = { PM_BUILD_SKIP: JSON.stringify(['broken-draft.md', 'review-case/index.md']) };
		expect(await siteExclusions(dir, env)).toEqual(['!broken-draft.md', '!out-folder/index.md', '!out\\[1\\].md', '!review-case/index.md']);
		expect(await siteExclusions(dir, {})).toEqual(['!out-folder/index.md', '!out\\[1\\].md']);
	});

	it('finds the line of the first byte that is not UTF-8', () => {
		expect(firstNonUtf8Line(Buffer.from('a\nb\nc'))).toBeUndefined();
		expect(firstNonUtf8Line(Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]))).toBe(3);
	});
});
