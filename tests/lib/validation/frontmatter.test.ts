import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFrontmatter as astroParseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { listPostmortemFiles } from '../../../src/cli/content-dir.ts';
import { parseFrontmatter, splitFrontmatter } from '../../../src/lib/validation/frontmatter.ts';
import { validateFile } from '../../../src/lib/validation/validate-archive.ts';
import { postmortemSchema } from '../../../src/schemas/postmortem.ts';
import { DEFAULT_POLICY } from '../../support/validation.ts';
import { fixture, ROOT } from '../../support/build-site.ts';

describe('splitFrontmatter', () => {
	it('splits frontmatter from the body', () => {
		expect(splitFrontmatter('---\ntitle: x\n---\nBody\n')).toEqual({ ok: true, yaml: 'title: x\n', body: 'Body\n', yamlStartLine: 2, yamlStart: 4, yamlEnd: 13 });
	});

	it('handles a BOM, CRLF and a file that ends at the closing line', () => {
		expect(splitFrontmatter('\uFEFF---\r\ntitle: x\r\n---')).toEqual({ ok: true, yaml: 'title: x\r\n', body: '', yamlStartLine: 2, yamlStart: 6, yamlEnd: 16 });
	});

	it('gives the offsets that put the file back together byte for byte', () => {
		for (const text of ['---\ntitle: x\n---\nBody\n', '\uFEFF---\r\ntitle: x\r\n...\r\nBody', '---\n---\n']) {
			const split = splitFrontmatter(text);
			if (!split.ok) throw new Error(split.message);
			expect(text.slice(split.yamlStart, split.yamlEnd)).toBe(split.yaml);
			expect(text.slice(0, split.yamlStart) + split.yaml + text.slice(split.yamlEnd)).toBe(text);
		}
	});

	it('does not mistake a --- inside the body for the frontmatter end', () => {
		const split = splitFrontmatter('---\ntitle: x\n---\nText\n\n---\n\nMore\n');
		expect(split.ok && split.body).toBe('Text\n\n---\n\nMore\n');
	});

	it('explains what is missing', () => {
		expect(splitFrontmatter('')).toMatchObject({ ok: false, message: expect.stringContaining('empty') });
		expect(splitFrontmatter('title: x\n')).toMatchObject({ ok: false, line: 1, message: expect.stringContaining('has no frontmatter') });
		expect(splitFrontmatter('---\ntitle: x\n')).toMatchObject({ ok: false, message: expect.stringContaining('not closed') });
	});
});

describe('parseFrontmatter', () => {
	it('finds the line of a field, or of its parent when the field is missing', () => {
		const parsed = parseFrontmatter('---\ntitle: x\nimpact:\n  summary: y\nactionItems:\n  - id: A\n    owner: z\n---\n');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.lineOf(['title'])).toBe(2);
		expect(parsed.lineOf(['impact', 'summary'])).toBe(4);
		expect(parsed.lineOf(['actionItems', 0, 'owner'])).toBe(7);
		expect(parsed.lineOf(['actionItems', 0, 'priority'])).toBe(6);
	});

	it('reports a YAML error with its line in the file', () => {
		const parsed = parseFrontmatter('---\ntitle: x\nservices: [a\nseverity: SEV1\n---\n');
		expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining('not valid YAML') });
		expect(parsed.ok === false && parsed.line).toBeGreaterThanOrEqual(3);
	});

	it('rejects duplicate keys instead of silently keeping one', () => {
		expect(parseFrontmatter('---\ntitle: a\ntitle: b\n---\n')).toMatchObject({ ok: false, message: expect.stringContaining('unique') });
	});

	it('leaves timestamps as strings (YAML 1.2); the schema coerces them', () => {
		const parsed = parseFrontmatter('---\nstartedAt: 2025-03-14T09:30:00Z\ndue: 2025-04-01\n---\n');
		expect(parsed.ok && parsed.data).toEqual({ startedAt: '2025-03-14T09:30:00Z', due: '2025-04-01' });
	});
});

/**
 * Astro's glob loader parses frontmatter with js-yaml (timestamps become Date);
 * the scripts parse with `yaml` (YAML 1.2, timestamps stay strings). The schema
 * coerces both, so the site and the validator must see exactly the same values.
 */
describe('one file through both parsers', () => {
	async function bothWays(file: string) {
		const text = await readFile(file, 'utf8');
		const astro = astroParseFrontmatter(text).frontmatter as Record<string, unknown>;
		const ours = parseFrontmatter(text);
		if (!ours.ok) throw new Error(`${file}: ${ours.message}`);
		return { astro, ours: ours.data, astroResult: postmortemSchema.safeParse(astro), oursResult: postmortemSchema.safeParse(ours.data) };
	}

	it('the parsers really differ on the raw values', async () => {
		const { astro, ours } = await bothWays(fixture('parsers', '2025-03-14-every-kind-of-value.md'));
		expect(astro.startedAt).toBeInstanceOf(Date);
		expect(ours.startedAt).toBe('2025-03-14T09:30:00Z');
	});

	it('and the schema makes them agree, value for value', async () => {
		const { astroResult, oursResult } = await bothWays(fixture('parsers', '2025-03-14-every-kind-of-value.md'));
		expect(oursResult.success).toBe(true);
		expect(astroResult.success).toBe(true);
		expect(astroResult.data).toEqual(oursResult.data);
		expect(oursResult.data?.mitigatedAt?.toISOString()).toBe('2025-03-14T09:32:02.000Z');
		expect(oursResult.data?.timeline[1]?.at.toISOString()).toBe('2025-03-14T09:31:10.250Z');
		expect(oursResult.data?.actionItems[0]?.due).toBe('2025-04-01');
	});

	it('agree on every postmortem of the sample archive', async () => {
		const files = await listPostmortemFiles(path.join(ROOT, 'content', 'postmortems'));
		expect(files.length).toBeGreaterThanOrEqual(12);
		for (const f of files) {
			const { astroResult, oursResult } = await bothWays(f.absolute);
			expect(oursResult.success, f.slug).toBe(true);
			expect(astroResult.data, f.slug).toEqual(oursResult.data);
		}
	});

	it('agree on every valid fixture', async () => {
		for (const name of ['2025-03-14-published.md', '2025-03-20-draft-without-resolved-at.md', '2025-04-02-system-subjects.md']) {
			const { astroResult, oursResult } = await bothWays(fixture('valid', name));
			expect(astroResult.data, name).toEqual(oursResult.data);
		}
	});
});

describe('where the parsers would disagree, the validator says so', () => {
	const file = (lines: string) =>
		`---\nseverity: SEV4\nstartedAt: 2025-01-01T00:00:00Z\nservices: [a]\nauthors: ['@a']\nimpact: { summary: x }\n${lines}\n---\n`;

	it('an unquoted date in a text field is an error (Astro would read a Date there)', () => {
		const text = file('title: 2025-03-14');
		expect(astroParseFrontmatter(text).frontmatter.title).toBeInstanceOf(Date);
		const { findings } = validateFile({ file: 'd.md', slug: 'd', text }, DEFAULT_POLICY);
		expect(findings).toEqual([
			expect.objectContaining({ file: 'd.md', path: 'title', line: 7, level: 'error', message: expect.stringContaining('put it in quotes: "2025-03-14"') }),
		]);
		// Quoted, both parsers read text.
		const quoted = file('title: "2025-03-14"');
		expect(validateFile({ file: 'q.md', slug: 'q', text: quoted }, DEFAULT_POLICY).findings).toEqual([]);
		expect(astroParseFrontmatter(quoted).frontmatter.title).toBe('2025-03-14');
	});

	it('an impossible date that js-yaml would roll over is rejected, not moved', () => {
		const text = file('title: Leap\ndetectedAt: 2025-02-30T10:00:00Z');
		expect((astroParseFrontmatter(text).frontmatter.detectedAt as Date).toISOString()).toBe('2025-03-02T10:00:00.000Z');
		const { findings } = validateFile({ file: 'l.md', slug: 'l', text }, DEFAULT_POLICY);
		expect(findings).toEqual([expect.objectContaining({ path: 'detectedAt', message: expect.stringContaining('is not a timestamp') })]);
	});

	it('merge keys resolve the same way in both', async () => {
		const text = `---
title: Merge keys
severity: SEV4
startedAt: 2025-01-01T00:00:00Z
services: [a]
authors: ['@a']
impact: { summary: x }
actionItems:
  - &base { id: M-1, title: t, owner: '@a', priority: P3, due: 2025-02-01 }
  - { <<: *base, id: M-2 }
---
`;
		const ours = parseFrontmatter(text);
		expect(ours.ok).toBe(true);
		if (!ours.ok) return;
		expect(postmortemSchema.parse(ours.data)).toEqual(postmortemSchema.parse(astroParseFrontmatter(text).frontmatter));
		expect(validateFile({ file: 'm.md', slug: 'm', text }, DEFAULT_POLICY).findings).toEqual([]);
	});
});
