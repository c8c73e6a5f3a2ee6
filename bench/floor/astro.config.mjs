// @ts-check
// The benchmark's floor: bare Astro with the project's Markdown pipeline, nothing else.
// FLOOR_MARKDOWN=satteri builds it with Astro's default processor (Sätteri, no plugins)
// instead, so the cost of the remark/rehype plugin pipeline stays visible.
import { defineConfig } from 'astro/config';
import projectConfig from '../../astro.config.mjs';

// Taken from the project's own config rather than repeated here, so the floor
// always renders Markdown exactly as the project does (remark-gfm, rehype-raw,
// rehype-sanitize with the project's allow-list, and whatever is added later).
const projectProcessor = projectConfig.markdown?.processor;
if (!projectProcessor) throw new Error('bench/floor: the project config has no markdown.processor to mirror');
const useSatteri = process.env.FLOOR_MARKDOWN === 'satteri';

export default defineConfig({
	site: 'http://localhost:4321',
	devToolbar: { enabled: false },
	...(useSatteri ? {} : { markdown: { processor: projectProcessor } }),
	// A fresh cache per run keeps every benchmark build cold.
	cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
});
