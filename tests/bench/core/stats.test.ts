import { describe, expect, it } from 'vitest';
import { maximum, round } from '../../../bench/core/stats.ts';

describe('maximum and round', () => {
	it('finds the largest value', () => {
		expect(maximum([2, 9, 4])).toBe(9);
		expect(maximum([])).toBeNaN();
	});
	it('rounds to the given decimals', () => {
		expect(round(1.23456, 2)).toBe(1.23);
		expect(round(2.5, 0)).toBe(3);
	});
});
