import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/**
 * Astro bundles its content store into the build as one module,
 * `export default JSON.parse("<the whole store>")`. At 5,000 postmortems that is 72 MB of
 * source that Astro stringifies, Vite parses, renders and writes, and V8 then compiles: a
 * single string literal costs V8 time superlinear in its length (37 s for that one module).
 * Every build pays it, cold or warm, before the first page.
 *
 * - In a build, the module reads Astro's store file when the prerenderer imports it instead
 *   of carrying it: Vite bundles a few lines, not 72 MB, and the same store comes out. Astro's
 *   own loader reads that same file (`getDataStoreFile`, asked of Astro itself), and Astro's
 *   sync has just written it whenever the store changed. When Astro keeps its store another
 *   way (chunked storage, a new version), Astro's own module is used.
 * - Otherwise (`astro dev`, or no store file), the literal is cut into 1 MB pieces
 *   joined at run time (2.8 s instead of 37 s at 5,000).
 */

/** The module Astro generates for its data store (`\0astro:data-layer-content`). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
const PREFIX = 'export default JSON.parse(';
/** Piece length in UTF-16 code units: about a megabyte. */
export const PIECE_LENGTH = 1 << 20;

/** The text inside Astro's `export default JSON.parse("…")`, or undefined for any other code. */
export function jsonParseLiteralText(code: string): string | undefined {
	// String operations, not a regular expression: the literal is tens of megabytes.
	const rest = code.trimEnd().replace(/;$/, '');
	if (!rest.startsWith(`${PREFIX}"`) || !rest.endsWith('")')) return undefined;
	try {
		// Astro writes the literal with JSON.stringify, so it is also JSON.
		const text: unknown = JSON.parse(rest.slice(PREFIX.length, -1));
		return typeof text === 'string' ? text : undefined;
	} catch {
		return undefined;
	}
}

/**
 * `export default JSON.parse("…")` with the literal cut into pieces joined at run time,
 * or undefined for any other code (left as Astro wrote it).
 */
export function splitJsonParseLiteral(code: string, pieceLength = PIECE_LENGTH): string | undefined {
	const text = jsonParseLiteralText(code);
	if (text === undefined || text.length <= pieceLength) return undefined;
	const pieces: string[] = [];
	let start = 0;
	while (start < text.length) {
		let end = Math.min(start + pieceLength, text.length);
		// Never cut a surrogate pair: each piece is printed on its own. The pair goes to the
		// next piece, or whole into this one when it is the piece's only character.
		const last = text.charCodeAt(end - 1);
		if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - 1 > start ? -1 : 1;
		pieces.push(JSON.stringify(text.slice(start, end)));
		start = end;
	}
	return `${PREFIX}[\n${pieces.join(',\n')}\n].join(''));\n`;
}

/**
 * A module that reads the store from `file` (of `bytes` bytes) when it is imported. Astro
 * turns a store module that throws into an empty store without a word, which would build
 * an empty archive: any failure here stops the build with a message instead.
 */
export function readStoreModule(file: string, bytes: number): string {
	return [
		`import { readFileSync } from 'node:fs';`,
		`const file = ${JSON.stringify(file)};`,
		`let store;`,
		`try {`,
		`\tconst bytes = readFileSync(file);`,
		`\tif (bytes.length !== ${bytes}) throw new Error('it changed while the site was being built');`,
		`\tstore = JSON.parse(bytes.toString('utf8'));`,
		`} catch (error) {`,
		`\tprocess.stderr.write("build: could not read Astro's content store " + file + ': ' + (error instanceof Error ? error.message : String(error)) + '; run the build again.\\n');`,
		`\tprocess.exit(1);`,
		`}`,
		`export default store;`,
		'',
	].join('\n');
}

/** Size of `file`, or undefined when there is no such file. */
function fileSize(file: string): number | undefined {
	try {
		const stat = statSync(file);
		return stat.isFile() ? stat.size : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Vite plugin for Astro's data-store module (see above). `storeFile`: where Astro keeps the
 * store during a build (`<cacheDir>/data-store.json`); without it, pieces only.
 */
export function dataStorePlugin(options: { storeFile?: string } = {}): Plugin {
	let building = false;
	return {
		name: 'postmortems:data-store-module',
		configResolved(config) {
			building = config.command === 'build';
		},
		load: {
			// Before Astro's own loader, which would read, check and re-encode the 72 MB for nothing.
			order: 'pre',
			filter: { id: /^\0astro:data-layer-content$/ },
			handler(id) {
				if (id !== DATA_STORE_MODULE || !building || !options.storeFile) return undefined;
				const bytes = fileSize(options.storeFile);
				if (bytes === undefined) return undefined;
				// The marker Astro's loader gives this module: content data, not code, for the incremental build.
				return { code: readStoreModule(options.storeFile, bytes), map: { mappings: '' }, meta: { astroIncremental: { kind: 'content-data' } } };
			},
		},
		transform: {
			filter: { id: /^\0astro:data-layer-content$/ },
			handler(code, id) {
				if (id !== DATA_STORE_MODULE) return undefined;
				const split = splitJsonParseLiteral(code);
				return split === undefined ? undefined : { code: split, map: { mappings: '' } };
			},
		},
	};
}

/** Astro's internal helpers for where it keeps the store (not in its package exports). */
interface AstroStorePaths {
	getDataStoreFile(settings: { config: AstroConfig }, isDev: boolean): URL;
	getDataStoreChunkSize(settings: { config: AstroConfig }): number | undefined;
}

/**
 * The file Astro's loader reads the store from during a build, asked of Astro itself; undefined
 * when Astro keeps it another way (chunked) or its helpers moved (a new version).
 */
export async function astroStoreFile(config: AstroConfig): Promise<string | undefined> {
	try {
		const paths = (await import(new URL('../content/paths.js', import.meta.resolve('astro/config')).href)) as AstroStorePaths;
		if (paths.getDataStoreChunkSize({ config }) !== undefined) return undefined;
		return fileURLToPath(paths.getDataStoreFile({ config }, false));
	} catch {
		return undefined;
	}
}

/** The plugin as an Astro integration, so that it learns where this build keeps its store. */
export function dataStoreModule(): AstroIntegration {
	return {
		name: 'postmortems:data-store-module',
		hooks: {
			'astro:config:setup': async ({ config, updateConfig }) => {
				updateConfig({ vite: { plugins: [dataStorePlugin({ storeFile: await astroStoreFile(config) })] } });
			},
		},
	};
}
