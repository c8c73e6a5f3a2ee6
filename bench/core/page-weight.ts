import { parse, type HTMLElement } from 'node-html-parser';

/**
 * What a built page makes the browser load: script files, inline script,
 * stylesheets and inline style. Parsed with node-html-parser (the tests' parser),
 * which keeps script and style contents as raw text, as a browser reads them.
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

const utf8 = new TextEncoder();

// Script types a browser executes; anything else (application/ld+json, importmap data) is data.
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);

/** Lists what a page loads and how many bytes it inlines. */
export function pageAssets(html: string): PageAssets {
	const out: PageAssets = { htmlBytes: utf8.encode(html).length, scriptFiles: [], inlineScriptBytes: 0, stylesheetFiles: [], inlineStyleBytes: 0 };
	const visit = (node: HTMLElement) => {
		const tag = node.tagName?.toLowerCase();
		const attr = (name: string) => node.getAttribute(name);
		if (tag === 'script') {
			const src = attr('src');
			const type = (attr('type') ?? '').trim().toLowerCase();
			if (src !== undefined) out.scriptFiles.push(src);
			else if (JS_TYPES.has(type)) out.inlineScriptBytes += utf8.encode(node.rawText).length;
		} else if (tag === 'link') {
			const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
			const href = attr('href');
			if (href !== undefined && rel.includes('stylesheet')) out.stylesheetFiles.push(href);
			if (href !== undefined && rel.includes('modulepreload')) out.scriptFiles.push(href);
		} else if (tag === 'style') {
			out.inlineStyleBytes += utf8.encode(node.rawText).length;
		}
		for (const child of node.childNodes) if (child.nodeType === 1) visit(child as HTMLElement);
	};
	visit(parse(html, { comment: false }));
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
