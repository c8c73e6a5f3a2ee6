import { readFile } from 'node:fs/promises';
import path from 'node:path';
// Ajv is what yaml-language-server itself validates with (it comes with @astrojs/check's language server).
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { listPostmortemFiles } from '../../../src/cli/content-dir.ts';
import { parseFrontmatter } from '../../../src/lib/validation/frontmatter.ts';
import { FIELD_DESCRIPTIONS, JSON_SCHEMA_PATH, postmortemJsonSchema, postmortemJsonSchemaText } from '../../../src/lib/validation/json-schema.ts';
import { fixture, ROOT } from '../../support/build-site.ts';

type Json = Record<string, any>;

async function frontmatterOf(file: string): Promise<Record<string, unknown>> {
	const parsed = parseFrontmatter(await readFile(file, 'utf8'));
	if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
	return parsed.data;
}

function validator() {
	// Formats are hints for editors; the patterns carry the actual rule.
	const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
	return ajv.compile(postmortemJsonSchema());
}

describe('schema/postmortem.schema.json', () => {
	it('is up to date with the Zod schema (run npm run schema after changing src/schemas)', async () => {
		const committed = await readFile(path.join(ROOT, JSON_SCHEMA_PATH), 'utf8');
		expect(committed).toBe(postmortemJsonSchemaText());
	});

	it('describes the input side: timestamps and dates as patterned strings', () => {
		const schema = postmortemJsonSchema() as Json;
		expect(schema.properties.startedAt).toMatchObject({ type: 'string', pattern: expect.any(String) });
		expect(schema.properties.actionItems.items.properties.due).toMatchObject({ type: 'string', format: 'date' });
		expect(schema.properties.status.default).toBe('draft');
		expect(schema.required).toEqual(['title', 'severity', 'startedAt', 'services', 'authors', 'impact']);
		expect(schema.additionalProperties).toBe(false);
	});

	it('has a description for every field, so editors can show it on hover', () => {
		const missing: string[] = [];
		const walk = (node: Json, at: string) => {
			if (!node.description) missing.push(at || '(root)');
			if (node.properties) for (const [k, v] of Object.entries<Json>(node.properties)) walk(v, at ? `${at}.${k}` : k);
			if (node.items) walk(node.items, `${at}[]`);
		};
		walk(postmortemJsonSchema(), '');
		expect(missing).toEqual([]);
		expect(Object.keys(FIELD_DESCRIPTIONS).length).toBeGreaterThan(40);
	});

	it('accepts every postmortem of the sample archive and the valid fixtures', async () => {
		const validate = validator();
		const files = [
			...(await listPostmortemFiles(path.join(ROOT, 'content', 'postmortems'))).map((f) => f.absolute),
			fixture('valid', '2025-03-14-published.md'),
			fixture('parsers', '2025-03-14-every-kind-of-value.md'),
		];
		for (const file of files) {
			expect(validate(await frontmatterOf(file)), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
		}
	});

	it.each([
		['bad-severity.md', '/severity'],
		['bad-timestamp.md', '/startedAt'],
		['empty-services.md', '/services'],
		['service-not-a-slug.md', '/services/0'],
		['action-item-missing-owner.md', '/actionItems/0'],
		['action-item-empty-owner.md', '/actionItems/0/owner'],
		['bad-ticket-url.md', '/actionItems/0/ticket'],
		['bad-review-role.md', '/reviews/1/role'],
		['missing-title.md', ''],
	])('catches %s while typing (at %s)', async (name, instancePath) => {
		const validate = validator();
		expect(validate(await frontmatterOf(fixture('invalid', name)))).toBe(false);
		expect(validate.errors?.map((e) => e.instancePath)).toContain(instancePath);
	});

	it('marks a misspelt field', async () => {
		const validate = validator();
		expect(validate(await frontmatterOf(fixture('warnings', 'unknown-field.md')))).toBe(false);
		expect(validate.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'summry' } });
	});
});
