import type { Pair } from 'yaml';
import { splitFrontmatter } from '../validation/frontmatter.ts';

/**
 * The pieces of a byte-preserving frontmatter edit, shared by every tool that
 * writes into a postmortem (drafting, ticket filing, ticket sync). They never
 * re-serialise a document: `yaml`'s document API finds where things are, and
 * the edit splices text at those places, so every other byte stays as it was.
 */

/** A postmortem file cut exactly around its YAML: `head + yaml + tail` is the file. */
export interface FileParts {
	/** BOM and the opening `---` line. */
	head: string;
	yaml: string;
	/** The closing `---` line and the body. */
	tail: string;
	eol: '\n' | '\r\n';
}

/** Cuts a file around its frontmatter (with the validator's splitter), keeping every byte; undefined when there is no closed `---` block. */
export function editableParts(text: string): FileParts | undefined {
	const split = splitFrontmatter(text);
	if (!split.ok) return undefined;
	const head = text.slice(0, split.yamlStart);
	return { head, yaml: split.yaml, tail: text.slice(split.yamlEnd), eol: head.endsWith('\r\n') ? '\r\n' : '\n' };
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
	return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line break ending the line that holds `offset` (or the text's end). */
export function lineEndAfter(text: string, offset: number): number {
	if (offset > 0 && text[offset - 1] === '\n') return offset;
	const nl = text.indexOf('\n', offset);
	return nl === -1 ? text.length : nl + 1;
}

type Ranged = { range?: [number, number, number] } | null;

/** The lines a pair occupies: from its key's line to the end of its value's last line; undefined when the key shares its line with something before it. */
export function pairLines(yaml: string, pair: Pair): [number, number] | undefined {
	const key = pair.key as Ranged;
	if (!key?.range) return undefined;
	const from = lineStart(yaml, key.range[0]);
	if (yaml.slice(from, key.range[0]).trim() !== '') return undefined;
	const value = pair.value as Ranged;
	const to = lineEndAfter(yaml, value?.range?.[1] ?? key.range[1]);
	return [from, to];
}

/** Indents every line of a `\n`-separated block (ending with `\n`) and gives it the file's line ends. */
export function indentLines(block: string, indent: string, eol: string): string {
	return block
		.split('\n')
		.map((line, i, all) => (i === all.length - 1 ? line : `${line ? indent + line : line}${eol}`))
		.join('');
}

/** A text replacement at offsets of the original YAML. */
export interface Splice {
	from: number;
	to: number;
	text: string;
}

/** Applies non-overlapping splices to `text` (any order). */
export function applySplices(text: string, splices: ReadonlyArray<Splice>): string {
	let out = text;
	for (const { from, to, text: t } of [...splices].sort((a, b) => b.from - a.from)) out = out.slice(0, from) + t + out.slice(to);
	return out;
}
