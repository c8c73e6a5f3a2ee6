import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/validation/frontmatter.ts';
import { applyDraft } from '../../../src/lib/drafting/write-back.ts';
import { postmortemSchema } from '../../../src/schemas/postmortem.ts';
import { addedLines, fixtureText } from '../../support/drafting-fixtures.ts';

const stamp = { model: 'claude-sonnet-5-5', at: new Date('2025-06-01T12:00:00.000Z') };
const draft = {
	summary: 'Migration 0042 took an ACCESS EXCLUSIVE lock on orders: checkout requests timed out for 92 seconds until the migration was cancelled.',
	lessons: ['Lock levels of migrations on large tables need a check before they run.', 'yes', '2025-01-01', '# not a comment'],
};

describe('writing a draft back', () => {
	it('adds only the missing fields and the stamp; every other byte stays as it was', async () => {
		const before = await fixtureText('archive', '2025-03-14-checkout-lock.md');
		const result = applyDraft(before, draft, stamp);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(addedLines(before, result.text)).toEqual([
			'summary: >-',
			'  Migration 0042 took an ACCESS EXCLUSIVE lock on orders: checkout requests',
			'  timed out for 92 seconds until the migration was cancelled.',
			'lessons:',
			'  - Lock levels of migrations on large tables need a check before they run.',
			'  - "yes"',
			'  - "2025-01-01"',
			'  - "# not a comment"',
			'drafted:',
			'  model: claude-sonnet-5-5',
			'  at: 2025-06-01T12:00:00Z',
			'  fields: [summary, lessons]',
			'  reviewed: false # set to true once a person has read and edited the drafted fields',
		]);
		// The body, including its --- rule and a last line without a newline, is untouched.
		expect(result.text.endsWith(before.slice(before.indexOf('## What happened')))).toBe(true);
	});

	it('reads back the same through both YAML parsers (the scripts and Astro)', async () => {
		const result = applyDraft(await fixtureText('archive', '2025-03-14-checkout-lock.md'), draft, stamp);
		if (!result.ok) throw new Error(result.reason);
		const split = splitFrontmatter(result.text);
		if (!split.ok) throw new Error(split.message);
		const viaAstro = postmortemSchema.parse(jsyaml.load(split.yaml));
		expect(viaAstro.summary).toBe(draft.summary);
		expect(viaAstro.lessons).toEqual(draft.lessons);
		expect(viaAstro.drafted).toEqual({ model: 'claude-sonnet-5-5', at: stamp.at, fields: ['summary', 'lessons'], reviewed: false });
	});

	it('keeps CRLF line endings in a CRLF file', async () => {
		const before = await fixtureText('archive', '2025-04-20-crlf-webhooks.md');
		const result = applyDraft(before, { summary: draft.summary }, stamp);
		if (!result.ok) throw new Error(result.reason);
		expect(result.text.replace(/\r\n/g, '')).not.toContain('\n');
		expect(result.text.startsWith(before.slice(0, before.indexOf('---\r\nThe delivery')))).toBe(true);
		expect(result.text.endsWith('---\r\nThe delivery log filled the disk.\r\n')).toBe(true);
	});

	it('keeps a byte-order mark and the indentation of an indented frontmatter', () => {
		const head = '\ufeff---\n  title: Indented keys\n  severity: SEV4 # odd but valid\n  startedAt: 2025-01-01T00:00:00Z\n  services: [a]\n  authors: [b]\n  impact: {summary: s}\n';
		const result = applyDraft(`${head}---\nbody\n`, { lessons: ['One.'] }, stamp);
		if (!result.ok) throw new Error(result.reason);
		expect(result.text.startsWith(`${head}  lessons:\n    - One.\n  drafted:\n    model: claude-sonnet-5-5\n`)).toBe(true);
		expect(result.text.endsWith('---\nbody\n')).toBe(true);
	});

	it('refuses to overwrite a field people wrote', async () => {
		const before = await fixtureText('archive', '2025-04-01-login-errors', 'index.md');
		const result = applyDraft(before, { summary: 'x', lessons: ['y'] }, stamp);
		expect(result).toEqual({ ok: false, reason: 'summary was written or reviewed by people; it is never redrafted' });
		const reviewed = applyDraft(await fixtureText('archive', '2025-02-02-dns-expiry.md'), { summary: 'x' }, stamp);
		expect(reviewed.ok).toBe(false);
	});

	it('replaces an unreviewed draft where it stands (for --force), touching nothing else', async () => {
		const before = await fixtureText('archive', '2025-02-20-queue-backlog.md');
		const result = applyDraft(before, draft, stamp);
		if (!result.ok) throw new Error(result.reason);
		// Everything before the old draft and everything from reviews: on is byte for byte the same.
		const head = before.slice(0, before.indexOf('summary: An earlier'));
		const tail = before.slice(before.indexOf('reviews:'));
		expect(result.text.startsWith(head)).toBe(true);
		expect(result.text.endsWith(tail)).toBe(true);
		const middle = result.text.slice(head.length, result.text.length - tail.length);
		expect(middle).toMatch(/^summary: >-\n(  .+\n)+lessons:\n(  - .+\n)+drafted:\n  model: claude-sonnet-5-5\n  at: 2025-06-01T12:00:00Z\n  fields: \[summary, lessons\]\n  reviewed: false # .+\n$/);
	});

	it('starts a new stamp for new fields once an earlier draft was reviewed', () => {
		const before = '---\ntitle: T e s t\nseverity: SEV4\nstartedAt: 2025-01-01T00:00:00Z\nservices: [a]\nauthors: [b]\nimpact: {summary: s}\nsummary: Reviewed text.\ndrafted: {model: m, at: 2025-01-02T00:00:00Z, fields: [summary], reviewed: true}\n---\n';
		const result = applyDraft(before, { lessons: ['New.'] }, stamp);
		if (!result.ok) throw new Error(result.reason);
		expect(result.text).toContain('summary: Reviewed text.\n');
		expect(result.text).toContain('  fields: [lessons]\n');
		expect(result.text).not.toContain('reviewed: true');
	});

	it('fills an empty lessons list where it stands', () => {
		const before = '---\ntitle: T e s t\nseverity: SEV4\nstartedAt: 2025-01-01T00:00:00Z\nservices: [a]\nauthors: [b]\nimpact: {summary: s}\nlessons: [] # to do\ntags: [x]\n---\n';
		const result = applyDraft(before, { lessons: ['New.'] }, stamp);
		if (!result.ok) throw new Error(result.reason);
		expect(result.text.startsWith('---\ntitle: T e s t\nseverity: SEV4\nstartedAt: 2025-01-01T00:00:00Z\nservices: [a]\nauthors: [b]\nimpact: {summary: s}\nlessons:\n  - New.\ntags: [x]\ndrafted:\n')).toBe(true);
	});

	it('writes nothing it cannot verify', () => {
		expect(applyDraft('no frontmatter', draft, stamp).ok).toBe(false);
		expect(applyDraft('---\n[a, b]\n---\n', draft, stamp).ok).toBe(false);
		expect(applyDraft('---\ntitle: x\n---\n', draft, stamp)).toMatchObject({ ok: false, reason: expect.stringMatching(/would not be valid/) });
	});
});

describe('redrafting a first draft from artefacts', () => {
	const firstDraft = [
		'---',
		'title: Orders table locked by an index build',
		'severity: SEV2',
		'startedAt: 2026-07-22T02:05:00Z',
		'services: [orders-db]',
		"authors: ['@your-handle']",
		'impact:',
		'  summary: Checkout hung for about 20 minutes.',
		'summary: An index build locked the orders table.',
		'timeline:',
		'  - at: 2026-07-22T02:05:00Z',
		'    event: The migration started.',
		'    refs: [deploys.csv#3]',
		'drafted:',
		'  model: claude-sonnet-5-5',
		'  at: 2026-07-23T08:00:00Z',
		'  fields: [title, summary, timeline, startedAt]',
		'  reviewed: false',
		'  sources: [deploys.csv, slack/incident/2026-07-22.json]',
		'---',
		'',
	].join('\n');

	it('keeps every field the model owns and the artefact sources in the stamp', () => {
		const result = applyDraft(firstDraft, { summary: 'The index build on orders ran without CONCURRENTLY and held a write lock.' }, stamp);
		expect(result.ok, result.ok ? '' : result.reason).toBe(true);
		if (!result.ok) return;
		const fm = jsyaml.load(result.text.split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, any>;
		expect(fm.drafted.fields).toEqual(['title', 'summary', 'timeline', 'startedAt']);
		expect(fm.drafted.sources).toEqual(['deploys.csv', 'slack/incident/2026-07-22.json']);
		expect(fm.timeline[0].refs).toEqual(['deploys.csv#3']);
	});
});
