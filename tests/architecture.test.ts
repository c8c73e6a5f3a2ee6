import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT } from './support/build-site.ts';
import { findCycles, importGraph, importSpecifiers, sourceFiles, type ModuleImports } from './support/import-graph.ts';

// The layout's rules (README "Project layout"), checked on every import of the project's own code.

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const under = (dir: string) => (file: string) => rel(file).startsWith(`${dir}/`);

/** What src/lib may not import: the file system, Astro's content layer, the config loader. */
const IO_IN_LIB = /^(?:node:)?fs(?:\/|$)|^astro:content$/;

let graph: Map<string, ModuleImports>;
beforeAll(async () => {
	const roots = ['src', 'bench', 'scripts', 'tools', 'tests', 'astro.config.mjs', 'postmortems.config.ts', 'vitest.config.ts', 'vitest.e2e.config.ts'];
	graph = await importGraph(await sourceFiles(roots.map((r) => path.join(ROOT, r))));
});

describe('the import graph walk', () => {
	it('finds static, type-only, re-exported, side-effect and dynamic imports, across lines', async () => {
		const source = await readFile(fixture('imports', 'sample.ts.txt'), 'utf8');
		expect(importSpecifiers(source).sort()).toEqual(['../t.ts', './a.ts', './all.ts', './lazy.ts', './side-effect.css', './y.ts', 'node:fs', 'zod'].sort());
	});

	it('finds a cycle of two, a cycle of three, a self-import, and nothing in a tree', () => {
		const edges = new Map<string, string[]>([
			['a', ['b']],
			['b', ['a', 'c']],
			['c', ['d']],
			['d', ['e']],
			['e', ['c']],
			['f', ['f']],
			['g', ['a', 'h']],
			['h', []],
		]);
		expect(findCycles(edges)).toEqual([['a', 'b'], ['c', 'd', 'e'], ['f']]);
		expect(findCycles(new Map([['root', ['left', 'right']], ['left', ['leaf']], ['right', ['leaf']], ['leaf', []]]))).toEqual([]);
	});

	it('walks a long chain without overflowing the stack', () => {
		const n = 50_000;
		const edges = new Map(Array.from({ length: n }, (_, i) => [`m${i}`, i + 1 < n ? [`m${i + 1}`] : ['m0']]));
		expect(findCycles(edges)[0]).toHaveLength(n);
	});

	it('resolves every relative import of the project to a file', () => {
		const unresolved = [...graph].flatMap(([file, i]) => i.unresolved.map((s) => `${rel(file)}: ${s}`));
		expect(unresolved).toEqual([]);
		// The walk sees the layers it checks (a broken walk would pass every rule below).
		expect([...graph.keys()].filter(under('src/lib')).length).toBeGreaterThan(40);
		expect([...graph.values()].some((i) => i.bare.includes('astro:content'))).toBe(true);
	});
});

describe('the layout', () => {
	it('src/lib is pure: no file system, no astro:content, no config loading', () => {
		const config = path.join(ROOT, 'src', 'config.ts');
		const offenders = [...graph]
			.filter(([file]) => under('src/lib')(file))
			.flatMap(([file, i]) => [...i.bare.filter((s) => IO_IN_LIB.test(s)), ...i.files.filter((f) => f === config).map(rel)].map((s) => `${rel(file)} imports ${s}`));
		expect(offenders).toEqual([]);
	});

	it('nothing outside tests/ imports from tests/', () => {
		const offenders = [...graph]
			.filter(([file]) => !under('tests')(file))
			.flatMap(([file, i]) => i.files.filter(under('tests')).map((f) => `${rel(file)} imports ${rel(f)}`));
		expect(offenders).toEqual([]);
	});

	it('the product does not import the benchmark', () => {
		const offenders = [...graph]
			.filter(([file]) => under('src')(file) || under('scripts')(file) || under('tools')(file))
			.flatMap(([file, i]) => i.files.filter(under('bench')).map((f) => `${rel(file)} imports ${rel(f)}`))
			.filter((line) => !line.startsWith('scripts/bench.ts '));
		expect(offenders).toEqual([]);
	});

	it('src/ has no import cycle', () => {
		const src = new Map([...graph].filter(([file]) => under('src')(file)).map(([file, i]) => [file, i.files] as const));
		expect(findCycles(src).map((cycle) => cycle.map(rel))).toEqual([]);
	});
});
