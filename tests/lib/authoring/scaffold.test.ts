import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../../src/lib/validation/frontmatter.ts';
import { postmortemSlug, scaffoldPostmortem, titleProblem } from '../../../src/lib/authoring/scaffold.ts';
import { validateFile } from '../../../src/lib/validation/validate-archive.ts';
import { actionItemSchema } from '../../../src/schemas/action-item.ts';
import { draftedSchema } from '../../../src/schemas/drafted.ts';
import { impactSchema } from '../../../src/schemas/impact.ts';
import { postmortemFields } from '../../../src/schemas/postmortem.ts';
import { reviewSchema } from '../../../src/schemas/review.ts';
import { timelineEntrySchema } from '../../../src/schemas/timeline-entry.ts';
import { DEFAULT_POLICY } from '../../support/validation.ts';

const now = new Date('2026-11-21T10:42:37Z');
const scaffold = (title = 'Checkout timeouts during the orders migration', severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4' = 'SEV3') =>
	scaffoldPostmortem({ title, severity, now, timeZone: 'UTC', policy: DEFAULT_POLICY });

describe('postmortemSlug', () => {
	it('is the date and the title as a slug', () => {
		expect(postmortemSlug('Checkout: timeouts (orders DB) #2', '2026-11-21')).toBe('2026-11-21-checkout-timeouts-orders-db-2');
		expect(postmortemSlug('Café outage', '2026-11-21')).toBe('2026-11-21-cafe-outage');
	});

	it('cuts long titles at a word boundary', () => {
		const slug = postmortemSlug('A very long title that keeps going and going well past any sensible URL length for a page', '2026-11-21');
		expect(slug.length).toBeLessThanOrEqual('2026-11-21-'.length + 60);
		expect(slug).not.toMatch(/-$/);
		expect(slug.startsWith('2026-11-21-a-very-long-title')).toBe(true);
	});

	it('falls back to "postmortem" for a title with no Latin letters or digits', () => {
		expect(postmortemSlug('障害報告 💥', '2026-11-21')).toBe('2026-11-21-postmortem');
	});
});

describe('titleProblem', () => {
	it('uses the schema rule', () => {
		expect(titleProblem('ab')).toBe('the title must be at least 3 characters');
		expect(titleProblem('x'.repeat(201))).toBe('the title must be at most 200 characters');
		expect(titleProblem('Fine title')).toBeUndefined();
	});
});

describe('scaffoldPostmortem', () => {
	it('names the file after today and the title', () => {
		expect(scaffold().fileName).toBe('2026-11-21-checkout-timeouts-during-the-orders-migration.md');
	});

	it('takes the date in the configured time zone', () => {
		const late = scaffoldPostmortem({ title: 'Late night', severity: 'SEV4', now: new Date('2026-11-21T23:30:00Z'), timeZone: 'Asia/Tokyo', policy: DEFAULT_POLICY });
		expect(late.fileName).toBe('2026-11-22-late-night.md');
	});

	it('passes validation as a draft, with only the placeholder warnings', () => {
		const { text, slug } = scaffold();
		const result = validateFile({ file: 'new.md', slug, text }, DEFAULT_POLICY);
		expect(result.entry?.data.status).toBe('draft');
		expect(result.findings.map((f) => `${f.level} ${f.path}`)).toEqual(['warning services[0]', 'warning authors[0]', 'warning impact.summary']);
	});

	it('writes the title safely whatever it contains', () => {
		const title = 'Checkout: "orders" #2 — 50% of users\\ saw: errors';
		const { text } = scaffold(title);
		const parsed = parseFrontmatter(text);
		expect(parsed.ok && parsed.data.title).toBe(title);
	});

	it('sets the severity, status draft and startedAt to the minute', () => {
		const parsed = parseFrontmatter(scaffold('Auth outage', 'SEV1').text);
		expect(parsed.ok && parsed.data).toMatchObject({ severity: 'SEV1', status: 'draft', startedAt: '2026-11-21T10:42:00Z' });
	});

	it('mentions every field of the format, set or commented out', () => {
		const { text } = scaffold();
		const fields = [
			...Object.keys(postmortemFields.shape),
			...Object.keys(impactSchema.shape),
			...Object.keys(timelineEntrySchema.shape),
			...Object.keys(actionItemSchema.shape),
			...Object.keys(reviewSchema.shape),
			...Object.keys(draftedSchema.shape),
		];
		for (const field of fields) expect(text, field).toMatch(new RegExp(`(?:^[#\\s-]*|[{,] )${field}:`, 'm'));
	});

	it('has commented examples that are themselves valid once uncommented', () => {
		const { text, slug } = scaffold();
		const uncommented = text
			.replace(/^(timeline|contributingFactors|actionItems|reviews): \[\]\n/gm, '')
			.replace(/^# (incident|detectedAt|mitigatedAt|resolvedAt|summary|lessons|timeline|contributingFactors|actionItems|reviews|drafted|blamelessExceptions):/gm, '$1:')
			.replace(/^#( {2,}.*)$/gm, '$1')
			.replace(/^ {2}# (usersAffected|customerFacing|dataLoss):/gm, '  $1:')
			.replace('model: claude-...', 'model: claude-test');
		const result = validateFile({ file: 'uncommented.md', slug, text: uncommented }, DEFAULT_POLICY);
		expect(result.findings.filter((f) => f.level === 'error')).toEqual([]);
		expect(result.entry?.data.actionItems[0]?.id).toBe('ENG-123');
		expect(result.entry?.data.reviews).toHaveLength(2);
		expect(result.entry?.data.drafted?.fields).toEqual(['summary', 'lessons']);
		expect(result.entry?.data.blamelessExceptions).toHaveLength(1);
	});

	it('states the due-date windows for the severity', () => {
		expect(scaffold('x y z', 'SEV1').text).toContain('P0/P1 items of a SEV1 are due within 15 days (by 2026-12-06)');
		expect(scaffold('x y z', 'SEV3').text).toContain('P2/P3 items within 90 days (by 2027-02-19)');
	});

	it('has the body skeleton, in order', () => {
		const { text } = scaffold();
		const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
		expect(headings).toEqual(['What happened', 'Detection', 'Response', 'Recovery', 'Customer communication', 'What went well', 'What was hard', 'Where we got lucky']);
	});
});
