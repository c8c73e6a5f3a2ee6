import { describe, expect, it } from 'vitest';
import { viewPaths, viewSlugs } from '../../../src/lib/aging/views.ts';

describe('aging views', () => {
	it('gives owners readable, unique slugs, stable whatever the input order', () => {
		const a = viewSlugs(['@platform-team', '@a.b', '@a-b', 'Zoë Team', '@@@']);
		expect([...a]).toEqual([
			['@@@', 'x'],
			['@a-b', 'a-b'],
			['@a.b', 'a-b-2'],
			['@platform-team', 'platform-team'],
			['Zoë Team', 'zoe-team'],
		]);
		expect(viewSlugs(['@a.b', '@a-b'])).toEqual(viewSlugs(['@a-b', '@a.b']));
	});
	it('builds the view paths', () => {
		expect(viewPaths.owner('platform-team')).toBe('actions/owners/platform-team/');
		expect(viewPaths.priority('P0')).toBe('actions/priority/p0/');
	});
});
