import { describe, expect, it } from 'vitest';
import { packageOf, summariseProfiles, type CpuProfile } from '../../../bench/core/cpu-profile.ts';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });

describe('summariseProfiles', () => {
	const profile: CpuProfile = {
		startTime: 0,
		endTime: 10_000,
		nodes: [
			{ id: 1, callFrame: frame('(root)') },
			{ id: 2, callFrame: frame('(idle)') },
			{ id: 3, callFrame: frame('parse', 'file:///app/node_modules/yaml/dist/parse.js') },
			{ id: 4, callFrame: frame('render', 'file:///app/node_modules/@astrojs/markdown-remark/dist/index.js') },
			{ id: 5, callFrame: frame('findBlame', 'file:///app/src/lib/tone.ts') },
		],
		// Each sample lasts until the next one: deltas[i + 1].
		samples: [3, 3, 4, 5, 2, 2],
		timeDeltas: [0, 1000, 1000, 1000, 1000, 5000],
	};
	const summary = summariseProfiles([profile, profile], { projectRoot: '/app' });

	it('adds self time per package over every profile, leaving idle time out', () => {
		expect(summary.totalMs).toBe(8);
		expect(summary.packages.map((p) => [p.name, p.selfMs])).toEqual([
			['yaml', 4],
			['@astrojs/markdown-remark', 2],
			['src/lib', 2],
		]);
		expect(summary.packages[0]!.share).toBe(0.5);
	});

	it('names functions with their file', () => {
		expect(summary.functions[0]!.name).toBe('parse yaml/dist/parse.js:1');
	});
});

describe('packageOf', () => {
	it('finds the innermost package and scoped names', () => {
		expect(packageOf('file:///a/node_modules/astro/node_modules/vite/dist/x.js')).toBe('vite');
		expect(packageOf('file:///a/node_modules/@astrojs/compiler/x.js')).toBe('@astrojs/compiler');
		expect(packageOf('node:fs')).toBe('node:internal');
		expect(packageOf('file:///repo/src/pages/x.astro', '/repo')).toBe('src/pages');
	});
});
