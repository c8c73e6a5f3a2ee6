import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * A small import graph of the project's own files, for the architecture test: which file
 * imports which (relative imports resolved to files) and which packages or built-ins.
 */

/** The module specifiers a source file imports: static, type-only, re-exports, side-effect imports and dynamic import() calls with a literal. */
export function importSpecifiers(source: string): string[] {
	const patterns = [
		/\bimport\s+(?:type\s+)?[\w*{}\s,$]+?\s+from\s*['"]([^'"\n]+)['"]/g,
		/\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*['"]([^'"\n]+)['"]/g,
		/\bimport\s*['"]([^'"\n]+)['"]/g,
		/\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
	];
	const found = new Set<string>();
	for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1]!);
	return [...found];
}

const SOURCE = /\.(?:ts|mts|mjs|js|astro)$/;

async function isFile(file: string): Promise<boolean> {
	return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/** The file a relative specifier points to (`./x.ts`, `./x`, `./dir` → `./dir/index.ts`), or undefined. */
export async function resolveRelative(fromFile: string, specifier: string): Promise<string | undefined> {
	const target = path.resolve(path.dirname(fromFile), specifier.replace(/[?#].*$/, ''));
	for (const candidate of [target, `${target}.ts`, `${target}.mjs`, `${target}.js`, path.join(target, 'index.ts')]) {
		if (await isFile(candidate)) return candidate;
	}
	return undefined;
}

export interface ModuleImports {
	/** Project files imported through relative specifiers, absolute paths. */
	files: string[];
	/** Everything else as written: `node:fs`, `astro:content`, `zod`… */
	bare: string[];
	/** Relative specifiers that point at no file. */
	unresolved: string[];
}

/** Every source file under `dirs` (absolute), skipping node_modules, dist and fixtures. */
export async function sourceFiles(dirs: string[]): Promise<string[]> {
	const out: string[] = [];
	for (const dir of dirs) {
		if (await isFile(dir)) {
			out.push(dir);
			continue;
		}
		const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
		for (const e of entries) {
			const full = path.join(e.parentPath, e.name);
			if (!e.isFile() || !SOURCE.test(e.name) || /[\\/](?:node_modules|dist|fixtures|\.astro)[\\/]/.test(full)) continue;
			out.push(full);
		}
	}
	return out.sort();
}

/** The imports of each file. */
export async function importGraph(files: string[]): Promise<Map<string, ModuleImports>> {
	const graph = new Map<string, ModuleImports>();
	for (const file of files) {
		const imports: ModuleImports = { files: [], bare: [], unresolved: [] };
		for (const specifier of importSpecifiers(await readFile(file, 'utf8'))) {
			if (!specifier.startsWith('.')) {
				imports.bare.push(specifier);
				continue;
			}
			const resolved = await resolveRelative(file, specifier);
			if (resolved) imports.files.push(resolved);
			else imports.unresolved.push(specifier);
		}
		graph.set(file, imports);
	}
	return graph;
}

/**
 * The import cycles of a graph: every strongly connected component of more than one
 * file, and every file that imports itself (Tarjan's algorithm, iterative so deep
 * graphs cannot overflow the stack). Each cycle is sorted; the list is sorted by its first file.
 */
export function findCycles(edges: ReadonlyMap<string, ReadonlyArray<string>>): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const onStack = new Set<string>();
	const stack: string[] = [];
	const cycles: string[][] = [];
	const next = (node: string) => (edges.get(node) ?? []).filter((n) => n !== undefined);

	for (const root of edges.keys()) {
		if (index.has(root)) continue;
		const work: Array<{ node: string; children: string[]; i: number }> = [];
		const open = (node: string) => {
			index.set(node, counter);
			low.set(node, counter);
			counter++;
			stack.push(node);
			onStack.add(node);
			work.push({ node, children: next(node), i: 0 });
		};
		open(root);
		while (work.length > 0) {
			const frame = work.at(-1)!;
			if (frame.i < frame.children.length) {
				const child = frame.children[frame.i++]!;
				if (!index.has(child)) open(child);
				else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
				continue;
			}
			work.pop();
			const parent = work.at(-1);
			if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
			if (low.get(frame.node) !== index.get(frame.node)) continue;
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== frame.node);
			if (component.length > 1 || next(frame.node).includes(frame.node)) cycles.push(component.sort());
		}
	}
	return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
