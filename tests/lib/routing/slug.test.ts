import { describe, expect, it } from 'vitest';
import { slugify } from '../../../src/lib/routing/slug.ts';

describe('slugify', () => {
	it('lower-cases and joins words with single dashes', () => {
		expect(slugify('Load Balancer (EU)')).toBe('load-balancer-eu');
		expect(slugify('Checkout: timeouts (orders DB) #2')).toBe('checkout-timeouts-orders-db-2');
		expect(slugify('@Platform-Team')).toBe('platform-team');
	});
	it('drops accents rather than the letters that carry them', () => {
		expect(slugify('Café outage')).toBe('cafe-outage');
		expect(slugify('Zoë Team')).toBe('zoe-team');
	});
	it('is empty when nothing usable is left, for the caller to choose a fallback', () => {
		expect(slugify('障害報告 💥')).toBe('');
		expect(slugify('@@@')).toBe('');
	});
});
