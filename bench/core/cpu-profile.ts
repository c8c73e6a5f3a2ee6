/**
 * Summarises V8 CPU profiles (`node --cpu-prof`): where the self time went,
 * by function and by package, so a profile can be read without DevTools.
 */

/** The parts of a `.cpuprofile` file this reads. */
export interface CpuProfile {
	nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }>;
	startTime: number;
	endTime: number;
	samples?: number[];
	timeDeltas?: number[];
}

/** One row of a summary: a function or a package and its self time. */
export interface ProfileRow {
	name: string;
	/** Milliseconds of self time. */
	selfMs: number;
	/** Share of the profiles' busy time, 0 to 1. */
	share: number;
}

export interface ProfileSummary {
	/** CPU time in the profiles, idle time left out (a parent waiting for its child is idle). */
	totalMs: number;
	/** Self time by function (`name file:line`), largest first. */
	functions: ProfileRow[];
	/** Self time by package (`astro`, `zod`, the project's `src/`, `(gc)`, ...), largest first. */
	packages: ProfileRow[];
}

/** The package a script URL belongs to: the last `node_modules/<name>`, `node:*` for built-ins, else the path under the project. */
export function packageOf(url: string, projectRoot = ''): string {
	if (!url) return '(native)';
	if (url.startsWith('node:')) return 'node:internal';
	const path = url.replace(/^file:\/\//, '');
	const at = path.lastIndexOf('/node_modules/');
	if (at !== -1) {
		const rest = path.slice(at + '/node_modules/'.length).split('/');
		return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
	}
	const local = projectRoot && path.startsWith(projectRoot) ? path.slice(projectRoot.length).replace(/^\//, '') : path;
	return local.split('/').slice(0, 2).join('/');
}

function rows(map: Map<string, number>, totalMs: number, limit: number): ProfileRow[] {
	return [...map]
		.sort((a, b) => b[1] - a[1])
		.slice(0, limit)
		.map(([name, selfMs]) => ({ name, selfMs, share: totalMs > 0 ? selfMs / totalMs : 0 }));
}

/** Adds up self time per function and per package over one or more profiles (a build runs several processes). */
export function summariseProfiles(profiles: ReadonlyArray<CpuProfile>, options: { projectRoot?: string; limit?: number } = {}): ProfileSummary {
	const byFunction = new Map<string, number>();
	const byPackage = new Map<string, number>();
	let totalMs = 0;
	for (const profile of profiles) {
		const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
		const selfUs = new Map<number, number>();
		if (profile.samples && profile.timeDeltas) {
			// Each sample's time is the delta to the next sample.
			profile.samples.forEach((id, i) => {
				const dt = profile.timeDeltas![i + 1] ?? 0;
				selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, dt));
			});
		}
		for (const [id, us] of selfUs) {
			const node = nodes.get(id);
			if (!node || node.callFrame.functionName === '(idle)') continue;
			const { functionName, url, lineNumber } = node.callFrame;
			const ms = us / 1000;
			totalMs += ms;
			const file = url ? url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\//, '') : '';
			const fn = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
			byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
			const pkg = url ? packageOf(url, options.projectRoot) : functionName.startsWith('(') ? functionName : '(native)';
			byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
		}
	}
	const limit = options.limit ?? 15;
	return { totalMs, functions: rows(byFunction, totalMs, limit), packages: rows(byPackage, totalMs, limit) };
}
