import { createHash } from 'node:crypto';
import { getConfig } from '../config.ts';
import { showsUnpublished } from './archive.ts';
import { buildDay } from './build-day.ts';

/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`, issue 17): a page
 * whose key and module graph are unchanged since the last build is restored from the
 * cache folder instead of rendered again. Astro already covers the page's code, its
 * Astro config, the lockfile and the rendered Markdown of the entries it renders; the
 * key adds everything else the page shows: its data, the site-wide settings it reads
 * (the archive config, the build day, drafts shown or not), and what it shows of other
 * postmortems (related incidents). Whatever a key leaves out would go stale, so pass
 * the page's props whole rather than picking fields.
 */
let site: string | undefined;

/** What every page depends on beyond its own data. */
function siteKey(): string {
	site ??= JSON.stringify({ config: getConfig(), day: buildDay(getConfig().timeZone), drafts: showsUnpublished, base: import.meta.env.BASE_URL });
	return site;
}

/** Each archive entry's digest, computed once per build: a page key names up to six entries, a listing page fifty. */
const entryDigests = new WeakMap<object, string>();

/** An archive entry (`{ slug, data }`): built once per build from the collection and never changed after. */
function isArchiveEntry(value: unknown): value is { slug: string; data: object } {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return typeof v.slug === 'string' && typeof v.data === 'object' && v.data !== null && Object.keys(v).length === 2;
}

/** Archive entries stand in a key by the digest of their JSON, written once per entry rather than once per page that shows it. */
function entryDigest(_key: string, value: unknown): unknown {
	if (!isArchiveEntry(value)) return value;
	let digest = entryDigests.get(value);
	if (digest === undefined) {
		digest = `entry:${createHash('sha256').update(JSON.stringify(value)).digest('base64url')}`;
		entryDigests.set(value, digest);
	}
	return digest;
}

/** The cache key of a page showing `data` (anything JSON can hold; Maps and Sets are not). */
export function pageCacheKey(data: unknown): string {
	return createHash('sha256').update(siteKey()).update('\0').update(JSON.stringify(data, entryDigest)).digest('base64url');
}

/** Adds each path's cache key, from its props (a listing page: its heading's data and its page of entries). */
export function withCacheKeys<T extends { props?: unknown }>(paths: T[]): Array<T & { cacheKey: string }> {
	return paths.map((p) => ({ ...p, cacheKey: pageCacheKey(p.props) }));
}
