import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';

/**
 * One drafting run per archive at a time: a lock file created exclusively
 * (O_EXCL), holding the owner's pid. A lock left by a run that died (its pid is
 * gone) is taken over, so a crash never leaves the archive stuck.
 */

/** Who holds the lock. */
export interface LockHolder {
	pid: number;
	host: string;
	startedAt: string;
}

export type LockResult =
	/** `tookOver`: a stale lock was replaced; `tookOverFrom`: whose, when the lock could be read. */
	| { ok: true; release: () => void; tookOver?: boolean; tookOverFrom?: LockHolder }
	| { ok: false; holder?: LockHolder };

export interface LockOptions {
	pid?: number;
	host?: string;
	now?: () => Date;
	/** Whether a process is running; the default asks the OS. */
	isAlive?: (pid: number) => boolean;
}

/** Whether `pid` is a running process on this machine (EPERM means it runs as someone else). */
export function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function parseHolder(text: string): LockHolder | undefined {
	try {
		const data = JSON.parse(text) as Partial<LockHolder>;
		return typeof data.pid === 'number' && typeof data.host === 'string' ? { pid: data.pid, host: data.host, startedAt: String(data.startedAt ?? '') } : undefined;
	} catch {
		return undefined;
	}
}

async function createExclusively(file: string, holder: LockHolder): Promise<boolean> {
	try {
		const handle = await open(file, 'wx');
		await handle.writeFile(`${JSON.stringify(holder)}\n`);
		await handle.close();
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}

async function olderThan(file: string, ms: number, now: Date): Promise<boolean> {
	const s = await stat(file).catch(() => undefined);
	return s ? now.getTime() - s.mtimeMs > ms : true;
}

/** Takes the lock at `file`, or says who holds it. */
export async function acquireLock(file: string, options: LockOptions = {}): Promise<LockResult> {
	const me: LockHolder = {
		pid: options.pid ?? process.pid,
		host: options.host ?? hostname(),
		startedAt: (options.now?.() ?? new Date()).toISOString(),
	};
	const isAlive = options.isAlive ?? processIsAlive;
	const release = () => {
		try {
			if (parseHolder(readFileSync(file, 'utf8'))?.pid === me.pid) unlinkSync(file);
		} catch {
			// Already gone.
		}
	};
	if (await createExclusively(file, me)) return { ok: true, release };

	const holder = parseHolder(await readFile(file, 'utf8').catch(() => ''));
	// A holder on another machine (a shared folder) cannot be checked, so it counts as alive.
	// An unreadable lock is stale once it is older than a run needs to write its pid.
	const stale = holder ? holder.host === me.host && !isAlive(holder.pid) : await olderThan(file, 10_000, options.now?.() ?? new Date());
	if (!stale) return { ok: false, holder };
	await unlink(file).catch(() => {});
	// If another run took it over between these two steps, it wins and this one refuses.
	if (await createExclusively(file, me)) return { ok: true, release, tookOver: true, tookOverFrom: holder };
	return { ok: false, holder: parseHolder(await readFile(file, 'utf8').catch(() => '')) };
}
