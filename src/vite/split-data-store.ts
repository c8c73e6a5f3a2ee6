import type { Plugin } from 'vite';

/**
 * Astro bundles its content store into the build as one module,
 * `export default JSON.parse("<the whole store>")`. V8 takes time superlinear in the
 * length of a single string literal to compile it: 37 s for the 72 MB store of 5,000
 * postmortems (the same module with the text in 1 MB literals joined at run time:
 * 2.8 s, JSON.parse included). Every build pays it, cold or warm, before the first page.
 * This plugin cuts that one literal into pieces joined at run time: the same store, the
 * same pages, a fraction of the compile time.
 */

/** The module Astro generates for its data store (`\0astro:data-layer-content`). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
const PREFIX = 'export default JSON.parse(';
/** Piece length in UTF-16 code units: about a megabyte. */
export const PIECE_LENGTH = 1 << 20;

/**
 * `export default JSON.parse("…")` with the literal cut into pieces joined at run time,
 * or undefined for any other code (left as Astro wrote it).
 */
export function splitJsonParseLiteral(code: string, pieceLength = PIECE_LENGTH): string | undefined {
	// String operations, not a regular expression: the literal is tens of megabytes.
	const rest = code.trimEnd().replace(/;$/, '');
	if (!rest.startsWith(`${PREFIX}"`) || !rest.endsWith('")')) return undefined;
	let text: unknown;
	try {
		// Astro writes the literal with JSON.stringify, so it is also JSON.
		text = JSON.parse(rest.slice(PREFIX.length, -1));
	} catch {
		return undefined;
	}
	if (typeof text !== 'string' || text.length <= pieceLength) return undefined;
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

/** Vite plugin: the data-store module in pieces (see above). */
export function splitDataStore(): Plugin {
	return {
		name: 'postmortems:split-data-store',
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
