import { describe, expect, it } from 'vitest';
import { formatResult, scaleGrowth, summarise, type BuildSample, type SiteFigures } from '../../../bench/core/report.ts';

const MB = 1024 * 1024;
const site = (pages: number, extra: Partial<SiteFigures> = {}): SiteFigures => ({
	incidentPages: pages,
	htmlPages: pages + 3,
	incidentHtmlMedianBytes: 10 * 1024,
	incidentHtmlMaxBytes: 20 * 1024,
	incidentScriptBytes: 300,
	incidentScriptFiles: 0,
	incidentInlineScriptBytes: 300,
	incidentCssBytes: 5000,
	largestPage: { page: '', bytes: 40 * 1024 },
	pagefindBytes: 900 * 1024,
	pagefindIndexBytes: 400 * 1024,
	searchQueries: [
		{ query: 'database', bytes: 150 * 1024, decodedBytes: 180 * 1024, results: 900 },
		{ query: 'dns', bytes: 110 * 1024, decodedBytes: 140 * 1024, results: 300 },
		{ query: 'disk full', bytes: 120 * 1024, decodedBytes: 150 * 1024, results: 40 },
	],
	...extra,
});

function samples(project: number[], floor: number[], satteri: number[]): BuildSample[] {
	const out: BuildSample[] = [];
	project.forEach((s, i) =>
		out.push({
			variant: 'project',
			round: i + 1,
			seconds: s,
			cpuSeconds: s * 2,
			peakRssBytes: (500 + i * 100) * MB,
			peakRssBreakdown: [
				{ command: 'node astro build', bytes: (400 + i * 100) * MB },
				{ command: 'node build.ts', bytes: 100 * MB },
				{ command: 'time', bytes: MB },
			],
		}),
	);
	floor.forEach((s, i) => out.push({ variant: 'floor', round: i + 1, seconds: s, cpuSeconds: s, peakRssBytes: 400 * MB }));
	satteri.forEach((s, i) => out.push({ variant: 'floor-satteri', round: i + 1, seconds: s, peakRssBytes: undefined }));
	return out;
}

const input = (n: number, project: number[], floor: number[], pages = n) => ({
	n,
	seed: '1',
	asOf: '2026-01-15',
	queries: ['database', 'dns', 'disk full'],
	samples: samples(project, floor, [5, 6, 7]),
	sites: { project: site(pages), floor: site(pages, { searchQueries: [{ query: 'database', bytes: 100 * 1024, decodedBytes: 130 * 1024, results: 900 }] }) },
	machine: { cpus: 2 },
});

describe('summarise', () => {
	const r = summarise(input(1000, [30, 10, 12], [8, 10, 9]));

	it('reports medians and their ratio', () => {
		expect(r.buildSeconds).toBe(12);
		expect(r.baselineSeconds).toBe(9);
		expect(r.baselineSatteriSeconds).toBe(6);
		expect(r.ratio).toBe(1.333);
		expect(r.pluginPipelineRatio).toBe(1.5);
		expect(r.rounds).toBe(3);
	});

	it('reports median CPU time and its ratio, null where it was not measured', () => {
		expect(r.buildCpuSeconds).toBe(24);
		expect(r.baselineCpuSeconds).toBe(9);
		expect(r.cpuRatio).toBe(2.667);
		expect(r.baselineSatteriCpuSeconds).toBeNull();
		// No Pagefind figure in these samples: no ratio without it either.
		expect(r.cpuRatioWithoutSearch).toBeNull();
	});

	it('separates the search indexer\'s CPU time and gives the ratio without it', () => {
		const withSearch = input(1000, [30, 10, 12], [8, 10, 9]);
		withSearch.samples = withSearch.samples.map((s) => (s.variant === 'project' ? { ...s, pagefindCpuSeconds: 6 } : s.variant === 'floor' ? { ...s, pagefindCpuSeconds: 3 } : s));
		const w = summarise(withSearch);
		expect(w.buildPagefindCpuSeconds).toBe(6);
		expect(w.baselinePagefindCpuSeconds).toBe(3);
		// (24 − 6) / (9 − 3)
		expect(w.cpuRatioWithoutSearch).toBe(3);
		expect(formatResult(w)).toContain('CPU ratio without it 3');
	});

	it('reports the largest peak memory of the rounds, and null when it could not be sampled', () => {
		expect(r.peakRssMb).toBe(700);
		expect(r.baselinePeakRssMb).toBe(400);
		expect(r.baselineSatteriPeakRssMb).toBeNull();
	});

	it('names the processes that made the highest peak, leaving out the small ones', () => {
		expect(r.peakRssBreakdownMb).toEqual([
			{ command: 'node astro build', mb: 600 },
			{ command: 'node build.ts', mb: 100 },
		]);
	});

	it('reports pages per second and page weights under the issue’s names', () => {
		expect(r.pagesPerSecond).toBe(83.3);
		expect(r.incidentPageKb).toBe(10);
		expect(r.incidentPageScriptBytes).toBe(300);
		expect(r.searchPageKb).toBeNull();
	});

	it('reports the median query as the typical first query, names the costliest, and keeps every query', () => {
		expect(r.searchQueryKb).toBe(120);
		expect(r.searchQueryMax).toEqual({ query: 'database', kb: 150 });
		expect(r.searchQueries).toEqual([
			{ query: 'database', kb: 150, decodedKb: 180, results: 900 },
			{ query: 'dns', kb: 110, decodedKb: 140, results: 300 },
			{ query: 'disk full', kb: 120, decodedKb: 150, results: 40 },
		]);
		expect(r.baselineSearchQueryKb).toBe(100);
		expect(formatResult(r)).toContain('typical (median of 3) 120 KB, costliest "database" 150 KB');
	});

	it('reports no search figures when no query was measured', () => {
		const none = summarise({ ...input(1000, [10], [8]), sites: { project: site(1000, { searchQueries: undefined }) } });
		expect(none.searchQueryKb).toBeNull();
		expect(none.searchQueryMax).toBeNull();
		expect(none.searchQueries).toEqual([]);
	});

	it('formats a readable report', () => {
		expect(formatResult(r)).toContain('ratio project / floor:          1.333');
	});
});

describe('scaleGrowth', () => {
	it('compares the per-page cost of the largest and the smallest archive', () => {
		const small = summarise(input(1000, [10, 10, 10], [8, 8, 8]));
		const large = summarise(input(10_000, [120, 120, 120], [80, 80, 80]));
		const growth = scaleGrowth([large, small]);
		expect(growth.sizes).toEqual([1000, 10_000]);
		expect(growth.perPageGrowth).toBe(1.2);
		expect(growth.baselinePerPageGrowth).toBe(1);
		expect(growth.marginalGrowth).toBeNull();
	});

	it('separates the marginal cost per page from start-up cost', () => {
		// 5 s of start-up plus 0.01 s per page, then 0.02 s per page beyond 5000: quadratic-ish growth shows in the marginal cost.
		const at = (n: number, seconds: number) => summarise(input(n, [seconds, seconds, seconds], [seconds, seconds, seconds]));
		const growth = scaleGrowth([at(1000, 15), at(5000, 55), at(10_000, 155)]);
		expect(growth.marginal.map((m) => m.secondsPerPage)).toEqual([0.01, 0.02]);
		expect(growth.marginalGrowth).toBe(2);
	});
});
