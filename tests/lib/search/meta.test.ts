import { describe, expect, it } from 'vitest';
import { SUMMARY_META_CHARS, searchMeta, truncateText } from '../../../src/lib/search/meta.ts';
import { makeEntry } from '../../support/archive-fixtures.ts';

describe('search metadata', () => {
	it('holds the facets, the date sort and short card fields', () => {
		const entry = makeEntry('x', {
			severity: 'SEV2',
			startedAt: '2024-12-31T23:30:00Z',
			services: ['api', 'db'],
			tags: ['dns'],
			summary: 'word '.repeat(100),
		});
		const meta = searchMeta(entry, { withStatus: false });
		expect(meta.filters).toEqual({ severity: ['SEV2'], service: ['api', 'db'], tag: ['dns'], year: ['2024'] });
		expect(meta.sort).toEqual({ date: '2024-12-31T23:30:00.000Z' });
		expect(meta.meta.date).toBe('2024-12-31');
		expect(meta.meta.summary.length).toBeLessThanOrEqual(SUMMARY_META_CHARS);
		expect(searchMeta(entry, { withStatus: true }).filters.status).toEqual(['published']);
	});
	it('falls back to the impact summary and cuts at a word', () => {
		expect(searchMeta(makeEntry('y'), { withStatus: false }).meta.summary).toBe('Something broke.');
		expect(truncateText('alpha beta gamma delta', 14)).toBe('alpha beta…');
		expect(truncateText('short', 14)).toBe('short');
	});
});
