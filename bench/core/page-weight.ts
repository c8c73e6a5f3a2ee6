import { parse } from 'parse5';

/**
 * What a built page makes the browser load: script files, inline script,
 * stylesheets and inline style. Parsed with parse5 (the HTML standard's
 * algorithm), so script and style contents are read exactly as a browser would.
 */
export interface PageAssets {
	/** UTF-8 bytes of the HTML document itself. */
	htmlBytes: number;
	/** `<script src>` and `<link rel="modulepreload">` URLs, as written. */
	scriptFiles: string[];
	/** UTF-8 bytes of inline JavaScript (not JSON data blocks). */
	inlineScriptBytes: number;
	/** `<link rel="stylesheet">` URLs, as written. */
	stylesheetFiles: string[];
	/** UTF-8 bytes inside `<style>` elements. */
	inlineStyleBytes: number;
}

interface HtmlNode {
	nodeName: string;
	tagName?: string;
	attrs?: Array<{ name: string; value: string }>;
	childNodes?: HtmlNode[];
	content?: HtmlNode;
	value?: string;
}

const utf8 = new TextEncoder();

// Script types a browser executes; anything else (application/ld+json, importmap data) is data.
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);

function attr(node: HtmlNode, name: string): string | undefined {
	return node.attrs?.find((a) => a.name === name)?.value;
}

function textOf(node: HtmlNode): string {
	return (node.childNodes ?? []).map((c) => (c.nodeName === '#text' ? (c.value ?? '') : '')).join('');
}

/** Lists what a page loads and how many bytes it inlines. */
export function pageAssets(html: string): PageAssets {
	const out: PageAssets = { htmlBytes: utf8.encode(html).length, scriptFiles: [], inlineScriptBytes: 0, stylesheetFiles: [], inlineStyleBytes: 0 };
	const visit = (node: HtmlNode) => {
		if (node.tagName === 'script') {
			const src = attr(node, 'src');
			const type = (attr(node, 'type') ?? '').trim().toLowerCase();
			if (src !== undefined) out.scriptFiles.push(src);
			else if (JS_TYPES.has(type)) out.inlineScriptBytes += utf8.encode(textOf(node)).length;
		} else if (node.tagName === 'link') {
			const rel = (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
			const href = attr(node, 'href');
			if (href !== undefined && rel.includes('stylesheet')) out.stylesheetFiles.push(href);
			if (href !== undefined && rel.includes('modulepreload')) out.scriptFiles.push(href);
		} else if (node.tagName === 'style') {
			out.inlineStyleBytes += utf8.encode(textOf(node)).length;
		}
		for (const child of node.childNodes ?? []) visit(child);
		if (node.content) visit(node.content);
	};
	visit(parse(html) as unknown as HtmlNode);
	return out;
}

/**
 * The file inside the built site that an href on a page points to, as a path
 * relative to the site root; undefined for other origins and data: URLs.
 * `pagePath` is the page's site path (`postmortems/x/`), `base` the site's base path.
 */
export function assetFile(href: string, pagePath: string, base = '/'): string | undefined {
	const origin = 'http://site.invalid';
	const baseDir = base.endsWith('/') ? base : `${base}/`;
	let url: URL;
	try {
		url = new URL(href, `${origin}${baseDir}${pagePath.replace(/^\/+/, '')}`);
	} catch {
		return undefined;
	}
	if (url.origin !== origin) return undefined;
	const path = decodeURIComponent(url.pathname);
	if (!path.startsWith(baseDir)) return undefined;
	return path.slice(baseDir.length);
}
