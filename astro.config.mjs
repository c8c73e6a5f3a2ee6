// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { ConfigError, getConfig } from './src/config.ts';

// postmortems.config.ts is checked here with the schema the scripts use (src/config.ts), so a
// bad field stops `astro dev`, `astro build` and `astro check` with the file, the field and
// what is wrong, instead of a raw value reaching Astro or a stack trace. Exit 2, as the scripts.
/** @type {import('./src/schemas/config.ts').ArchiveConfig} */
let archiveConfig;
try {
	archiveConfig = getConfig();
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	process.stderr.write(`${error.message}\n`);
	process.exit(2);
}
const { site } = archiveConfig;

// Bodies may hold raw HTML pasted from chat logs: parse it (rehype-raw), then
// sanitise with GitHub's allow-list, so no script, event handler or javascript:
// URL reaches a page. Code-block language classes are kept for styling.
const sanitizeSchema = {
	...defaultSchema,
	// remark-rehype already prefixes footnote ids with `user-content-`; a second prefix breaks their links.
	clobberPrefix: '',
	attributes: {
		...defaultSchema.attributes,
		code: [...(defaultSchema.attributes?.code ?? []), ['className', /^language-./]],
	},
};

export default defineConfig({
	site: site.url,
	base: site.base,
	trailingSlash: 'ignore',
	markdown: {
		// gfm: false because remark-gfm is added explicitly (tables, task lists, footnotes, autolinks).
		processor: unified({
			gfm: false,
			remarkPlugins: [remarkGfm],
			rehypePlugins: [rehypeRaw, [rehypeSanitize, sanitizeSchema]],
		}),
	},
	devToolbar: { enabled: false },
	// `.astro-xxxx` classes instead of `[data-astro-cid-xxxx]` attributes: about 10 bytes less
	// per scoped selector and per element, which keeps incident pages inside their CSS budget.
	scopedStyleStrategy: 'class',
	// Separate caches let several builds (tests, the benchmark) run side by side.
	cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
	// No client JavaScript unless a page asks for it; inline small styles to save a request.
	build: { inlineStylesheets: 'auto' },
});
