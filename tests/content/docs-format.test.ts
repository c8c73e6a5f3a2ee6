import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/lib/validation/validate-archive.ts';
import { ROOT } from '../support/build-site.ts';
import { DEFAULT_POLICY } from '../support/validation.ts';

/** docs/format.md must not drift from what the validator does. */
const docs = () => readFile(path.join(ROOT, 'docs', 'format.md'), 'utf8');

describe('docs/format.md', () => {
	it('has a complete example that validates without findings', async () => {
		const text = await docs();
		const section = text.slice(text.indexOf('## A complete example'));
		const example = /```markdown\n([\s\S]*?)\n```\s*$/.exec(section)?.[1];
		expect(example).toBeDefined();
		const result = validateFile({ file: 'docs/format.md (example)', slug: 'example', text: `${example}\n` }, DEFAULT_POLICY);
		expect(result.findings).toEqual([]);
		expect(result.entry?.data.status).toBe('published');
	});

	it('states the default policy numbers and blame words', async () => {
		const text = await docs();
		const w = DEFAULT_POLICY.urgentDueWindowDays;
		expect(text).toContain(`SEV1: ${w.SEV1}, SEV2: ${w.SEV2}, SEV3: ${w.SEV3}, SEV4: ${w.SEV4}`);
		expect(text).toContain(`| ${DEFAULT_POLICY.otherDueWindowDays} |`);
		for (const word of DEFAULT_POLICY.blameWords) expect(text).toContain(`\`${word}\``);
	});
});
