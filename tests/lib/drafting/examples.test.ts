import { describe, expect, it } from 'vitest';
import { getConfig } from '../../../src/config.ts';
import { pickStyleExamples } from '../../../src/lib/drafting/examples.ts';
import { copyDraftingFixture, loadArchive } from '../../support/drafting-fixtures.ts';

const { entries } = await loadArchive(await copyDraftingFixture('archive'));
const blameWords = getConfig().policy.blameWords;

describe('house-style examples', () => {
	it('takes up to three published postmortems whose summary and lessons people wrote or reviewed, newest first', () => {
		const examples = pickStyleExamples(entries, { blameWords });
		// queue-backlog holds an unreviewed model draft; cert-expiry is a fourth candidate, the oldest.
		expect(examples.map((e) => e.slug)).toEqual(['2025-02-02-dns-expiry', '2025-01-10-cache-stampede', '2024-11-05-old-outage']);
		expect(examples[0]!.facts).toMatchObject({ title: 'Status page unreachable after a DNS record expired', severity: 'SEV3' });
		expect(examples[0]!.facts).not.toHaveProperty('summary');
	});

	it('leaves out examples whose own text blames a person', () => {
		const cache = entries.find((e) => e.slug === '2025-01-10-cache-stampede')!;
		const blaming = { ...cache, slug: 'blaming', data: { ...cache.data, startedAt: new Date('2026-01-01T00:00:00Z'), summary: '@sam forgot to warm the cache.' } };
		const examples = pickStyleExamples([...entries, blaming], { blameWords });
		expect(examples.map((e) => e.slug)).not.toContain('blaming');
	});

	it('respects the limit', () => {
		expect(pickStyleExamples(entries, { blameWords }, 1)).toHaveLength(1);
	});
});
