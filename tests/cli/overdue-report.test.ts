import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/cli/overdue-report.ts';
import { normaliseOwner, parseOverdueArgs } from '../../src/cli/overdue-args.ts';

describe('overdue report helpers', () => {
	it('escapes Markdown so a title cannot become a link, emphasis or a table cell', () => {
		expect(escapeMarkdown('Fix *all* [the](x) things | now_ <b>')).toBe('Fix \\*all\\* \\[the\\](x) things \\| now\\_ \\<b\\>');
	});
	it('compares owners without case or a leading @', () => {
		expect(normaliseOwner(' @Platform-Team ')).toBe('platform-team');
	});
	it('parses repeated and comma-separated filters, deduplicated and upper-cased', () => {
		const r = parseOverdueArgs(['--priority', 'p0,P1', '--priority', 'P0', '--severity', 'sev1', 'content/x']);
		expect(r).toMatchObject({ ok: true, options: { priorities: ['P0', 'P1'], severities: ['SEV1'], format: 'table', dir: 'content/x' } });
	});
});
