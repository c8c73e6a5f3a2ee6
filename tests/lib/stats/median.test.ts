import { describe, expect, it } from 'vitest';
import { median } from '../../../src/lib/stats/median.ts';

describe('median', () => {
	it('takes the middle value of an odd count, whatever the order', () => {
		expect(median([30, 10, 20])).toBe(20);
		expect(median([7])).toBe(7);
	});
	it('averages the two middle values of an even count', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([134, 1, 51, 20])).toBe(35.5);
	});
	it('sorts numerically, not as text', () => {
		expect(median([100, 9, 20])).toBe(20);
	});
	it('is undefined for an empty list', () => {
		expect(median([])).toBeUndefined();
	});
	it('does not reorder its input', () => {
		const values = [3, 1, 2];
		median(values);
		expect(values).toEqual([3, 1, 2]);
	});
});
