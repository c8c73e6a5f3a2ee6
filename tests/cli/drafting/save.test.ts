import { chmod, chown, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileChangedError, removeLeftoverTempFiles, saveAtomically } from '../../../src/cli/drafting/save.ts';

describe('saving a drafted file', () => {
	it('replaces the file through a temporary file in the same folder, leaving none behind', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-save-'));
		const file = path.join(dir, 'a.md');
		await writeFile(file, 'before');
		await saveAtomically(file, 'after', 'before');
		expect(await readFile(file, 'utf8')).toBe('after');
		expect(await readdir(dir)).toEqual(['a.md']);
	});

	it('writes nothing when the file changed while the model was drafting', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-save-'));
		const file = path.join(dir, 'a.md');
		await writeFile(file, 'edited by a person meanwhile');
		await expect(saveAtomically(file, 'draft', 'before')).rejects.toBeInstanceOf(FileChangedError);
		expect(await readFile(file, 'utf8')).toBe('edited by a person meanwhile');
		expect(await readdir(dir)).toEqual(['a.md']);
	});

	it('cleans up temporary files a killed run left, and nothing else', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-save-'));
		await mkdir(path.join(dir, 'folder-case'));
		await writeFile(path.join(dir, '.a.md.draft-123.tmp'), 'half');
		await writeFile(path.join(dir, 'folder-case', '.index.md.draft-9.tmp'), 'half');
		await writeFile(path.join(dir, 'a.md'), 'keep');
		await writeFile(path.join(dir, '.draft.lock'), 'keep');
		expect(await removeLeftoverTempFiles(dir)).toHaveLength(2);
		expect((await readdir(dir)).sort()).toEqual(['.draft.lock', 'a.md', 'folder-case']);
		expect(await readdir(path.join(dir, 'folder-case'))).toEqual([]);
	});
});

describe('permissions (issue 14)', () => {
	it('refuses a read-only file and leaves it as it was', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-save-'));
		const file = path.join(dir, 'a.md');
		await writeFile(file, 'before');
		await chmod(file, 0o444);
		await expect(saveAtomically(file, 'after', 'before')).rejects.toThrow(/read-only \(mode 0444\)/);
		expect(await readFile(file, 'utf8')).toBe('before');
		expect(await readdir(dir)).toEqual(['a.md']);
	});

	it('keeps the mode (past the umask) and the owner of the file it replaces', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-save-'));
		const file = path.join(dir, 'a.md');
		await writeFile(file, 'before');
		await chmod(file, 0o666);
		// As root the file is given to another user, as a checkout shared between people would be.
		const owner = process.getuid!() === 0 ? { uid: 4242, gid: 4343 } : { uid: process.getuid!(), gid: process.getgid!() };
		if (process.getuid!() === 0) await chown(file, owner.uid, owner.gid);
		await saveAtomically(file, 'after', 'before');
		const after = await stat(file);
		expect(after.mode & 0o777).toBe(0o666);
		expect({ uid: after.uid, gid: after.gid }).toEqual(owner);
		expect(await readFile(file, 'utf8')).toBe('after');
	});
});
