import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { artefactFolder, TIMELINE_BENCH_SIZES, type ArtefactFolderSizes } from '../core/artefact-folder.ts';
import { median } from '../../src/lib/stats/median.ts';
import { maximum } from '../core/stats.ts';
import { runMeasured } from './run-measured.ts';
import { ROOT } from './run-bench.ts';

/**
 * `npm run bench -- --timeline`: writes the generated artefact folder and runs
 * `node scripts/timeline.ts DIR --json` on it, measuring wall time and the peak
 * memory of the process (targets: under 5 s and 500 MB).
 */

export interface TimelineBenchResult {
	sizes: ArtefactFolderSizes;
	files: number;
	folderBytes: number;
	rounds: number;
	medianSeconds: number;
	maxSeconds: number;
	medianCpuSeconds: number | undefined;
	peakRssMb: number | undefined;
	outputBytes: number;
	/** The machine's 1-minute load average and core count when the runs ended: wall time means little on a busy machine. */
	loadAverage: number;
	cores: number;
}

export async function runTimelineBench(options: { rounds: number; keep: boolean; progress: (line: string) => void }): Promise<TimelineBenchResult> {
	const work = await mkdtemp(path.join(os.tmpdir(), 'pm-bench-timeline-'));
	try {
		const dir = path.join(work, 'artefacts');
		const files = artefactFolder(TIMELINE_BENCH_SIZES);
		let folderBytes = 0;
		for (const f of files) {
			await mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
			await writeFile(path.join(dir, f.path), f.text);
			folderBytes += Buffer.byteLength(f.text);
		}
		const s = TIMELINE_BENCH_SIZES;
		options.progress(`timeline: ${files.length} files, ${(folderBytes / 1e6).toFixed(1)} MB (${s.chatMessages} chat messages in ${s.chatDays} days, ${s.pagerEntries} pager entries, ${s.deployments} deployments)`);
		const runs = [];
		const out = path.join(work, 'timeline.json');
		for (let r = 1; r <= options.rounds; r++) {
			const run = await runMeasured(process.execPath, [path.join(ROOT, 'scripts/timeline.ts'), dir, '--json'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, logFile: out });
			if (run.code !== 0) throw new Error(`timeline exited with ${run.code}; see ${out}`);
			options.progress(`timeline round ${r}: ${run.seconds.toFixed(2)} s, peak ${run.peakRssBytes ? Math.round(run.peakRssBytes / 1e6) : '?'} MB`);
			runs.push(run);
		}
		const rss = runs.map((r) => r.peakRssBytes).filter((b): b is number => b !== undefined);
		const cpu = runs.map((r) => r.cpuSeconds).filter((c): c is number => c !== undefined);
		return {
			sizes: s,
			files: files.length,
			folderBytes,
			rounds: options.rounds,
			medianSeconds: median(runs.map((r) => r.seconds)) ?? Number.NaN,
			maxSeconds: maximum(runs.map((r) => r.seconds)),
			medianCpuSeconds: median(cpu),
			peakRssMb: rss.length ? Math.round(maximum(rss) / 1e6) : undefined,
			outputBytes: (await stat(out)).size,
			loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
			cores: os.availableParallelism(),
		};
	} finally {
		if (options.keep) options.progress(`kept ${work}`);
		else await rm(work, { recursive: true, force: true });
	}
}

/** The figures for people, with the issue's targets. */
export function formatTimelineBench(r: TimelineBenchResult): string {
	const ok = (good: boolean) => (good ? 'within target' : 'OVER TARGET');
	return [
		`timeline --json on ${r.sizes.chatMessages} chat messages (${r.sizes.chatDays} daily files), ${r.sizes.pagerEntries} pager entries, ${r.sizes.deployments} deployments (${(r.folderBytes / 1e6).toFixed(1)} MB):`,
		`  wall time   median ${r.medianSeconds.toFixed(2)} s, slowest ${r.maxSeconds.toFixed(2)} s over ${r.rounds} rounds (target < 5 s: ${ok(r.maxSeconds < 5)})`,
		`  CPU time    ${r.medianCpuSeconds === undefined ? 'unknown (no /usr/bin/time)' : `median ${r.medianCpuSeconds.toFixed(2)} s`}`,
		`  peak memory ${r.peakRssMb === undefined ? 'unknown (no /proc)' : `${r.peakRssMb} MB (target < 500 MB: ${ok(r.peakRssMb < 500)})`}`,
		`  output      ${(r.outputBytes / 1e6).toFixed(1)} MB of JSON (includes the summary line on stderr)`,
		`  machine     load average ${r.loadAverage} on ${r.cores} cores${r.loadAverage > r.cores ? ': busy, so wall time is inflated; CPU time is the steadier figure' : ''}`,
	].join('\n');
}
