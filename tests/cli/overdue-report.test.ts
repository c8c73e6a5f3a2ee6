import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/cli/overdue-report.ts';
import { readCommandLine } from '../../src/cli/command-line.ts';
import { normaliseOwner, OVERDUE_ARGS, overdueOptions } from '../../src/cli/overdue-args.ts';

describe('overdue report helpers', () => {
	it('escapes Markdown so a title cannot become a link, emphasis or a table cell', () => {
		expect(escapeMarkdown('Fix *all* [the](x) things | now_ <b>')).toBe('Fix \\*all\\* \\[the\\](x) things \\| now\\_ \\<b\\>');
	});
	it('compares owners without case or a leading @', () => {
		expect(normaliseOwner(' @Platform-Team ')).toBe('platform-team');
	});
	it('parses repeated and comma-separated filters, deduplicated and upper-cased', () => {
		const line = readCommandLine(OVERDUE_ARGS, ['--priority', 'p0,P1', '--priority', 'P0', '--severity', 'sev1', 'content/x']);
		if (line.kind !== 'parsed') throw new Error(`not parsed: ${line.kind}`);
		const r = overdueOptions(line.parsed);
		expect(r).toMatchObject({ ok: true, options: { priorities: ['P0', 'P1'], severities: ['SEV1'], format: 'table', dir: 'content/x' } });
	});
});
