import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureDist, pagePathOf } from '../../../bench/harness/dist-metrics.ts';

let dist: string;

async function put(file: string, text: string) {
	await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
	await writeFile(path.join(dist, file), text);
}

beforeAll(async () => {
	dist = await mkdtemp(path.join(tmpdir(), 'pm-dist-metrics-'));
	const page = (body: string) => `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"><style>p{margin:0}</style></head><body>${body}<script src="/_astro/missing.js"></script></body></html>`;
	await put('_astro/site.css', 'x'.repeat(1000));
	await put('postmortems/a/index.html', page('a'.repeat(100)));
	await put('postmortems/b/index.html', page('b'.repeat(300)));
	await put('postmortems/c/index.html', page('c'.repeat(200)));
	await put('index.html', page('home'.repeat(500)));
	await put('pagefind/pagefind.js', 'x'.repeat(50));
	await put('pagefind/index/en_1.pf_index', 'x'.repeat(70));
	await put('pagefind/fragment/en_1.pf_fragment', 'x'.repeat(30));
});

afterAll(async () => {
	await rm(dist, { recursive: true, force: true });
});

describe('measureDist', () => {
	it('weighs the median incident page with the files it loads', async () => {
		const m = await measureDist(dist);
		expect(m.incidentPages).toBe(3);
		expect(m.htmlPages).toBe(4);
		expect(m.medianIncident?.page).toBe('postmortems/c/');
		expect(m.medianIncident?.cssBytes).toBe(1000 + 'p{margin:0}'.length);
		expect(m.medianIncident?.scriptFiles).toEqual(['/_astro/missing.js']);
		expect(m.medianIncident?.missing).toEqual(['/_astro/missing.js']);
		expect(m.incidentHtmlMaxBytes).toBeGreaterThan(m.incidentHtmlMedianBytes);
	});

	it('finds the largest page and sizes the Pagefind index apart from its scripts', async () => {
		const m = await measureDist(dist);
		expect(m.largestPage?.page).toBe('');
		expect(m.pagefind).toEqual({ bytes: 150, files: 3, indexBytes: 100 });
	});
});

describe('pagePathOf', () => {
	it('maps files to site paths', () => {
		expect(pagePathOf('postmortems/x/index.html')).toBe('postmortems/x/');
		expect(pagePathOf('index.html')).toBe('');
		expect(pagePathOf('404.html')).toBe('404.html');
	});
});
