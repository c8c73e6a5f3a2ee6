import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import astroConfig from '../../astro.config.mjs';
import { listPostmortemFiles } from '../../src/cli/content-dir.ts';
import { parseFrontmatter } from '../../src/lib/validation/frontmatter.ts';
import { fixture, ROOT } from '../support/build-site.ts';

/** Bodies through the site's own Markdown pipeline (astro.config.mjs): GFM in, sanitised HTML out. */
type Renderer = { render: (md: string) => Promise<{ code: string }> };
let renderer: Renderer;

beforeAll(async () => {
	const processor = (astroConfig.markdown as { processor: { createRenderer: (o: object) => Promise<Renderer> } }).processor;
	renderer = await processor.createRenderer({});
});

async function renderBody(file: string): Promise<string> {
	const parsed = parseFrontmatter(await readFile(file, 'utf8'));
	if (!parsed.ok) throw new Error(parsed.message);
	return (await renderer.render(parsed.body)).code;
}

const UNSAFE = [/<script/i, /\son[a-z]+\s*=/i, /javascript:/i, /<iframe/i];

describe('postmortem bodies', () => {
	it('lose scripts, event handlers, javascript: links and iframes pasted from chat', async () => {
		const html = await renderBody(fixture('sanitise', '2025-03-14-raw-html-from-chat.md'));
		for (const pattern of UNSAFE) expect(html).not.toMatch(pattern);
		expect(html).toContain('<table>');
		expect(html).toContain('type="checkbox"');
		expect(html).toContain('href="#user-content-fn-1"');
	});

	it('of the sample archive render safely, keeping tables, code and <details>', async () => {
		const files = await listPostmortemFiles(path.join(ROOT, 'content', 'postmortems'));
		const all: string[] = [];
		for (const f of files) {
			const html = await renderBody(f.absolute);
			for (const pattern of UNSAFE) expect(html, f.slug).not.toMatch(pattern);
			expect(html, f.slug).not.toContain('<!--');
			all.push(html);
		}
		const joined = all.join('\n');
		expect(joined).toContain('<table>');
		expect(joined).toMatch(/<pre[^>]*><code>/);
		expect(joined).toContain('<details>');
	});
});
