import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

// Test helpers: read built pages and query them with CSS selectors (node-html-parser),
// so assertions are about elements and attributes, not string positions.

export type { HTMLElement };

const BLOCKS = new Set(['p', 'div', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'h1', 'h2', 'h3', 'h4', 'br', 'caption', 'section', 'header', 'span']);

/** An element's text, decoded, with block boundaries as spaces and whitespace collapsed. */
export function text(node: HTMLElement | null | undefined): string {
	if (!node) return '';
	let out = '';
	const visit = (n: HTMLElement) => {
		for (const c of n.childNodes) {
			if (c.nodeType === 3) out += c.text;
			else if (c.nodeType === 1) {
				const el = c as HTMLElement;
				const block = BLOCKS.has(el.rawTagName?.toLowerCase() ?? '');
				if (block) out += ' ';
				visit(el);
				if (block) out += ' ';
			}
		}
	};
	visit(node);
	return out.replace(/\s+/g, ' ').replace(/ ([,.)])/g, '$1').replace(/\( /g, '(').trim();
}

/** An attribute's decoded value. */
export function attr(node: HTMLElement | null | undefined, name: string): string | undefined {
	return node?.getAttribute(name);
}

/** A parsed page with query helpers. */
export interface Page {
	html: string;
	$(selector: string): HTMLElement | undefined;
	$$(selector: string): HTMLElement[];
}

export function parsePage(html: string): Page {
	const doc = parse(html, { comment: false });
	return {
		html,
		$: (selector) => doc.querySelector(selector) ?? undefined,
		$$: (selector) => doc.querySelectorAll(selector),
	};
}

/** Reads `dist/<route>index.html` (or a file path ending in .html). */
export async function readPage(outDir: string, route: string): Promise<Page> {
	const file = route.endsWith('.html') ? route : path.join(route, 'index.html');
	return parsePage(await readFile(path.join(outDir, file), 'utf8'));
}

/** Every .html file under `dir`, as paths relative to it. */
export async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
		.sort();
}
