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

/** The resident memory of `rootPid` and its descendants right now, in bytes. */
export function treeRssBytes(rootPid: number): number {
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
	let total = 0;
	const queue = [rootPid];
	while (queue.length > 0) {
		const pid = queue.pop()!;
		total += readRssBytes(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return total;
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

/** Samples a process tree every `intervalMs`; `stop()` returns the peak seen, in bytes (undefined without /proc). */
export function watchPeakRss(rootPid: number, intervalMs = 100): { stop(): number | undefined } {
	if (!canSampleRss()) return { stop: () => undefined };
	let peak = 0;
	const sample = () => {
		const rss = treeRssBytes(rootPid);
		if (rss > peak) peak = rss;
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			return peak;
		},
	};
}
