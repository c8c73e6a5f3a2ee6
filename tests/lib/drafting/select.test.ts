import { describe, expect, it } from 'vitest';
import { fieldsToDraft, isMissing, selectDraftTargets, unknownSlugs } from '../../../src/lib/drafting/select.ts';
import { copyDraftingFixture, loadArchive } from '../../support/drafting-fixtures.ts';

const { entries } = await loadArchive(await copyDraftingFixture('archive'));
const bySlug = (slug: string) => entries.find((e) => e.slug === slug)!;

describe('selecting what to draft', () => {
	it('finds every postmortem not yet published that lacks a summary or lessons, and only those fields', () => {
		const targets = selectDraftTargets(entries);
		expect(targets.map((t) => [t.entry.slug, t.fields])).toEqual([
			['2025-03-14-checkout-lock', ['summary', 'lessons']],
			['2025-04-01-login-errors', ['lessons']],
			['2025-04-20-crlf-webhooks', ['summary']],
		]);
	});

	it('never redrafts human-written or reviewed fields, even with --force', () => {
		expect(fieldsToDraft(bySlug('2025-01-10-cache-stampede'), true).fields).toEqual([]);
		// drafted.reviewed: true makes the drafted fields human-owned for good.
		expect(fieldsToDraft(bySlug('2025-02-02-dns-expiry'), true).fields).toEqual([]);
		// A person wrote the summary here; only the missing lessons are drafted.
		expect(fieldsToDraft(bySlug('2025-04-01-login-errors'), true)).toEqual({ fields: ['lessons'], redraft: [] });
	});

	it('redrafts unreviewed model drafts only with --force', () => {
		const queue = bySlug('2025-02-20-queue-backlog');
		expect(fieldsToDraft(queue, false).fields).toEqual([]);
		expect(fieldsToDraft(queue, true)).toEqual({ fields: ['summary', 'lessons'], redraft: ['summary', 'lessons'] });
	});

	it('leaves published postmortems alone: an unreviewed draft may not be published', () => {
		const published = { ...bySlug('2025-03-14-checkout-lock'), data: { ...bySlug('2025-03-14-checkout-lock').data, status: 'published' as const } };
		expect(fieldsToDraft(published).fields).toEqual(['summary', 'lessons']);
		expect(selectDraftTargets([published])).toEqual([]);
	});

	it('limits the selection with --only and reports slugs that do not exist', () => {
		expect(selectDraftTargets(entries, { only: ['2025-04-20-crlf-webhooks'] }).map((t) => t.entry.slug)).toEqual(['2025-04-20-crlf-webhooks']);
		expect(unknownSlugs(entries, ['2025-04-20-crlf-webhooks', 'no-such-thing'])).toEqual(['no-such-thing']);
	});

	it('counts an empty lessons list as missing', () => {
		expect(isMissing({ lessons: [] }, 'lessons')).toBe(true);
		expect(isMissing({ lessons: ['x'] }, 'lessons')).toBe(false);
		expect(isMissing({}, 'summary')).toBe(true);
	});
});
