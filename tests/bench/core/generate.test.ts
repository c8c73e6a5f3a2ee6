import { describe, expect, it } from 'vitest';
import { getConfig } from '../../../src/config.ts';
import { BODY_MAX_BYTES, BODY_MIN_BYTES, generatePostmortems } from '../../../bench/core/generate.ts';
import { PEOPLE, SERVICES, TEAMS } from '../../../bench/core/pools.ts';
import { fallbackVocabulary } from '../../../bench/core/vocabulary.ts';
import { validateArchive } from '../../../src/lib/validation/validate-archive.ts';

const policy = getConfig().policy;
const vocabulary = fallbackVocabulary({ blameWords: policy.blameWords, people: [...PEOPLE, ...TEAMS] });
const AS_OF = '2026-01-15';
const generate = (count: number, seed: string | number = 42) => [...generatePostmortems({ count, seed, vocabulary, asOf: AS_OF, dueWindows: policy })];

describe('generatePostmortems', () => {
	it('is deterministic for a seed', () => {
		expect(generate(10, 'a')).toEqual(generate(10, 'a'));
		expect(generate(3, 'a').map((p) => p.text)).not.toEqual(generate(3, 'b').map((p) => p.text));
	});

	const set = generate(50);
	const result = validateArchive(
		set.map((p) => ({ file: p.relativePath, slug: p.slug, text: p.text })),
		policy,
	);

	it('writes files the project validator accepts, without errors or warnings', () => {
		expect(result.findings).toEqual([]);
		expect(result.entries).toHaveLength(50);
	});

	it('gives every file a unique slug and the slug its path', () => {
		expect(new Set(set.map((p) => p.slug)).size).toBe(50);
		for (const p of set) expect([`${p.slug}.md`, `${p.slug}/index.md`]).toContain(p.relativePath);
	});

	it('keeps to the shapes of issue 6', () => {
		for (const entry of result.entries) {
			const pm = entry.data;
			expect(pm.timeline.length).toBeGreaterThanOrEqual(4);
			expect(pm.timeline.length).toBeLessThanOrEqual(12);
			expect(pm.actionItems.length).toBeGreaterThanOrEqual(2);
			expect(pm.actionItems.length).toBeLessThanOrEqual(8);
			expect(pm.services.length).toBeGreaterThanOrEqual(1);
			expect(pm.services.length).toBeLessThanOrEqual(4);
			for (const s of pm.services) expect(SERVICES).toContain(s);
		}
		for (const p of set) {
			expect(p.bodyBytes).toBeGreaterThanOrEqual(BODY_MIN_BYTES);
			expect(p.bodyBytes).toBeLessThanOrEqual(BODY_MAX_BYTES);
		}
	});

	it('gives bodies headings, lists, tables and code blocks', () => {
		for (const entry of result.entries) {
			expect(entry.body).toMatch(/^## /m);
			expect(entry.body).toMatch(/^- /m);
			expect(entry.body).toMatch(/^\|---/m);
			expect(entry.body).toMatch(/^```\w+$/m);
		}
	});

	it('mixes done, open and overdue action items, and leans to SEV3/SEV4', () => {
		const big = generate(400, 7);
		const checked = validateArchive(big.map((p) => ({ file: p.relativePath, slug: p.slug, text: p.text })), policy);
		expect(checked.errorCount).toBe(0);
		const items = checked.entries.flatMap((e) => e.data.actionItems);
		const done = items.filter((i) => i.status === 'done').length;
		const overdue = items.filter((i) => (i.status === 'open' || i.status === 'in-progress') && i.due < AS_OF).length;
		const notDue = items.filter((i) => (i.status === 'open' || i.status === 'in-progress') && i.due >= AS_OF).length;
		expect(done / items.length).toBeGreaterThan(0.4);
		expect(overdue / items.length).toBeGreaterThan(0.05);
		expect(notDue).toBeGreaterThan(0);
		const severities = checked.entries.map((e) => e.data.severity);
		const low = severities.filter((s) => s === 'SEV3' || s === 'SEV4').length;
		expect(low / severities.length).toBeGreaterThan(0.65);
		expect(severities).toContain('SEV1');
		const drafts = big.filter((p) => p.status === 'draft').length;
		expect(drafts).toBeGreaterThan(0);
		expect(drafts / big.length).toBeLessThan(0.12);
	});

	it('refuses an empty vocabulary instead of writing empty files', () => {
		const empty = { sentences: [], keywords: [], tags: [], words: [] };
		expect(() => [...generatePostmortems({ count: 1, seed: 1, asOf: AS_OF, vocabulary: empty })]).toThrow(/vocabulary/);
	});
});
