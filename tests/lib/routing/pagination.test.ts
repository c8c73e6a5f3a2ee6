import { describe, expect, it } from 'vitest';
import { listingPagePath, pagerNumbers } from '../../../src/lib/routing/pagination.ts';

describe('listingPagePath', () => {
	it('keeps the listing path for page 1 and adds the number after it', () => {
		expect(listingPagePath('severity/sev3/', 1)).toBe('severity/sev3/');
		expect(listingPagePath('severity/sev3/', 2)).toBe('severity/sev3/2/');
		expect(listingPagePath('services/a%20b/', 12)).toBe('services/a%20b/12/');
	});
});

describe('pagerNumbers', () => {
	it('lists every page of a short listing', () => {
		expect(pagerNumbers(1, 1)).toEqual([1]);
		expect(pagerNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
	});

	it('keeps the first, the last and two either side of the current page, with gaps', () => {
		expect(pagerNumbers(1, 80)).toEqual([1, 2, 3, null, 80]);
		expect(pagerNumbers(40, 80)).toEqual([1, null, 38, 39, 40, 41, 42, null, 80]);
		expect(pagerNumbers(80, 80)).toEqual([1, null, 78, 79, 80]);
	});

	it('shows a single left-out number instead of an ellipsis', () => {
		expect(pagerNumbers(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10]);
	});
});
