import { describe, expect, it } from 'vitest';
import { assetFile, pageAssets } from '../../../bench/core/page-weight.ts';

describe('pageAssets', () => {
	const html = `<!doctype html><html><head>
		<link rel="stylesheet" href="/_astro/page.css">
		<link rel="modulepreload" href="/_astro/chunk.js">
		<style>body{color:red}</style>
		<script type="module" src="/_astro/hoisted.js"></script>
		<script>console.log("hé")</script>
		<script type="application/ld+json">{"@type":"Article"}</script>
	</head><body><template><script>x()</script></template><pre>&lt;script&gt;not a script&lt;/script&gt;</pre></body></html>`;
	const assets = pageAssets(html);

	it('lists script files, including module preloads', () => {
		expect(assets.scriptFiles).toEqual(['/_astro/chunk.js', '/_astro/hoisted.js']);
	});
	it('counts inline JavaScript in UTF-8 bytes, not JSON data blocks or escaped text', () => {
		expect(assets.inlineScriptBytes).toBe(Buffer.byteLength('console.log("hé")') + Buffer.byteLength('x()'));
	});
	it('lists stylesheets and counts inline style', () => {
		expect(assets.stylesheetFiles).toEqual(['/_astro/page.css']);
		expect(assets.inlineStyleBytes).toBe('body{color:red}'.length);
	});
	it('measures the HTML itself', () => {
		expect(assets.htmlBytes).toBe(Buffer.byteLength(html));
	});
});

describe('assetFile', () => {
	it('resolves absolute, relative and based hrefs to files in the build', () => {
		expect(assetFile('/_astro/a.css', 'postmortems/x/')).toBe('_astro/a.css');
		expect(assetFile('../../_astro/a.css', 'postmortems/x/')).toBe('_astro/a.css');
		expect(assetFile('/docs/_astro/a.css', 'postmortems/x/', '/docs')).toBe('_astro/a.css');
		expect(assetFile('a%20b.js?v=1', '')).toBe('a b.js');
	});
	it('ignores other origins and data URLs', () => {
		expect(assetFile('https://cdn.example.com/x.js', '')).toBeUndefined();
		expect(assetFile('data:text/css,body{}', '')).toBeUndefined();
	});
});
