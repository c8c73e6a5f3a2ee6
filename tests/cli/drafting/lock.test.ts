import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../../src/cli/drafting/lock.ts';

const lockFile = async () => path.join(await mkdtemp(path.join(tmpdir(), 'pm-lock-')), '.draft.lock');

describe('the drafting lock', () => {
	it('lets one run in and tells the second who holds it', async () => {
		const file = await lockFile();
		const first = await acquireLock(file, { pid: 1111, host: 'here', isAlive: () => true });
		expect(first.ok).toBe(true);
		const second = await acquireLock(file, { pid: 2222, host: 'here', isAlive: () => true });
		expect(second).toMatchObject({ ok: false, holder: { pid: 1111, host: 'here' } });
	});

	it('takes over a lock left by a run that died', async () => {
		const file = await lockFile();
		await acquireLock(file, { pid: 1111, host: 'here', isAlive: () => true });
		const next = await acquireLock(file, { pid: 2222, host: 'here', isAlive: (pid) => pid !== 1111 });
		expect(next).toMatchObject({ ok: true, tookOverFrom: { pid: 1111 } });
		expect(JSON.parse(await readFile(file, 'utf8')).pid).toBe(2222);
	});

	it('does not take over a lock held on another machine', async () => {
		const file = await lockFile();
		await acquireLock(file, { pid: 1111, host: 'elsewhere', isAlive: () => true });
		expect((await acquireLock(file, { pid: 2222, host: 'here', isAlive: () => false })).ok).toBe(false);
	});

	it('treats an unreadable lock as stale only once it is old', async () => {
		const file = await lockFile();
		await writeFile(file, '');
		expect((await acquireLock(file, { pid: 2222, host: 'here', now: () => new Date() })).ok).toBe(false);
		expect((await acquireLock(file, { pid: 2222, host: 'here', now: () => new Date(Date.now() + 60_000) })).ok).toBe(true);
	});

	it('releases only its own lock', async () => {
		const file = await lockFile();
		const mine = await acquireLock(file, { pid: 1111, host: 'here', isAlive: () => true });
		if (!mine.ok) throw new Error('expected the lock');
		mine.release();
		const theirs = await acquireLock(file, { pid: 2222, host: 'here', isAlive: () => true });
		expect(theirs.ok).toBe(true);
		mine.release();
		expect(JSON.parse(await readFile(file, 'utf8')).pid).toBe(2222);
	});
});
