import { spawn } from 'node:child_process';
import { accessSync, constants, createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { watchPeakRss, type ProcessRss } from './process-tree.ts';

export interface MeasuredRun {
	/** Exit code (1 when killed by a signal or not started). */
	code: number;
	/** Wall time from spawn to exit. */
	seconds: number;
	/**
	 * User + system CPU time of the command and every descendant it waited for, from GNU
	 * time, plus Pagefind's unreaped binary sampled from /proc; steadier than wall time on a
	 * busy machine. Undefined without /usr/bin/time.
	 */
	cpuSeconds: number | undefined;
	/** Of cpuSeconds, Pagefind's binary (sampled from /proc); undefined without /usr/bin/time. */
	pagefindCpuSeconds: number | undefined;
	/** Peak resident memory of the whole process tree, bytes; undefined where /proc is missing. */
	peakRssBytes: number | undefined;
	/** The processes at the peak, largest first. */
	peakRssBreakdown: ProcessRss[];
}

const GNU_TIME = '/usr/bin/time';

function hasGnuTime(): boolean {
	try {
		accessSync(GNU_TIME, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** Runs a command, sends its output to `logFile`, and measures wall time, CPU time and the tree's peak memory. */
export async function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Promise<MeasuredRun> {
	const log = createWriteStream(options.logFile);
	const timeFile = `${options.logFile}.time`;
	const timed = hasGnuTime();
	const [file, argv] = timed ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
	const started = performance.now();
	const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
	const watcher = child.pid ? watchPeakRss(child.pid) : { stop: () => undefined, breakdown: () => [], unreapedCpuSeconds: () => 0 };
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	const code = await new Promise<number>((resolve) => {
		child.on('error', (error) => {
			log.write(`could not start ${file}: ${error.message}\n`);
			resolve(1);
		});
		child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
	});
	const seconds = (performance.now() - started) / 1000;
	const peakRssBytes = watcher.stop();
	await new Promise<void>((resolve) => log.end(resolve));
	let cpuSeconds: number | undefined;
	let pagefindCpuSeconds: number | undefined;
	if (timed) {
		const [user, system] = (await readFile(timeFile, 'utf8').catch(() => '')).trim().split(/\s+/).slice(-2).map(Number);
		// Plus Pagefind's binary, which GNU time misses (see process-tree.ts), sampled every 100 ms.
		if (Number.isFinite(user) && Number.isFinite(system)) {
			pagefindCpuSeconds = watcher.unreapedCpuSeconds();
			cpuSeconds = user! + system! + pagefindCpuSeconds;
		}
		await rm(timeFile, { force: true });
	}
	return { code, seconds, cpuSeconds, pagefindCpuSeconds, peakRssBytes, peakRssBreakdown: watcher.breakdown() };
}
