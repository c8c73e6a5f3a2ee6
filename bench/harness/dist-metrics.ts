import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { assetFile, pageAssets, type PageAssets } from '../core/page-weight.ts';
import { median } from '../../src/lib/stats/median.ts';
import { maximum } from '../core/stats.ts';

/** What one built page costs to load: its HTML plus the scripts and styles it pulls in. */
export interface PageWeight extends PageAssets {
	/** The HTML file, relative to the site root, e.g. `postmortems/x/index.html`. */
	file: string;
	/** The page's site path, e.g. `postmortems/x/`. */
	page: string;
	/** Bytes of the script files it references (missing files count 0 and are listed in `missing`). */
	scriptFileBytes: number;
	/** Bytes of the stylesheets it links. */
	stylesheetBytes: number;
	/** Linked plus inline CSS. */
	cssBytes: number;
	/** Linked plus inline JavaScript. */
	scriptBytes: number;
	/** Referenced local files that are not in the build. */
	missing: string[];
}

/** Sizes across a built site. */
export interface DistMetrics {
	/** Number of `postmortems/<slug>/index.html` pages. */
	incidentPages: number;
	/** Number of HTML pages in all. */
	htmlPages: number;
	incidentHtmlMedianBytes: number;
	incidentHtmlMaxBytes: number;
	/** The median-sized incident page, weighed. */
	medianIncident: PageWeight | undefined;
	/** The biggest HTML page of any kind (an unpaginated listing shows up here). */
	largestPage: { page: string; bytes: number } | undefined;
	/**
	 * The `pagefind/` folder: all of it (with Pagefind's UI bundles), and the index
	 * proper (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pf_filter`); undefined without Pagefind.
	 */
	pagefind: { bytes: number; files: number; indexBytes: number } | undefined;
}

/** Every file under `dir`, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** The site path of an HTML file: `postmortems/x/index.html` → `postmortems/x/`. */
export function pagePathOf(file: string): string {
	const posix = file.split(path.sep).join('/');
	return posix.endsWith('index.html') ? posix.slice(0, -'index.html'.length) : posix;
}

async function sizeOf(file: string): Promise<number | undefined> {
	const s = await stat(file).catch(() => undefined);
	return s?.isFile() ? s.size : undefined;
}

/** Weighs one page of a built site: what it inlines and the sizes of the files it loads. */
export async function weighPage(dist: string, htmlFile: string, base = '/'): Promise<PageWeight> {
	const html = await readFile(path.join(dist, htmlFile), 'utf8');
	const page = pagePathOf(htmlFile);
	const assets = pageAssets(html);
	const missing: string[] = [];
	const total = async (hrefs: string[]) => {
		let sum = 0;
		for (const href of hrefs) {
			const file = assetFile(href, page, base);
			if (file === undefined) continue;
			const size = await sizeOf(path.join(dist, file));
			if (size === undefined) missing.push(href);
			else sum += size;
		}
		return sum;
	};
	const scriptFileBytes = await total(assets.scriptFiles);
	const stylesheetBytes = await total(assets.stylesheetFiles);
	return {
		...assets,
		file: htmlFile,
		page,
		scriptFileBytes,
		stylesheetBytes,
		cssBytes: stylesheetBytes + assets.inlineStyleBytes,
		scriptBytes: scriptFileBytes + assets.inlineScriptBytes,
		missing,
	};
}

/** Whether an HTML file is an incident page (`postmortems/<slug>/index.html`). */
export function isIncidentPage(file: string): boolean {
	return /^postmortems\/[^/]+\/index\.html$/.test(file.split(path.sep).join('/'));
}

/** Measures a built site: incident page sizes, the median incident page's weight, the largest page, the Pagefind index. */
export async function measureDist(dist: string, base = '/'): Promise<DistMetrics> {
	const files = await listFiles(dist);
	const html = files.filter((f) => f.endsWith('.html'));
	const sizes = new Map<string, number>();
	for (const f of html) sizes.set(f, (await sizeOf(path.join(dist, f))) ?? 0);
	const incident = html.filter(isIncidentPage).sort((a, b) => sizes.get(a)! - sizes.get(b)! || a.localeCompare(b));
	const incidentSizes = incident.map((f) => sizes.get(f)!);
	const medianFile = incident[Math.floor((incident.length - 1) / 2)];
	const largest = [...sizes].sort((a, b) => b[1] - a[1])[0];
	const pagefindFiles = files.filter((f) => f.split(path.sep)[0] === 'pagefind');
	let pagefindBytes = 0;
	let indexBytes = 0;
	for (const f of pagefindFiles) {
		const size = (await sizeOf(path.join(dist, f))) ?? 0;
		pagefindBytes += size;
		if (/\.pf_(meta|index|fragment|filter)$/.test(f)) indexBytes += size;
	}
	return {
		incidentPages: incident.length,
		htmlPages: html.length,
		incidentHtmlMedianBytes: median(incidentSizes) ?? Number.NaN,
		incidentHtmlMaxBytes: maximum(incidentSizes),
		medianIncident: medianFile ? await weighPage(dist, medianFile, base) : undefined,
		largestPage: largest ? { page: pagePathOf(largest[0]), bytes: largest[1] } : undefined,
		pagefind: pagefindFiles.some((f) => f.endsWith('pagefind.js')) ? { bytes: pagefindBytes, files: pagefindFiles.length, indexBytes } : undefined,
	};
}
