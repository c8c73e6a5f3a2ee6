import { describe, expect, it } from 'vitest';
import { formatWarm, warmRows, type WarmResult } from '../../../bench/core/warm-report.ts';

const result: WarmResult = {
	n: 1000,
	seed: '1',
	asOf: '2026-01-15',
	samples: [
		{ variant: 'project', step: 'cold', seconds: 100, cpuSeconds: 120 },
		{ variant: 'floor', step: 'cold', seconds: 80, cpuSeconds: 100 },
		{ variant: 'project', step: 'unchanged', seconds: 20, cpuSeconds: 24 },
		{ variant: 'floor', step: 'unchanged', seconds: 40, cpuSeconds: 50 },
		{ variant: 'project', step: 'edited', seconds: 25, cpuSeconds: undefined },
		{ variant: 'floor', step: 'edited', seconds: 50, cpuSeconds: 60 },
	],
	checks: [{ name: 'project: the edit is on its page and in the search index', detail: 'page has it', ok: false }],
	machine: { cpus: 2, cpuModel: 'x', loadAverageAtStart: '1.00' },
};

describe('the warm-rebuild report', () => {
	it('gives warm/cold per variant and project/floor per build, wall and CPU', () => {
		const [cold, unchanged, edited] = warmRows(result);
		expect(cold!.ratio).toBeCloseTo(1.25);
		expect(cold!.cpuRatio).toBeCloseTo(1.2);
		expect(unchanged!.project.warmOverCold).toBeCloseTo(0.2);
		expect(unchanged!.project.cpuWarmOverCold).toBeCloseTo(0.2);
		expect(unchanged!.floor.warmOverCold).toBeCloseTo(0.5);
		expect(edited!.project.warmOverCold).toBeCloseTo(0.25);
		expect(edited!.project.cpuWarmOverCold).toBeUndefined();
		expect(edited!.cpuRatio).toBeUndefined();
	});

	it('prints every build and flags a failed check', () => {
		const text = formatWarm(result);
		expect(text).toContain('rebuild, one postmortem edited');
		expect(text).toContain('FAIL project: the edit is on its page');
		expect(text).toContain('0.25 (—)');
	});
});
