import { describe, expect, it } from 'vitest';
import { maximum, median, round } from '../../../bench/core/stats.ts';

describe('median', () => {
	it('takes the middle value of an odd count, whatever the order', () => {
		expect(median([30, 10, 20])).toBe(20);
	});
	it('averages the two middle values of an even count', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
	it('is NaN for no samples', () => {
		expect(median([])).toBeNaN();
	});
	it('does not reorder its input', () => {
		const values = [3, 1, 2];
		median(values);
		expect(values).toEqual([3, 1, 2]);
	});
});

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
