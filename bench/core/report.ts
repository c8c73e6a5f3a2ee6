import { median } from '../../src/lib/stats/median.ts';
import { maximum, round } from './stats.ts';

/**
 * Turns benchmark measurements into the result `npm run bench` prints: the
 * figures issue 6 asks for, as one JSON object and as a short table for people.
 */

/** The builds compared: the project's `npm run build`, and the floor with the project's and with Astro's default Markdown processor. */
export const VARIANTS = ['project', 'floor', 'floor-satteri'] as const;
export type Variant = (typeof VARIANTS)[number];

/** One timed build. */
export interface BuildSample {
	variant: Variant;
	round: number;
	seconds: number;
	/** User + system CPU time of the build's processes (undefined where it cannot be measured). */
	cpuSeconds?: number | undefined;
	/** Of cpuSeconds, the search indexer's (Pagefind's binary). */
	pagefindCpuSeconds?: number | undefined;
	/** Peak resident memory of the build's whole process tree. */
	peakRssBytes: number | undefined;
	/** The processes at that peak (command and bytes), largest first. */
	peakRssBreakdown?: ReadonlyArray<{ command: string; bytes: number }>;
}

/** What one cold first query fetched from pagefind/. */
export interface QueryFigures {
	query: string;
	/** On the wire: text files gzip-encoded as static hosts serve them (Pagefind's index files are gzip already). */
	bytes: number;
	/** Decoded: what a server without compression would send. */
	decodedBytes: number;
	/** Pages matched. */
	results: number;
}

/** Sizes measured on one variant's output. */
export interface SiteFigures {
	incidentPages: number;
	htmlPages: number;
	incidentHtmlMedianBytes: number;
	incidentHtmlMaxBytes: number;
	/** The median incident page's script (files + inline) and CSS (linked + inline). */
	incidentScriptBytes: number | undefined;
	incidentScriptFiles: number | undefined;
	incidentInlineScriptBytes: number | undefined;
	incidentCssBytes: number | undefined;
	largestPage: { page: string; bytes: number } | undefined;
	pagefindBytes: number | undefined;
	pagefindIndexBytes: number | undefined;
	/** Each query's first-search cost from pagefind/ (bytes on the wire and decoded); undefined when not measured. */
	searchQueries?: ReadonlyArray<QueryFigures> | undefined;
	/** Bytes the site's search page (`search/?q=`) downloads in all; undefined without one. */
	searchPageBytes?: number | undefined;
}

export interface BenchInput {
	n: number;
	seed: string;
	asOf: string;
	/** The search queries measured (the first is also opened through the search page). */
	queries: ReadonlyArray<string>;
	samples: ReadonlyArray<BuildSample>;
	sites: Partial<Record<Variant, SiteFigures>>;
	machine: Record<string, string | number>;
	notes?: string[];
}

const MB = 1024 * 1024;
const KB = 1024;
const kb = (bytes: number | undefined) => (bytes === undefined ? null : round(bytes / KB, 1));
const mb = (bytes: number | undefined) => (bytes === undefined ? null : round(bytes / MB, 0));

/** The benchmark's result for one archive size; field names are the issue's. */
export interface BenchResult {
	n: number;
	seed: string;
	asOf: string;
	rounds: number;
	/** Published postmortems: the incident pages every variant builds. */
	publishedPages: number;
	/** Median wall time of the project's full build (validation, Astro, Pagefind). */
	buildSeconds: number;
	/** Median wall time of the floor (bare Astro with the project's Markdown pipeline, then Pagefind). */
	baselineSeconds: number;
	/** Median wall time of the floor with Astro's default Markdown processor (Sätteri, no plugins). */
	baselineSatteriSeconds: number;
	/** buildSeconds / baselineSeconds; target at N = 5000: at most 1.25. */
	ratio: number;
	/** Median CPU seconds (user + system, all processes) of each build, and their ratio: steadier than wall time on a shared machine. */
	buildCpuSeconds: number | null;
	baselineCpuSeconds: number | null;
	baselineSatteriCpuSeconds: number | null;
	cpuRatio: number | null;
	/** Median CPU seconds of Pagefind's binary in the project's and the floor's builds. */
	buildPagefindCpuSeconds: number | null;
	baselinePagefindCpuSeconds: number | null;
	/** The CPU ratio without either's search indexing (the project indexes its richer pages' every section). */
	cpuRatioWithoutSearch: number | null;
	/** baselineSeconds / baselineSatteriSeconds: what the unified plugin pipeline costs. */
	pluginPipelineRatio: number;
	/** Incident pages per second of the project's build. */
	pagesPerSecond: number;
	baselinePagesPerSecond: number;
	/** Project build seconds per incident page (for --scale). */
	secondsPerPage: number;
	baselineSecondsPerPage: number;
	/** Peak resident memory of the project's build, all processes, MB (largest over the rounds). */
	peakRssMb: number | null;
	/** Which processes made the project's highest peak (those of 5 MB or more). */
	peakRssBreakdownMb: Array<{ command: string; mb: number }>;
	baselinePeakRssMb: number | null;
	baselineSatteriPeakRssMb: number | null;
	/** Median incident page HTML, KB. */
	incidentPageKb: number;
	incidentPageMaxKb: number;
	/** JavaScript the median incident page loads: script files plus inline script, bytes. */
	incidentPageScriptBytes: number | null;
	incidentPageScriptFiles: number | null;
	incidentPageInlineScriptBytes: number | null;
	/** CSS the median incident page loads: stylesheets plus inline style, bytes. */
	incidentPageCssBytes: number | null;
	/** The biggest HTML page the project builds (an unpaginated listing shows here). */
	largestPage: { page: string; kb: number } | null;
	/** The whole pagefind/ folder, KB, and the index proper (meta, chunks, fragments, filters). */
	pagefindKb: number | null;
	pagefindIndexKb: number | null;
	/**
	 * KB a typical first query fetches from pagefind/ on the wire: the median over the
	 * measured queries, each cold, with the site's own search options (no worker).
	 */
	searchQueryKb: number | null;
	/** The costliest of those queries (a word on most pages loads the biggest index chunk). */
	searchQueryMax: { query: string; kb: number } | null;
	/** Every measured query: KB on the wire, KB decoded, pages matched. */
	searchQueries: Array<{ query: string; kb: number; decodedKb: number; results: number }>;
	/** Everything the project's search page downloads for a first query (`search/?q=`), KB; null without a search page. */
	searchPageKb: number | null;
	baselineIncidentPageKb: number | null;
	baselinePagefindIndexKb: number | null;
	/** The floor's median first query (Pagefind's defaults, so with its worker script). */
	baselineSearchQueryKb: number | null;
	/** Every timing, by variant, in run order. */
	samples: Record<Variant, number[]>;
	machine: Record<string, string | number>;
	notes: string[];
}

/** Summarises the samples and site figures of one archive size. */
export function summarise(input: BenchInput): BenchResult {
	const seconds = (v: Variant) => input.samples.filter((s) => s.variant === v).map((s) => s.seconds);
	const peak = (v: Variant) => {
		const peaks = input.samples.filter((s) => s.variant === v && s.peakRssBytes !== undefined).map((s) => s.peakRssBytes!);
		return peaks.length > 0 ? maximum(peaks) : undefined;
	};
	const project = input.sites.project;
	const floor = input.sites.floor;
	const projectPeakRun = input.samples
		.filter((s) => s.variant === 'project' && s.peakRssBytes !== undefined)
		.sort((a, b) => b.peakRssBytes! - a.peakRssBytes!)[0];
	const peakRssBreakdownMb = (projectPeakRun?.peakRssBreakdown ?? []).filter((p) => p.bytes >= 5 * MB).map((p) => ({ command: p.command, mb: mb(p.bytes)! }));
	const cpu = (v: Variant) => {
		const values = input.samples.filter((s) => s.variant === v && s.cpuSeconds !== undefined).map((s) => s.cpuSeconds!);
		return median(values);
	};
	const pagefindCpu = (v: Variant) => median(input.samples.filter((s) => s.variant === v && s.pagefindCpuSeconds !== undefined).map((s) => s.pagefindCpuSeconds!));
	const projectCpu = cpu('project');
	const floorCpu = cpu('floor');
	const pages = project?.incidentPages ?? floor?.incidentPages ?? 0;
	// NaN when a variant has no sample: it runs through the ratios and prints as n/a.
	const buildSeconds = median(seconds('project')) ?? Number.NaN;
	const baselineSeconds = median(seconds('floor')) ?? Number.NaN;
	const baselineSatteriSeconds = median(seconds('floor-satteri')) ?? Number.NaN;
	const notes = [...(input.notes ?? [])];
	if (project && floor && project.incidentPages !== floor.incidentPages) {
		notes.push(`the project built ${project.incidentPages} incident pages and the floor ${floor.incidentPages}; compare per page`);
	}
	return {
		n: input.n,
		seed: input.seed,
		asOf: input.asOf,
		rounds: Math.max(0, ...input.samples.map((s) => s.round)),
		publishedPages: pages,
		buildSeconds: round(buildSeconds, 2),
		baselineSeconds: round(baselineSeconds, 2),
		baselineSatteriSeconds: round(baselineSatteriSeconds, 2),
		ratio: round(buildSeconds / baselineSeconds, 3),
		buildCpuSeconds: projectCpu === undefined ? null : round(projectCpu, 2),
		baselineCpuSeconds: floorCpu === undefined ? null : round(floorCpu, 2),
		baselineSatteriCpuSeconds: cpu('floor-satteri') === undefined ? null : round(cpu('floor-satteri')!, 2),
		cpuRatio: projectCpu === undefined || floorCpu === undefined ? null : round(projectCpu / floorCpu, 3),
		buildPagefindCpuSeconds: nullable(pagefindCpu('project'), 2),
		baselinePagefindCpuSeconds: nullable(pagefindCpu('floor'), 2),
		cpuRatioWithoutSearch: ratioWithout(projectCpu, pagefindCpu('project'), floorCpu, pagefindCpu('floor')),
		pluginPipelineRatio: round(baselineSeconds / baselineSatteriSeconds, 3),
		pagesPerSecond: round(pages / buildSeconds, 1),
		baselinePagesPerSecond: round((floor?.incidentPages ?? pages) / baselineSeconds, 1),
		secondsPerPage: round(buildSeconds / pages, 5),
		baselineSecondsPerPage: round(baselineSeconds / (floor?.incidentPages ?? pages), 5),
		peakRssMb: mb(peak('project')),
		peakRssBreakdownMb,
		baselinePeakRssMb: mb(peak('floor')),
		baselineSatteriPeakRssMb: mb(peak('floor-satteri')),
		incidentPageKb: kb(project?.incidentHtmlMedianBytes) ?? Number.NaN,
		incidentPageMaxKb: kb(project?.incidentHtmlMaxBytes) ?? Number.NaN,
		incidentPageScriptBytes: project?.incidentScriptBytes ?? null,
		incidentPageScriptFiles: project?.incidentScriptFiles ?? null,
		incidentPageInlineScriptBytes: project?.incidentInlineScriptBytes ?? null,
		incidentPageCssBytes: project?.incidentCssBytes ?? null,
		largestPage: project?.largestPage ? { page: project.largestPage.page, kb: kb(project.largestPage.bytes)! } : null,
		pagefindKb: kb(project?.pagefindBytes),
		pagefindIndexKb: kb(project?.pagefindIndexBytes),
		searchQueryKb: kb(medianBytes(project?.searchQueries)),
		searchQueryMax: costliest(project?.searchQueries),
		searchQueries: (project?.searchQueries ?? []).map((q) => ({ query: q.query, kb: kb(q.bytes)!, decodedKb: kb(q.decodedBytes)!, results: q.results })),
		searchPageKb: kb(project?.searchPageBytes),
		baselineIncidentPageKb: kb(floor?.incidentHtmlMedianBytes),
		baselinePagefindIndexKb: kb(floor?.pagefindIndexBytes),
		baselineSearchQueryKb: kb(medianBytes(floor?.searchQueries)),
		samples: { project: seconds('project').map((s) => round(s, 2)), floor: seconds('floor').map((s) => round(s, 2)), 'floor-satteri': seconds('floor-satteri').map((s) => round(s, 2)) },
		machine: input.machine,
		notes,
	};
}

function medianBytes(queries: ReadonlyArray<QueryFigures> | undefined): number | undefined {
	return median((queries ?? []).map((q) => q.bytes));
}

function costliest(queries: ReadonlyArray<QueryFigures> | undefined): { query: string; kb: number } | null {
	const top = [...(queries ?? [])].sort((a, b) => b.bytes - a.bytes)[0];
	return top ? { query: top.query, kb: kb(top.bytes)! } : null;
}

/** How the per-page cost grows from the smallest to the largest archive (target: at most 1.15). */
export interface ScaleGrowth {
	sizes: number[];
	/** secondsPerPage at the largest N over the smallest N (start-up cost included, which flatters growth a little). */
	perPageGrowth: number;
	baselinePerPageGrowth: number;
	/**
	 * Seconds per extra page between neighbouring sizes: the start-up cost cancels
	 * out, so a cost that grows with N shows here first.
	 */
	marginal: Array<{ from: number; to: number; secondsPerPage: number; baselineSecondsPerPage: number }>;
	/** The last marginal cost over the first (with three or more sizes); about 1 when linear. */
	marginalGrowth: number | null;
}

export function scaleGrowth(results: ReadonlyArray<BenchResult>): ScaleGrowth {
	const sorted = [...results].sort((a, b) => a.n - b.n);
	const first = sorted[0];
	const last = sorted[sorted.length - 1];
	if (!first || !last) return { sizes: [], perPageGrowth: Number.NaN, baselinePerPageGrowth: Number.NaN, marginal: [], marginalGrowth: null };
	const marginal = sorted.slice(1).map((r, i) => {
		const prev = sorted[i]!;
		const pages = r.publishedPages - prev.publishedPages;
		return {
			from: prev.n,
			to: r.n,
			secondsPerPage: round((r.buildSeconds - prev.buildSeconds) / pages, 5),
			baselineSecondsPerPage: round((r.baselineSeconds - prev.baselineSeconds) / pages, 5),
		};
	});
	const firstStep = marginal[0];
	const lastStep = marginal[marginal.length - 1];
	return {
		sizes: sorted.map((r) => r.n),
		perPageGrowth: round(last.secondsPerPage / first.secondsPerPage, 3),
		baselinePerPageGrowth: round(last.baselineSecondsPerPage / first.baselineSecondsPerPage, 3),
		marginal,
		marginalGrowth: marginal.length >= 2 && firstStep && lastStep ? round(lastStep.secondsPerPage / firstStep.secondsPerPage, 3) : null,
	};
}

const nullable = (value: number | undefined, digits: number) => (value === undefined ? null : round(value, digits));

/** (a − a's part) / (b − b's part), or null when a figure is missing. */
function ratioWithout(a: number | undefined, aPart: number | undefined, b: number | undefined, bPart: number | undefined): number | null {
	if (a === undefined || aPart === undefined || b === undefined || bPart === undefined || b - bPart <= 0) return null;
	return round((a - aPart) / (b - bPart), 3);
}

const show = (value: number | null | undefined, unit = '') => (value === null || value === undefined || Number.isNaN(value) ? 'n/a' : `${value}${unit}`);

/** The result as a short plain-text report. */
export function formatResult(r: BenchResult): string {
	const lines = [
		`N = ${r.n} postmortems (${r.publishedPages} published pages), seed ${r.seed}, ${r.rounds} round(s), as of ${r.asOf}`,
		'',
		'build                          median s   pages/s   CPU s   peak RSS',
		`project (npm run build)        ${pad(r.buildSeconds, 8)}   ${pad(r.pagesPerSecond, 7)}   ${padOrNa(r.buildCpuSeconds, 5)}   ${show(r.peakRssMb, ' MB')}`,
		`floor (Astro + unified + PF)   ${pad(r.baselineSeconds, 8)}   ${pad(r.baselinePagesPerSecond, 7)}   ${padOrNa(r.baselineCpuSeconds, 5)}   ${show(r.baselinePeakRssMb, ' MB')}`,
		`floor, Sätteri (no plugins)    ${pad(r.baselineSatteriSeconds, 8)}   ${pad(round(r.publishedPages / r.baselineSatteriSeconds, 1), 7)}   ${padOrNa(r.baselineSatteriCpuSeconds, 5)}   ${show(r.baselineSatteriPeakRssMb, ' MB')}`,
		...(r.peakRssBreakdownMb.length > 0 ? [`project peak memory by process: ${r.peakRssBreakdownMb.map((p) => `${p.command} ${p.mb} MB`).join(', ')}`] : []),
		'',
		`ratio project / floor:          ${show(r.ratio)}   (target ≤ 1.25 at N = 5000; CPU time ratio ${show(r.cpuRatio)}, target ≤ 1.05)`,
		`CPU of the search index:        project ${show(r.buildPagefindCpuSeconds, ' s')}, floor ${show(r.baselinePagefindCpuSeconds, ' s')} (Pagefind's binary); CPU ratio without it ${show(r.cpuRatioWithoutSearch)}`,
		`plugin pipeline (floor / Sätteri): ${show(r.pluginPipelineRatio)}`,
		'',
		`incident page HTML:  median ${show(r.incidentPageKb, ' KB')}, largest ${show(r.incidentPageMaxKb, ' KB')}   (floor median ${show(r.baselineIncidentPageKb, ' KB')})`,
		`incident page loads: JS ${show(r.incidentPageScriptBytes, ' B')} (${show(r.incidentPageScriptFiles)} file(s), ${show(r.incidentPageInlineScriptBytes, ' B')} inline), CSS ${show(r.incidentPageCssBytes, ' B')}`,
		`largest page:        ${r.largestPage ? `${r.largestPage.page || '(home)'} ${r.largestPage.kb} KB` : 'n/a'}`,
		`Pagefind:            index ${show(r.pagefindIndexKb, ' KB')} (folder ${show(r.pagefindKb, ' KB')}); floor index ${show(r.baselinePagefindIndexKb, ' KB')}`,
		`first query:         typical (median of ${r.searchQueries.length}) ${show(r.searchQueryKb, ' KB')}, costliest ${r.searchQueryMax ? `"${r.searchQueryMax.query}" ${r.searchQueryMax.kb} KB` : 'n/a'}   (target < 300 KB at N = 10000; floor median ${show(r.baselineSearchQueryKb, ' KB')})`,
		...(r.searchQueries.length > 0 ? [`  per query, KB on the wire (decoded): ${r.searchQueries.map((q) => `${q.query} ${q.kb} (${q.decodedKb})`).join(', ')}`] : []),
		`search page:         ${r.searchPageKb === null || !r.searchQueries[0] ? 'n/a (no search/ page)' : `search/?q=${r.searchQueries[0].query} downloads ${r.searchPageKb} KB in all`}`,
		'',
		`samples (s): project ${r.samples.project.join(', ')} | floor ${r.samples.floor.join(', ')} | Sätteri ${r.samples['floor-satteri'].join(', ')}`,
	];
	for (const note of r.notes) lines.push(`note: ${note}`);
	return lines.join('\n');
}

/** The --scale summary: per-page cost at each size and its growth. */
export function formatScale(results: ReadonlyArray<BenchResult>, growth: ScaleGrowth): string {
	const lines = ['N        project s   s/page      floor s   s/page      ratio   peak RSS   query KB'];
	for (const r of [...results].sort((a, b) => a.n - b.n)) {
		lines.push(
			`${pad(r.n, 7)}  ${pad(r.buildSeconds, 9)}   ${pad(r.secondsPerPage, 8)}   ${pad(r.baselineSeconds, 8)}   ${pad(r.baselineSecondsPerPage, 8)}   ${pad(r.ratio, 5)}   ${show(r.peakRssMb, ' MB').padStart(8)}   ${show(r.searchQueryKb)}`,
		);
	}
	lines.push('', `per-page cost growth ${growth.sizes[0]} → ${growth.sizes[growth.sizes.length - 1]}: project ${show(growth.perPageGrowth)} (target ≤ 1.15), floor ${show(growth.baselinePerPageGrowth)}`);
	for (const m of growth.marginal) lines.push(`  seconds per extra page ${m.from} → ${m.to}: project ${m.secondsPerPage}, floor ${m.baselineSecondsPerPage}`);
	if (growth.marginalGrowth !== null) lines.push(`  marginal cost growth (last step / first step): ${growth.marginalGrowth}`);
	return lines.join('\n');
}

function pad(value: number, width: number): string {
	return show(value).padStart(width);
}

function padOrNa(value: number | null, width: number): string {
	return show(value).padStart(width);
}
