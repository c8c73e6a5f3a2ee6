// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import sitemap from '@astrojs/sitemap';
import { ConfigError, getConfig } from './src/config.ts';
import { dataStoreModule } from './src/vite/data-store-module.ts';

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
		// Shiki stops tokenizing a line after 500 ms and leaves the rest of it unhighlighted. The
		// first line of a language pays for compiling its grammar's patterns, so on a loaded machine
		// two builds of the same file could differ (found by tests/build/incremental.test.ts). No
		// limit: the same Markdown always gives the same HTML.
		shikiConfig: {
			transformers: [
				{
					name: 'no-tokenize-time-limit',
					preprocess(_code, options) {
						options.tokenizeTimeLimit = 0;
					},
				},
			],
		},
	},
	devToolbar: { enabled: false },
	// sitemap-index.xml for search engines (named in robots.txt); none for an archive marked noindex.
	integrations: [
		// Astro's content store read from its file at build time, not bundled (issue 17).
		dataStoreModule(),
		...(site.noindex ? [] : [sitemap({ filter: (page) => !/\/404\/?$/.test(page) })]),
	],
	// `.astro-xxxx` classes instead of `[data-astro-cid-xxxx]` attributes: about 10 bytes less
	// per scoped selector and per element, which keeps incident pages inside their CSS budget.
	scopedStyleStrategy: 'class',
	// Separate caches let several builds (tests, the benchmark) run side by side.
	cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
	// No client JavaScript unless a page asks for it; inline small styles to save a request.
	build: { inlineStylesheets: 'auto' },
	// Pages with a cacheKey (src/data/cache-keys.ts) whose data and code are unchanged since the
	// last build are copied from the cache folder instead of rendered (issue 17).
	experimental: { incrementalBuild: true },
	vite: {
		build: {
			// Vite's and Astro's 4 KB default for every asset and stylesheet, except the aging pages'
			// recompute script: inline up to 6 KB (its budget in tests/e2e/actions.e2e.ts), so those
			// pages load no script file.
			assetsInlineLimit: (file, content) => (file.includes('AgingView.astro_astro_type_script') && content.length <= 6144 ? true : undefined),
		},
	},
});
