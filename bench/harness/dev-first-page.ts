import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { rename, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { generatePostmortems } from '../core/generate.ts';
import { writeArchive } from './write-archive.ts';
import { machineInfo, ROOT, type BenchOptions } from './run-bench.ts';

const astroCli = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/**
 * Waits until `file` exists and has not changed for `quietMs`: Astro saves its content
 * store a moment after a sync (debounced), and a dev server stopped before that leaves
 * the next start as cold as the first.
 */
async function untilSaved(file: string, notBefore: number, timeoutMs: number, quietMs = 3000): Promise<boolean> {
	const started = performance.now();
	let last = '';
	let since = performance.now();
	while (performance.now() - started < timeoutMs) {
		const s = await stat(file).catch(() => undefined);
		// Only a save after the sync counts (Astro writes a store of settings alone at start-up).
		const now = s && s.mtimeMs >= notBefore ? `${s.size}:${s.mtimeMs}` : '';
		if (now !== last) {
			last = now;
			since = performance.now();
		} else if (now && performance.now() - since >= quietMs) {
			return true;
		}
		await sleep(250);
	}
	return false;
}

/**
 * Seconds from starting `astro dev` (as `npm run dev` does) until `pagePath` answers 200.
 * With `store`, the server is stopped only once its content store is saved, so the next
 * start finds it; that wait is not counted.
 */
async function timeToFirstPage(contentDir: string, cacheDir: string, asOf: string, pagePath: string, timeoutMs: number, store: string | undefined, port: number): Promise<number> {
	const started = performance.now();
	const child = spawn(process.execPath, [astroCli, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: ROOT,
		env: { ...process.env, POSTMORTEMS_DIR: contentDir, ASTRO_CACHE_DIR: cacheDir, PM_AS_OF: asOf, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	// When Astro says the content is synced (wall-clock ms), to know which save of the store is the full one.
	let syncedAt: number | undefined;
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => {
		if (syncedAt !== undefined) return;
		output = (output + chunk.toString('utf8')).slice(-4096);
		if (output.includes('Synced content')) syncedAt = Date.now() - 1000;
	});
	try {
		while (performance.now() - started < timeoutMs) {
			const ok = await fetch(`http://127.0.0.1:${port}${pagePath}`).then((r) => r.status === 200, () => false);
			if (ok) {
				const seconds = (performance.now() - started) / 1000;
				// The last run need not wait (and an unchanged store is not written again).
				if (store === undefined) return seconds;
				while (syncedAt === undefined && performance.now() - started < timeoutMs) await sleep(250);
				if (syncedAt === undefined || !(await untilSaved(store, syncedAt, timeoutMs))) throw new Error(`astro dev served ${pagePath} but did not save its content store (${store})`);
				return seconds;
			}
			await sleep(250);
		}
		throw new Error(`astro dev did not serve ${pagePath} within ${timeoutMs / 1000} s`);
	} finally {
		child.kill('SIGTERM');
		await new Promise((resolve) => child.once('close', resolve));
	}
}

export interface DevResult {
	n: number;
	/** Seconds to the home page with an empty cache folder (the content store is built first). */
	coldSeconds: number;
	warmSeconds: number;
	machine: Record<string, string | number>;
}

/**
 * `npm run dev`'s time to first page (issue 17): the home page, first with no content store
 * and an empty cache folder, then again with what that run left.
 */
export async function runDevBench(options: BenchOptions): Promise<DevResult> {
	const { n, workDir, progress } = options;
	const contentDir = path.join(workDir, 'content');
	const generated = [...generatePostmortems({ count: n, seed: options.seed, vocabulary: options.vocabulary, asOf: options.asOf, dueWindows: options.dueWindows })];
	await writeArchive(contentDir, generated);
	const cacheDir = path.join(workDir, 'dev-cache');
	await rm(cacheDir, { recursive: true, force: true });
	// `astro dev` keeps its content store in the project's .astro/ folder, not in the cache
	// folder (Astro's getDataStoreFile): set the developer's own aside for the cold run, and
	// put it back afterwards.
	const store = path.join(ROOT, '.astro', 'data-store.json');
	const setAside = `${store}.bench-${process.pid}`;
	const hadStore = await rename(store, setAside).then(() => true, () => false);
	const machine = machineInfo();
	const timeout = 30 * 60_000;
	// One port for both runs: the server's settings (its port too) are part of the digest
	// Astro keeps with the store, and a different one makes it sync everything again.
	const port = await freePort();
	try {
		const coldSeconds = await timeToFirstPage(contentDir, cacheDir, options.asOf, '/', timeout, store, port);
		progress(`N=${n}: astro dev, empty cache: first page after ${coldSeconds.toFixed(1)} s`);
		const warmSeconds = await timeToFirstPage(contentDir, cacheDir, options.asOf, '/', timeout, undefined, port);
		progress(`N=${n}: astro dev, kept cache: first page after ${warmSeconds.toFixed(1)} s`);
		return { n, coldSeconds, warmSeconds, machine };
	} finally {
		await rm(store, { force: true });
		if (hadStore) await rename(setAside, store);
		if (!options.keep) await rm(cacheDir, { recursive: true, force: true });
	}
}
