/** The warm-rebuild benchmark's figures and report (issue 17). Pure. */

/** The three builds, in order: cold, nothing changed, one postmortem's text changed. */
export const WARM_STEPS = ['cold', 'unchanged', 'edited'] as const;
export type WarmStep = (typeof WARM_STEPS)[number];

export interface WarmSample {
	variant: 'project' | 'floor';
	step: WarmStep;
	seconds: number;
	cpuSeconds: number | undefined;
}

/** A correctness check on the rebuilt sites. */
export interface WarmCheck {
	name: string;
	detail: string;
	ok: boolean;
}

export interface WarmResult {
	n: number;
	seed: string;
	asOf: string;
	samples: WarmSample[];
	checks: WarmCheck[];
	machine: Record<string, string | number>;
}

export interface WarmRow {
	step: WarmStep;
	project: { seconds: number; cpuSeconds?: number; warmOverCold: number; cpuWarmOverCold?: number };
	floor: { seconds: number; cpuSeconds?: number; warmOverCold: number; cpuWarmOverCold?: number };
	/** project / floor, wall and CPU. */
	ratio: number;
	cpuRatio?: number;
}

const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);

/** One row per step: times, warm/cold for each variant, and project/floor. */
export function warmRows(result: WarmResult): WarmRow[] {
	const find = (variant: WarmSample['variant'], step: WarmStep) => result.samples.find((s) => s.variant === variant && s.step === step);
	return WARM_STEPS.flatMap((step) => {
		const p = find('project', step);
		const f = find('floor', step);
		const pc = find('project', 'cold');
		const fc = find('floor', 'cold');
		if (!p || !f || !pc || !fc) return [];
		return [
			{
				step,
				project: { seconds: p.seconds, cpuSeconds: p.cpuSeconds, warmOverCold: p.seconds / pc.seconds, cpuWarmOverCold: ratio(p.cpuSeconds, pc.cpuSeconds) },
				floor: { seconds: f.seconds, cpuSeconds: f.cpuSeconds, warmOverCold: f.seconds / fc.seconds, cpuWarmOverCold: ratio(f.cpuSeconds, fc.cpuSeconds) },
				ratio: p.seconds / f.seconds,
				cpuRatio: ratio(p.cpuSeconds, f.cpuSeconds),
			},
		];
	});
}

const s = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(1)} s`);
const r = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(2));

/** The report as text. */
export function formatWarm(result: WarmResult): string {
	const label: Record<WarmStep, string> = { cold: 'cold build', unchanged: 'rebuild, nothing changed', edited: 'rebuild, one postmortem edited' };
	const lines = [
		`Warm rebuilds at N = ${result.n} (seed ${result.seed}, as of ${result.asOf}); machine: ${result.machine.cpus} × ${result.machine.cpuModel}, load ${result.machine.loadAverageAtStart} at start`,
		'',
		`${'build'.padEnd(32)}${'project wall / CPU'.padStart(22)}${'warm/cold'.padStart(12)}${'floor wall / CPU'.padStart(22)}${'warm/cold'.padStart(12)}${'project/floor'.padStart(16)}`,
	];
	for (const row of warmRows(result)) {
		lines.push(
			`${label[row.step].padEnd(32)}${`${s(row.project.seconds)} / ${s(row.project.cpuSeconds)}`.padStart(22)}${`${r(row.project.warmOverCold)} (${r(row.project.cpuWarmOverCold)})`.padStart(12)}${`${s(row.floor.seconds)} / ${s(row.floor.cpuSeconds)}`.padStart(22)}${`${r(row.floor.warmOverCold)} (${r(row.floor.cpuWarmOverCold)})`.padStart(12)}${`${r(row.ratio)} (CPU ${r(row.cpuRatio)})`.padStart(16)}`,
		);
	}
	lines.push('', 'warm/cold and project/floor: wall time, CPU time in brackets. Checks:');
	for (const c of result.checks) lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
	return lines.join('\n');
}
