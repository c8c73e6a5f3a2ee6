import { describe, expect, it } from 'vitest';
import { robotsTxt } from '../../../src/lib/routing/robots.ts';

describe('robotsTxt', () => {
	it('allows crawling and names the sitemap under the base path', () => {
		expect(robotsTxt({ url: 'https://pm.example.com', base: '/docs/', noindex: false })).toBe(
			'User-agent: *\nAllow: /\n\nSitemap: https://pm.example.com/docs/sitemap-index.xml\n',
		);
	});
	it('disallows everything for an archive hosted internally', () => {
		expect(robotsTxt({ url: 'https://pm.example.com', base: '/', noindex: true })).toBe('User-agent: *\nDisallow: /\n');
	});
});
