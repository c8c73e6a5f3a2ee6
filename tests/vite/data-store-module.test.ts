import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AstroConfig } from 'astro';
import { astroStoreFile, readStoreModule, dataStorePlugin, splitJsonParseLiteral } from '../../src/vite/data-store-module.ts';

/** The module as Astro writes it for a store. */
const astroModule = (store: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(store))})`;

/** The default export of a module made of one `export default <expression>`. */
function evaluate(code: string): unknown {
	return new Function(`return ${code.replace(/^export default /, '').replace(/;\s*$/, '')}`)();
}

// Quotes, backslashes, line breaks, accents, a dash and emoji (surrogate pairs) that fall on piece edges.
const store = {
	postmortems: Array.from({ length: 40 }, (_, i) => ({
		id: `2025-01-${String(i).padStart(2, '0')}-x`,
		html: `<p class="lead">Café “${i}” — \\path\\to\n😀${'🔥'.repeat(i % 5)} done</p>`,
	})),
};

describe('the data-store module in pieces', () => {
	it('gives the same store for every piece length, cutting no surrogate pair', () => {
		const code = astroModule(store);
		for (const pieceLength of [1, 2, 3, 7, 64, 1000]) {
			const split = splitJsonParseLiteral(code, pieceLength);
			expect(split).toBeDefined();
			expect(split!.split('\n').length).toBeGreaterThan(3);
			// A lone surrogate would come out of JSON.stringify as an escape (\ud83d): none may appear.
			expect(split).not.toMatch(/\\ud[89ab][0-9a-f]{2}/i);
			expect(evaluate(split!)).toEqual(store);
		}
	});

	it('leaves every other module as it is', () => {
		expect(splitJsonParseLiteral('export default new Map()')).toBeUndefined();
		expect(splitJsonParseLiteral(astroModule({ small: true }))).toBeUndefined();
		expect(splitJsonParseLiteral('export default JSON.parse("not json)')).toBeUndefined();
		expect(splitJsonParseLiteral(`${astroModule(store)}; export const x = 1`, 8)).toBeUndefined();
		expect(splitJsonParseLiteral('export default JSON.parse(42)', 1)).toBeUndefined();
	});

	it('rewrites only Astro\'s data-store module', () => {
		const plugin = dataStorePlugin();
		const transform = plugin.transform as { handler: (code: string, id: string) => { code: string } | undefined };
		const big = astroModule({ text: 'x'.repeat(3 << 20) });
		expect(transform.handler(big, 'src/pages/index.astro')).toBeUndefined();
		const out = transform.handler(big, '\0astro:data-layer-content');
		expect(out?.code.split('\n').length).toBeGreaterThan(3);
		expect(evaluate(out!.code)).toEqual({ text: 'x'.repeat(3 << 20) });
	});
});

describe('the data-store module read from Astro\'s store file in a build', () => {
	let dir: string;
	let storeFile: string;
	const storeText = JSON.stringify(store);
	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'pm-store-'));
		storeFile = path.join(dir, 'data-store.json');
		await writeFile(storeFile, storeText);
	});
	afterAll(() => rm(dir, { recursive: true, force: true }));

	type Load = { handler: (id: string) => { code: string; meta?: unknown } | undefined };
	const pluginFor = (command: 'build' | 'serve', file?: string) => {
		const plugin = dataStorePlugin({ storeFile: file });
		(plugin.configResolved as (c: { command: string }) => void)({ command });
		return plugin.load as unknown as Load;
	};

	it('gives the same store as the file, marked as content data for the incremental build', async () => {
		const loaded = pluginFor('build', storeFile).handler('\0astro:data-layer-content');
		expect(loaded?.code.length).toBeLessThan(1000);
		expect(loaded?.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
		const moduleFile = path.join(dir, 'store.mjs');
		await writeFile(moduleFile, loaded!.code);
		const imported = (await import(pathToFileURL(moduleFile).href)) as { default: unknown };
		expect(imported.default).toEqual(store);
	});

	it('leaves the module to Astro in dev, without a store file, and for other modules', () => {
		expect(pluginFor('serve', storeFile).handler('\0astro:data-layer-content')).toBeUndefined();
		expect(pluginFor('build', path.join(dir, 'missing.json')).handler('\0astro:data-layer-content')).toBeUndefined();
		expect(pluginFor('build').handler('\0astro:data-layer-content')).toBeUndefined();
		expect(pluginFor('build', storeFile).handler('\0astro:content')).toBeUndefined();
	});

	it('stops the build with a message naming the file when the store changed after bundling', async () => {
		const moduleFile = path.join(dir, 'stale.mjs');
		await writeFile(moduleFile, readStoreModule(storeFile, storeText.length + 1));
		const run = promisify(execFile)(process.execPath, [moduleFile]);
		await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`could not read Astro's content store ${storeFile}: it changed while the site was being built`) });
	});

	it('finds the file where the installed Astro keeps it, and none with chunked storage', async () => {
		const config = { cacheDir: pathToFileURL(`${dir}/`), experimental: {} } as unknown as AstroConfig;
		expect(await astroStoreFile(config)).toBe(storeFile);
		expect(await astroStoreFile({ ...config, experimental: { collectionStorage: 'chunked' } } as unknown as AstroConfig)).toBeUndefined();
	});
});
