import { describe, expect, it } from 'vitest';
import { splitDataStore, splitJsonParseLiteral } from '../../src/vite/split-data-store.ts';

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
		const plugin = splitDataStore();
		const transform = plugin.transform as { handler: (code: string, id: string) => { code: string } | undefined };
		const big = astroModule({ text: 'x'.repeat(3 << 20) });
		expect(transform.handler(big, 'src/pages/index.astro')).toBeUndefined();
		const out = transform.handler(big, '\0astro:data-layer-content');
		expect(out?.code.split('\n').length).toBeGreaterThan(3);
		expect(evaluate(out!.code)).toEqual({ text: 'x'.repeat(3 << 20) });
	});
});
