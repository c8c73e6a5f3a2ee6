import { describe, expect, it } from 'vitest';
import { countScale, durationScale } from '../../../src/lib/insights/chart-scale.ts';

describe('chart scales', () => {
	it('rounds counts up to whole 1-2-5 steps', () => {
		expect(countScale(0)).toEqual({ max: 1, ticks: [0, 1] });
		expect(countScale(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
		expect(countScale(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
		expect(countScale(130)).toEqual({ max: 150, ticks: [0, 50, 100, 150] });
	});
	it('steps durations in units people read', () => {
		const minute = 60_000;
		expect(durationScale(50 * minute).ticks).toEqual([0, 15, 30, 45, 60].map((m) => m * minute));
		expect(durationScale(23 * 60 * minute).ticks).toEqual([0, 6, 12, 18, 24].map((h) => h * 60 * minute));
	});
});
