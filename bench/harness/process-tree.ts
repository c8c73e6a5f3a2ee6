import { readdirSync, readFileSync } from 'node:fs';

/**
 * Peak resident memory of a process and all its descendants, sampled from /proc.
 * (`/usr/bin/time -v` reports the largest single process, not the sum of a tree
 * like node → astro → pagefind, so the tree is walked here.)
 */

function readPpid(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name is in parentheses and may hold spaces: read fields after the last ')'.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return Number(fields[1]);
	} catch {
		return undefined;
	}
}

function readRssBytes(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

function readCommand(pid: number): string {
	try {
		const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
		// `node /path/to/node_modules/.bin/astro build …` → `node astro build`: short enough to read in a report.
		return args
			.slice(0, 3)
			.map((a) => (a.includes('/') ? a.slice(a.lastIndexOf('/') + 1) : a))
			.join(' ');
	} catch {
		return `pid ${pid}`;
	}
}

/** One process of a tree and its resident memory. */
export interface ProcessRss {
	pid: number;
	command: string;
	bytes: number;
}

/** The resident memory of `rootPid` and its descendants right now, in bytes. */
export function treeRssBytes(rootPid: number): number {
	return treeRss(rootPid).reduce((sum, p) => sum + p.bytes, 0);
}

/** Each process of the tree under `rootPid` (itself included) with its resident memory. */
export function treeRss(rootPid: number): ProcessRss[] {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const pid = Number(name);
		const ppid = readPpid(pid);
		if (ppid === undefined) continue;
		const list = children.get(ppid);
		if (list) list.push(pid);
		else children.set(ppid, [pid]);
	}
	const out: ProcessRss[] = [];
	const queue = [rootPid];
	while (queue.length > 0) {
		const pid = queue.pop()!;
		out.push({ pid, command: '', bytes: readRssBytes(pid) });
		queue.push(...(children.get(pid) ?? []));
	}
	return out;
}

/** Whether this system has /proc to sample (Linux). */
export function canSampleRss(): boolean {
	try {
		readFileSync('/proc/self/status', 'utf8');
		return true;
	} catch {
		return false;
	}
}

/** The command name and user + system CPU seconds of a process, from /proc/<pid>/stat (clock ticks of 1/100 s). */
function readCpu(pid: number): { comm: string; seconds: number } | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { comm, seconds: (Number(fields[11]) + Number(fields[12])) / 100 };
	} catch {
		return undefined;
	}
}

/**
 * Processes whose parent never waits for them, so GNU time does not count their CPU:
 * Pagefind's Node API starts its binary, then unrefs and kills it, and Node exits
 * without reaping it.
 */
const UNREAPED = /^pagefind/;

/** A memory watcher: `stop()` ends sampling and returns the peak, in bytes (undefined without /proc). */
export interface PeakRssWatcher {
	stop(): number | undefined;
	/** CPU seconds of the tree's unreaped processes (Pagefind's binary), as last sampled. */
	unreapedCpuSeconds(): number;
	/** The processes at the moment of the peak, largest first (commands shortened). */
	breakdown(): ProcessRss[];
}

/** Samples a process tree every `intervalMs` and remembers its peak and which processes made it. */
export function watchPeakRss(rootPid: number, intervalMs = 100): PeakRssWatcher {
	if (!canSampleRss()) return { stop: () => undefined, breakdown: () => [], unreapedCpuSeconds: () => 0 };
	let peak = 0;
	let atPeak: ProcessRss[] = [];
	const unreaped = new Map<number, number>();
	const sample = () => {
		const processes = treeRss(rootPid);
		for (const p of processes) {
			const cpu = readCpu(p.pid);
			if (cpu && UNREAPED.test(cpu.comm)) unreaped.set(p.pid, cpu.seconds);
		}
		const rss = processes.reduce((sum, p) => sum + p.bytes, 0);
		if (rss > peak) {
			peak = rss;
			atPeak = processes;
			// Commands are read only at a new peak, while the processes still run.
			for (const p of atPeak) p.command = readCommand(p.pid);
		}
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			return peak;
		},
		breakdown: () => [...atPeak].sort((a, b) => b.bytes - a.bytes),
		unreapedCpuSeconds: () => [...unreaped.values()].reduce((sum, s) => sum + s, 0),
	};
}
