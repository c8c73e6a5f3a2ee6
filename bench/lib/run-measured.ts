import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { watchPeakRss } from './process-tree.ts';

export interface MeasuredRun {
	/** Exit code (1 when killed by a signal or not started). */
	code: number;
	/** Wall time from spawn to exit. */
	seconds: number;
	/** Peak resident memory of the whole process tree, bytes; undefined where /proc is missing. */
	peakRssBytes: number | undefined;
}

/** Runs a command, sends its output to `logFile`, and measures wall time and the tree's peak memory. */
export async function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Promise<MeasuredRun> {
	const log = createWriteStream(options.logFile);
	const started = performance.now();
	const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
	const watcher = child.pid ? watchPeakRss(child.pid) : { stop: () => undefined };
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	const code = await new Promise<number>((resolve) => {
		child.on('error', (error) => {
			log.write(`could not start ${command}: ${error.message}\n`);
			resolve(1);
		});
		child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
	});
	const seconds = (performance.now() - started) / 1000;
	const peakRssBytes = watcher.stop();
	await new Promise<void>((resolve) => log.end(resolve));
	return { code, seconds, peakRssBytes };
}
