import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/archive/build-archive.ts';
import { CANDIDATES_PER_KEY, RELATED_LIMIT } from '../../../src/lib/archive/related.ts';
import { fixture } from '../../support/build-site.ts';
import { loadArchive, makeEntry } from '../../support/archive-fixtures.ts';

const slugs = (list: ReadonlyArray<{ slug: string }> | undefined) => (list ?? []).map((e) => e.slug);

describe('related incidents', () => {
	it('ranks the fixture incidents by shared services and tags', async () => {
		const archive = await loadArchive(fixture('search'));
		// The quokka deadlock shares ledger-db and #database with the walrus disk incident,
		// and only payments-api with the zamboni retries.
		expect(slugs(archive.related.get('2025-06-02-ledger-quokka-deadlock'))).toEqual(['2025-01-08-ledger-walrus-disk', '2024-02-14-checkout-zamboni-retries']);
		// Nothing shares a service or tag with the kumquat emails.
		expect(archive.related.get('2023-05-17-notifications-kumquat-email')).toEqual([]);
	});

	it('never lists the incident itself or an unpublished one, even in a build that shows drafts', async () => {
		const archive = await loadArchive(fixture('search'), { includeUnpublished: true });
		for (const [slug, related] of archive.related) {
			expect(slugs(related)).not.toContain(slug);
			expect(related.every((e) => e.data.status === 'published')).toBe(true);
		}
		// The draft itself still gets related published incidents.
		expect(slugs(archive.related.get('2025-07-01-draft-xylophone'))).toContain('2025-06-02-ledger-quokka-deadlock');
	});

	it('weighs a shared service above a shared tag', () => {
		const entries = [
			makeEntry('base', { services: ['billing'], tags: ['dns'] }),
			makeEntry('same-tag', { services: ['other'], tags: ['dns'] }),
			makeEntry('same-service', { services: ['billing'], tags: ['x'], startedAt: '2024-01-01T10:00:00Z' }),
		];
		const archive = buildArchive(entries, { includeUnpublished: false });
		expect(slugs(archive.related.get('base'))).toEqual(['same-service', 'same-tag']);
	});

	it('prefers the newer of two equally similar incidents', () => {
		const entries = [
			makeEntry('base', { services: ['billing'], startedAt: '2025-06-01T10:00:00Z' }),
			makeEntry('old', { services: ['billing'], startedAt: '2019-06-01T10:00:00Z' }),
			makeEntry('recent', { services: ['billing'], startedAt: '2025-01-01T10:00:00Z' }),
		];
		expect(slugs(buildArchive(entries, { includeUnpublished: false }).related.get('base'))).toEqual(['recent', 'old']);
	});

	it('lets a much closer match outweigh recency', () => {
		const entries = [
			makeEntry('base', { services: ['billing', 'ledger'], tags: ['dns', 'cache'], startedAt: '2025-06-01T10:00:00Z' }),
			makeEntry('old-close', { services: ['billing', 'ledger'], tags: ['dns', 'cache'], startedAt: '2018-06-01T10:00:00Z' }),
			makeEntry('new-loose', { services: ['billing'], startedAt: '2025-05-01T10:00:00Z' }),
		];
		expect(slugs(buildArchive(entries, { includeUnpublished: false }).related.get('base'))[0]).toBe('old-close');
	});

	it('lists at most five, and reads a capped number of candidates per service (newest first)', () => {
		const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString();
		const entries = Array.from({ length: CANDIDATES_PER_KEY * 3 }, (_, i) => makeEntry(`pm-${String(i).padStart(4, '0')}`, { services: ['shared'], startedAt: day(i) }));
		const archive = buildArchive(entries, { includeUnpublished: false });
		const newestAllowed = new Set(archive.byService.get('shared')!.slice(0, CANDIDATES_PER_KEY).map((e) => e.slug));
		for (const entry of archive.entries) {
			const related = slugs(archive.related.get(entry.slug));
			expect(related).toHaveLength(RELATED_LIMIT);
			for (const slug of related) expect(newestAllowed.has(slug)).toBe(true);
		}
		// The oldest incident is related to the newest ones.
		expect(slugs(archive.related.get('pm-0000'))).toEqual(archive.entries.slice(0, RELATED_LIMIT).map((e) => e.slug));
	});
});
