import { describe, expect, it } from 'vitest';
import { emptySiteProblem } from '../../src/cli/build-command.ts';

describe('the build refuses an empty archive', () => {
	it('stops when published postmortems passed validation but the site has no incident page', () => {
		const problem = emptySiteProblem(1200, 0);
		expect(problem).toContain('no incident pages');
		expect(problem).toContain('1,200 published postmortems passed validation');
		expect(problem).toContain('ASTRO_CACHE_DIR');
		expect(emptySiteProblem(1, 0)).toContain('1 published postmortem passed');
	});

	it('lets through a site with pages, and an archive with nothing published yet', () => {
		expect(emptySiteProblem(1200, 1200)).toBeUndefined();
		expect(emptySiteProblem(1200, 3)).toBeUndefined();
		expect(emptySiteProblem(0, 0)).toBeUndefined();
	});
});
