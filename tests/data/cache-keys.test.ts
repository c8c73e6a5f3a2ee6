import { describe, expect, it, vi } from 'vitest';

// cache-keys reads whether drafts are shown from the archive module, which imports Astro's collections.
vi.mock('astro:content', () => ({ getCollection: () => Promise.resolve([]) }));
const { pageCacheKey, withCacheKeys } = await import('../../src/data/cache-keys.ts');

const entry = (slug: string, title: string, startedAt = '2025-03-01T10:00:00Z') => ({ slug, data: { title, startedAt: new Date(startedAt), services: ['api'] } });

describe('page cache keys', () => {
	it('are the same for the same data, whichever objects hold it', () => {
		expect(pageCacheKey(['d1', entry('a', 'Disk full'), [entry('b', 'Queue stuck')]])).toBe(pageCacheKey(['d1', entry('a', 'Disk full'), [entry('b', 'Queue stuck')]]));
	});

	it('change with anything the page shows: its own entry, a related entry, the digest, the order', () => {
		const key = pageCacheKey(['d1', entry('a', 'Disk full'), [entry('b', 'Queue stuck'), entry('c', 'DNS')]]);
		const variants = [
			['d1', entry('a', 'Disk full!'), [entry('b', 'Queue stuck'), entry('c', 'DNS')]],
			['d1', entry('a', 'Disk full', '2025-03-01T10:00:01Z'), [entry('b', 'Queue stuck'), entry('c', 'DNS')]],
			['d1', entry('a', 'Disk full'), [entry('b', 'Queue stuck.'), entry('c', 'DNS')]],
			['d1', entry('a', 'Disk full'), [entry('c', 'DNS'), entry('b', 'Queue stuck')]],
			['d1', entry('a', 'Disk full'), [entry('b', 'Queue stuck')]],
			['d2', entry('a', 'Disk full'), [entry('b', 'Queue stuck'), entry('c', 'DNS')]],
		];
		const keys = variants.map((v) => pageCacheKey(v));
		expect(new Set([key, ...keys]).size).toBe(variants.length + 1);
	});

	it('tell an entry apart from other objects of the same shape and from plain text', () => {
		const a = entry('a', 'Disk full');
		expect(pageCacheKey({ page: [a] })).not.toBe(pageCacheKey({ page: [{ ...a, extra: 1 }] }));
		expect(pageCacheKey({ page: [a] })).not.toBe(pageCacheKey({ page: ['Disk full'] }));
	});

	it('are added to listing paths from their props', () => {
		const paths = withCacheKeys([{ params: { tag: 'db' }, props: { tag: 'db', page: { data: [entry('a', 'Disk full')] } } }, { params: { tag: 'dns' }, props: { tag: 'dns', page: { data: [entry('a', 'Disk full')] } } }]);
		expect(paths[0]!.cacheKey).not.toBe(paths[1]!.cacheKey);
		expect(paths[0]!.params).toEqual({ tag: 'db' });
	});
});
