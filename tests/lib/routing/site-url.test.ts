import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '../../../src/lib/routing/site-url.ts';

describe('absoluteUrl', () => {
	it('joins the site URL, the base path and a site path', () => {
		expect(absoluteUrl({ url: 'https://pm.example.com', base: '/' }, 'postmortems/x/')).toBe('https://pm.example.com/postmortems/x/');
		expect(absoluteUrl({ url: 'https://pm.example.com', base: '/docs' }, 'search/')).toBe('https://pm.example.com/docs/search/');
		expect(absoluteUrl({ url: 'https://pm.example.com/', base: '/docs/' }, '/rss.xml')).toBe('https://pm.example.com/docs/rss.xml');
	});
	it('takes the base path from the base, not from a path in the site URL', () => {
		expect(absoluteUrl({ url: 'https://example.com/ignored', base: '/pm' }, 'actions/')).toBe('https://example.com/pm/actions/');
	});
	it('follows a change of site between calls (the root is cached per site)', () => {
		expect(absoluteUrl({ url: 'https://a.example', base: '/' }, 'x/')).toBe('https://a.example/x/');
		expect(absoluteUrl({ url: 'https://b.example', base: '/' }, 'x/')).toBe('https://b.example/x/');
		expect(absoluteUrl({ url: 'https://b.example', base: '/sub' }, 'x/')).toBe('https://b.example/sub/x/');
	});
});
