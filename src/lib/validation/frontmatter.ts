import { LineCounter, parseDocument, isMap, isScalar, isSeq, isPair, type Document } from 'yaml';

/** A postmortem file split into its parts, or the reason it could not be. */
export type SplitFile =
	| {
			ok: true;
			yaml: string;
			body: string;
			yamlStartLine: number;
			/** Where `yaml` starts and ends in `text` (BOM included): `text.slice(0, yamlStart)` is the BOM and the opening line, `text.slice(yamlEnd)` the closing line and the body. */
			yamlStart: number;
			yamlEnd: number;
	  }
	| { ok: false; message: string; line?: number };

/**
 * Splits `---` frontmatter from the Markdown body. Works on indexes, not regexes,
 * so a multi-megabyte body costs one scan. The offsets let a writer put the file
 * back together byte for byte around an edited `yaml`.
 */
export function splitFrontmatter(text: string): SplitFile {
	const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const src = text.slice(bom);
	if (src.trim() === '') return { ok: false, message: 'the file is empty; a postmortem starts with YAML frontmatter between --- lines' };
	const firstLineEnd = src.indexOf('\n');
	const firstLine = (firstLineEnd === -1 ? src : src.slice(0, firstLineEnd)).replace(/\r$/, '');
	if (firstLine.trim() !== '---') {
		return { ok: false, line: 1, message: 'has no frontmatter; the file must start with a --- line, then YAML fields, then another --- line' };
	}
	const start = firstLineEnd + 1;
	let pos = start;
	while (pos <= src.length) {
		const end = src.indexOf('\n', pos);
		const line = (end === -1 ? src.slice(pos) : src.slice(pos, end)).replace(/\r$/, '');
		if (line === '---' || line === '...') {
			return { ok: true, yaml: src.slice(start, pos), body: end === -1 ? '' : src.slice(end + 1), yamlStartLine: 2, yamlStart: bom + start, yamlEnd: bom + pos };
		}
		if (end === -1) break;
		pos = end + 1;
	}
	return { ok: false, line: 1, message: 'the frontmatter is not closed; add a --- line after the last field' };
}

/** Parsed frontmatter with a way to find the line of a field. */
export type ParsedFrontmatter =
	| { ok: true; data: Record<string, unknown>; body: string; lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined; document: Document }
	| { ok: false; message: string; line?: number };

/** Parses a postmortem file's frontmatter with `yaml` (YAML 1.2), reporting the first syntax error with its line. */
export function parseFrontmatter(text: string): ParsedFrontmatter {
	const split = splitFrontmatter(text);
	if (!split.ok) return split;
	const lineCounter = new LineCounter();
	// merge: true resolves `<<: *anchor` the way js-yaml (Astro's parser) does.
	const document = parseDocument(split.yaml, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: true });
	const offsetLine = split.yamlStartLine - 1;
	if (document.errors.length > 0) {
		const err = document.errors[0]!;
		const line = err.linePos?.[0]?.line;
		const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
		return { ok: false, line: line ? line + offsetLine : undefined, message: `the frontmatter is not valid YAML: ${message}` };
	}
	if (document.contents === null) return { ok: false, line: 2, message: 'the frontmatter is empty; it needs at least title, severity, startedAt, services, authors and impact' };
	if (!isMap(document.contents)) {
		return { ok: false, line: 2, message: 'the frontmatter must be a mapping of fields (key: value), not a list or a single value' };
	}
	let data: unknown;
	try {
		data = document.toJS({ maxAliasCount: 100 });
	} catch (error) {
		return { ok: false, line: 2, message: `the frontmatter could not be read: ${(error as Error).message}` };
	}
	const lineOf = (path: ReadonlyArray<PropertyKey>): number | undefined => {
		// Walk up the path until a node exists (a missing field points at its parent).
		for (let n = path.length; n >= 0; n--) {
			const node = n === 0 ? document.contents : document.getIn(path.slice(0, n) as unknown[], true);
			const range = (node as { range?: [number, number, number] } | undefined)?.range;
			if (range) return lineCounter.linePos(range[0]).line + offsetLine;
		}
		return undefined;
	};
	return { ok: true, data: data as Record<string, unknown>, body: split.body, lineOf, document };
}

// js-yaml's (YAML 1.1) timestamp forms: Astro's loader turns these into Date when unquoted.
const JS_YAML_TIMESTAMP =
	/^(?:\d{4}-\d\d-\d\d|\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)$/;

/**
 * Paths of unquoted values that Astro's YAML parser reads as a date but this
 * one reads as text, e.g. `title: 2025-03-14`. Where the format expects a date
 * both agree after the schema; anywhere else the site would see a Date.
 */
export function plainDatePaths(document: Document): Array<Array<string | number>> {
	const out: Array<Array<string | number>> = [];
	const walk = (node: unknown, path: Array<string | number>): void => {
		if (isMap(node)) {
			for (const pair of node.items) {
				if (!isPair(pair)) continue;
				const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
				walk(pair.value, [...path, key]);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => walk(item, [...path, i]));
		} else if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && JS_YAML_TIMESTAMP.test(node.value)) {
			out.push(path);
		}
	};
	walk(document.contents, []);
	return out;
}
