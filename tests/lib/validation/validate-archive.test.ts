import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../../src/lib/validation/findings.ts';
import { validateArchive, validateFile } from '../../../src/lib/validation/validate-archive.ts';
import { fixture } from '../../support/build-site.ts';
import { DEFAULT_POLICY, validateFixture, validateFixtureDir } from '../../support/validation.ts';

/**
 * Every kind of bad input, one fixture each: the finding must name the file,
 * the field path and what is wrong.
 */
const INVALID: Array<[file: string, path: string, message: RegExp]> = [
	['missing-title.md', 'title', /is required/],
	['bad-severity.md', 'severity', /must be one of SEV1, SEV2, SEV3, SEV4, not "critical"/],
	['bad-timestamp.md', 'startedAt', /"14\/03\/2025 09:30" is not a timestamp; write it like 2025-03-14T09:30:00Z/],
	['timestamps-out-of-order.md', 'detectedAt', /must not be before startedAt/],
	['published-without-resolved-at.md', 'resolvedAt', /is required when status is published/],
	['empty-services.md', 'services', /must list at least one service/],
	['service-not-a-slug.md', 'services[0]', /"Checkout API" must be a lower-case slug .* e\.g\. checkout-api/],
	['action-item-missing-owner.md', 'actionItems[0].owner', /is required: every action item needs an owner/],
	['action-item-empty-owner.md', 'actionItems[0].owner', /must not be empty/],
	['done-without-completed-on.md', 'actionItems[0].completedOn', /is required when status is done/],
	['completed-before-start.md', 'actionItems[0].completedOn', /\(2025-03-01\) must not be before the incident started \(2025-03-14\)/],
	['bad-ticket-url.md', 'actionItems[0].ticket', /"javascript:alert\(1\)" must be an http or https URL/],
	['bad-review-role.md', 'reviews[1].role', /must be one of responder, lead, manager, director, not "approver"/],
	['timeline-out-of-order.md', 'timeline[1].at', /is earlier than the entry before it/],
	['published-missing-reviews.md', 'reviews', /needs reviews by responder, lead, manager; missing: lead, manager/],
	['sev1-missing-director.md', 'reviews', /SEV1 postmortem needs reviews by responder, lead, manager, director; missing: director/],
	['published-blame-language.md', '(body)', /blame language: .*ties "forgot to set" to @dana.*blamelessExceptions/],
];

const WARNINGS: Array<[file: string, path: string, message: RegExp]> = [
	['due-beyond-window.md', 'actionItems[0].due', /\(2025-06-30\) is more than 56 days after a SEV3 incident for a P1 item; due by 2025-05-09/],
	['customer-facing-without-urgent-item.md', 'actionItems', /customer-facing incident should have at least one P0 or P1 action item/],
	['blame-language.md', '(body)', /blame language: .*ties "forgot to set" to @dana/],
	['unknown-field.md', 'summry', /is not a field of the format and is ignored; did you mean "summary"\?/],
];

describe('validateFile on the invalid fixtures', () => {
	it.each(INVALID)('%s → %s', async (name, fieldPath, message) => {
		const result = await validateFixture('invalid', name);
		const errors = result.findings.filter((f) => f.level === 'error');
		expect(errors).toHaveLength(1);
		const [finding] = errors;
		expect(finding!.file).toBe(path.join('tests', 'fixtures', 'invalid', name));
		expect(finding!.path).toBe(fieldPath);
		expect(finding!.message).toMatch(message);
		// The printed line names all three.
		const line = formatFinding(finding!);
		expect(line).toContain(name);
		expect(line).toContain(`${fieldPath}: `);
	});

	it('points at the line of a blamed sentence in the body', async () => {
		const { findings } = await validateFixture('warnings', 'blame-language.md');
		expect(findings[0]!.line).toBe(30);
	});

	it('points at the line of the field when it exists', async () => {
		const { findings } = await validateFixture('invalid', 'bad-severity.md');
		expect(findings[0]!.line).toBe(4);
	});

	it('covers every file in the folder', async () => {
		const files = (await readdir(fixture('invalid'))).filter((f) => !f.startsWith('duplicate-id'));
		expect(files.sort()).toEqual(INVALID.map(([f]) => f).sort());
	});
});

describe('validateFile on the warning fixtures', () => {
	it.each(WARNINGS)('%s → %s (warning)', async (name, fieldPath, message) => {
		const result = await validateFixture('warnings', name);
		expect(result.entry).toBeDefined();
		expect(result.findings).toHaveLength(1);
		const [finding] = result.findings;
		expect(finding).toMatchObject({ level: 'warning', path: fieldPath, file: path.join('tests', 'fixtures', 'warnings', name) });
		expect(finding!.message).toMatch(message);
	});
});

describe('validateFile on valid input', () => {
	it('accepts the valid fixtures without findings', async () => {
		const result = await validateFixtureDir('valid');
		expect(result.findings).toEqual([]);
		expect(result.entries).toHaveLength(3);
	});

	it('lets a draft leave out resolvedAt and reviews', async () => {
		const result = await validateFixture('valid', '2025-03-20-draft-without-resolved-at.md');
		expect(result.findings).toEqual([]);
		expect(result.entry?.data.status).toBe('draft');
	});

	it('does not flag sentences whose subject is a system', async () => {
		const result = await validateFixture('valid', '2025-04-02-system-subjects.md');
		expect(result.findings).toEqual([]);
	});
});

describe('validateArchive across files', () => {
	it('reports every problem of the folder in one run', async () => {
		const result = await validateFixtureDir('invalid');
		expect(result.fileCount).toBe(INVALID.length + 2);
		expect(result.errorCount).toBe(INVALID.length + 1);
		const files = new Set(result.findings.map((f) => path.basename(f.file)));
		for (const [name] of INVALID) expect(files).toContain(name);
	});

	it('names both files when an action item id is used twice', async () => {
		const result = await validateFixtureDir('invalid');
		const dup = result.findings.filter((f) => f.message.includes('DUP-1'));
		expect(dup).toHaveLength(1);
		expect(dup[0]).toMatchObject({ level: 'error', path: 'actionItems[0].id', file: path.join('tests', 'fixtures', 'invalid', 'duplicate-id-b.md') });
		expect(dup[0]!.message).toContain(path.join('tests', 'fixtures', 'invalid', 'duplicate-id-a.md'));
		expect(dup[0]!.message).toContain('must be unique across the archive');
	});

	it('names the entry when an id repeats inside one file', () => {
		const text = `---
title: Two items, one id
severity: SEV4
startedAt: 2025-01-01T00:00:00Z
services: [a]
authors: ['@a']
impact: { summary: x }
actionItems:
  - { id: X-1, title: t, owner: '@a', priority: P3, due: 2025-02-01 }
  - { id: X-1, title: u, owner: '@a', priority: P3, due: 2025-02-01 }
---
`;
		const result = validateArchive([{ file: 'one.md', slug: 'one', text }], DEFAULT_POLICY);
		expect(result.findings).toEqual([expect.objectContaining({ file: 'one.md', path: 'actionItems[1].id', message: expect.stringContaining('actionItems[0] of this file') })]);
	});

	it('reports two files with the same slug', () => {
		const text = '---\ntitle: Same\nseverity: SEV4\nstartedAt: 2025-01-01T00:00:00Z\nservices: [a]\nauthors: [b]\nimpact: { summary: x }\n---\n';
		const result = validateArchive(
			[
				{ file: 'x.md', slug: 'x', text },
				{ file: 'x/index.md', slug: 'x', text },
			],
			DEFAULT_POLICY,
		);
		expect(result.findings).toEqual([expect.objectContaining({ file: 'x/index.md', level: 'error', message: expect.stringContaining('same slug "x" as x.md') })]);
	});

	it('suggests the field meant even when the misspelling makes the file invalid', () => {
		const text = '---\ntitle: Typo\nsevrity: SEV2\nstartedAt: 2025-01-01T00:00:00Z\nservices: [a]\nauthors: [b]\nimpact: { summary: x, customerFacng: true }\n---\n';
		const { findings } = validateFile({ file: 'typo.md', slug: 'typo', text }, DEFAULT_POLICY);
		expect(findings.map((f) => `${f.level} ${f.path}: ${f.message}`)).toEqual([
			'error severity: is required: one of SEV1, SEV2, SEV3, SEV4',
			'warning sevrity: is not a field of the format and is ignored; did you mean "severity"?',
			'warning impact.customerFacng: is not a field of the format and is ignored; did you mean "customerFacing"?',
		]);
	});

	it('checks unknown fields inside list entries too', () => {
		const text = `---
title: Nested typo
severity: SEV4
startedAt: 2025-01-01T00:00:00Z
services: [a]
authors: ['@a']
impact: { summary: x }
actionItems:
  - { id: N-1, title: t, owner: '@a', priority: P3, due: 2025-02-01, rationle: why }
---
`;
		const { findings } = validateFile({ file: 'n.md', slug: 'n', text }, DEFAULT_POLICY);
		expect(findings).toEqual([expect.objectContaining({ path: 'actionItems[0].rationle', level: 'warning', message: expect.stringContaining('did you mean "rationale"?') })]);
	});
});

describe('malformed input never crashes or hangs', () => {
	const MALFORMED: Array<[file: string, message: RegExp]> = [
		['empty.md', /the file is empty/],
		['no-frontmatter.md', /has no frontmatter; the file must start with a --- line/],
		['unclosed-frontmatter.md', /the frontmatter is not closed/],
		['yaml-syntax-error.md', /the frontmatter is not valid YAML/],
		['frontmatter-list.md', /must be a mapping of fields .* not a list or a single value/],
		['frontmatter-scalar.md', /must be a mapping of fields .* not a list or a single value/],
	];
	it.each(MALFORMED)('%s', async (name, message) => {
		const result = await validateFixture('malformed', name);
		expect(result.entry).toBeUndefined();
		expect(result.findings).toHaveLength(1);
		expect(result.findings[0]).toMatchObject({ level: 'error', path: '', file: path.join('tests', 'fixtures', 'malformed', name) });
		expect(result.findings[0]!.message).toMatch(message);
	});

	it.each([
		['only whitespace', '  \n\t\n'],
		['an empty frontmatter', '---\n---\nbody\n'],
		['a document end marker', '---\ntitle: x\n...\n'],
		['a null value for a list', '---\ntitle: Nulls\nseverity: SEV4\nstartedAt: 2025-01-01T00:00:00Z\nservices:\nauthors: ~\nimpact:\n---\n'],
		['a self-referencing alias', '---\na: &a [*a]\n---\n'],
		['an alias bomb', `---\na: &a [x,x,x,x,x,x,x,x,x]\n${'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`).join('\n')}\n---\n`],
		['duplicate keys', '---\ntitle: One\ntitle: Two\n---\n'],
		['tabs for indentation', '---\nimpact:\n\tsummary: x\n---\n'],
		['binary noise', `---\n${String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i))}\n---\n`],
		['numbers where text is expected', '---\ntitle: 12345\nseverity: 1\nstartedAt: 5\nservices: 7\nauthors: 8\nimpact: 9\n---\n'],
	])('%s gives findings, not an exception', (_name, text) => {
		const run = () => validateArchive([{ file: 'odd.md', slug: 'odd', text }], DEFAULT_POLICY);
		expect(run).not.toThrow();
		const result = run();
		expect(result.errorCount).toBeGreaterThan(0);
		for (const f of result.findings) expect(f.file).toBe('odd.md');
	});

	it('validates a 5 MB body quickly enough to finish and keeps the frontmatter checks', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-big-'));
		const paragraph = 'The queue grew while consumers waited on the fraud service; every retry added load. '.repeat(12);
		const body = `## What happened\n\n${`${paragraph}\n\n`.repeat(Math.ceil((5 * 1024 * 1024) / (paragraph.length + 2)))}`;
		const text = `---\ntitle: A very long postmortem\nseverity: SEV4\nstartedAt: 2025-01-01T00:00:00Z\nservices: [a]\nauthors: ['@a']\nimpact: { summary: x }\n---\n${body}`;
		expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
		await writeFile(path.join(dir, 'big.md'), text);
		const result = await validateFixtureDir(path.relative(fixture(), dir));
		expect(result.findings).toEqual([]);
		expect(result.entries[0]!.body.length).toBe(body.length);
	});
});

describe('odd Unicode', () => {
	const frontmatter = (title: string, eol = '\n') =>
		['---', `title: ${title}`, 'severity: SEV4', 'startedAt: 2025-01-01T00:00:00Z', 'services: [a]', "authors: ['@a']", 'impact: { summary: x }', '---', 'Body.', ''].join(eol);

	it('accepts a byte-order mark', () => {
		const result = validateFile({ file: 'bom.md', slug: 'bom', text: `\uFEFF${frontmatter('With a BOM')}` }, DEFAULT_POLICY);
		expect(result.findings).toEqual([]);
		expect(result.entry?.data.title).toBe('With a BOM');
	});

	it('accepts CRLF line endings', () => {
		const result = validateFile({ file: 'crlf.md', slug: 'crlf', text: frontmatter('Windows line endings', '\r\n') }, DEFAULT_POLICY);
		expect(result.findings).toEqual([]);
		expect(result.entry?.data.title).toBe('Windows line endings');
	});

	it('keeps emoji, right-to-left text and zero-width characters as written', () => {
		for (const title of ['🔥 Checkout on fire 🔥', 'انقطاع خدمة الدفع', 'Zero\u200Bwidth\u200Dtitle', 'Ünïcödé — “quotes”']) {
			const result = validateFile({ file: 'u.md', slug: 'u', text: frontmatter(JSON.stringify(title)) }, DEFAULT_POLICY);
			expect(result.findings).toEqual([]);
			expect(result.entry?.data.title).toBe(title);
		}
	});

	it('reports a zero-width character that breaks a slug, with the file and field', () => {
		const text = frontmatter('Slug with a hidden character').replace('services: [a]', 'services: ["check\u200Bout"]');
		const { findings } = validateFile({ file: 'zw.md', slug: 'zw', text }, DEFAULT_POLICY);
		expect(findings).toEqual([expect.objectContaining({ file: 'zw.md', path: 'services[0]', level: 'error' })]);
	});

	it('reports a title made only of whitespace-like characters', () => {
		const { findings } = validateFile({ file: 'ws.md', slug: 'ws', text: frontmatter('"\u3000\u3000 "') }, DEFAULT_POLICY);
		expect(findings).toEqual([expect.objectContaining({ path: 'title', message: 'must be at least 3 characters' })]);
	});
});
