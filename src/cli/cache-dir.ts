import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Astro's cache folder, as astro.config.mjs sets it (ASTRO_CACHE_DIR, else node_modules/.astro).
 * The build keeps its own caches there too (validation, search index), so one folder kept
 * between runs (examples/daily-build.yml) keeps them all.
 */
export function astroCacheDir(env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(env.ASTRO_CACHE_DIR || path.join(ROOT, 'node_modules', '.astro'));
}
