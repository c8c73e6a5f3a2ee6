import { describe, expect, it } from 'vitest';
import { editActionItem } from '../../../src/lib/frontmatter/action-item-edit.ts';

const file = (items: string, eol = '\n') =>
	[
		'---',
		'title: Queue backlog',
		'severity: SEV2',
		'status: published',
		'startedAt: 2026-06-10T14:00:00Z',
		'resolvedAt: 2026-06-10T18:00:00Z',
		'services: [orders]',
		"authors: ['@platform']",
		'impact: { summary: Late orders. }',
		'actionItems:',
		...items.split('\n'),
		'---',
		'Body text, untouched.',
		'',
	].join(eol);

const ITEMS = [
	'  - id: OPS-1 # the first one',
	'    title: "Autoscale: consumers"',
	"    owner: '@platform'",
	'    priority: P1',
	'    due: 2026-07-10 # agreed in the review',
	'    rationale: |',
	'      Two lines',
	'      of reasons.',
	'  - id: OPS-2',
	'    title: Second',
	"    owner: '@platform'",
	'    priority: P2',
	'    due: 2026-08-01',
	'    status: done',
	'    completedOn: 2026-07-20 # closed early',
].join('\n');

describe('editing one action item in place', () => {
	it('adds a ticket line at the end of the item and changes nothing else, byte for byte', () => {
		const before = file(ITEMS);
		const result = editActionItem(before, 'OPS-1', { set: { ticket: 'https://github.com/acme/rel/issues/7' } });
		if (!result.ok) throw new Error(result.reason);
		expect(result.text).toBe(before.replace('      of reasons.\n', '      of reasons.\n    ticket: https://github.com/acme/rel/issues/7\n'));
	});

	it('replaces a value where it stands, keeping its comment, and removes a field with its line', () => {
		const before = file(ITEMS);
		const result = editActionItem(before, 'OPS-2', { set: { status: 'open' }, remove: ['completedOn'] });
		if (!result.ok) throw new Error(result.reason);
		expect(result.text).toBe(before.replace('    status: done\n    completedOn: 2026-07-20 # closed early\n', '    status: open\n'));
		const back = editActionItem(result.text, 'OPS-2', { set: { status: 'done', completedOn: '2026-07-20' } });
		if (!back.ok) throw new Error(back.reason);
		expect(back.text).toBe(before.replace(' # closed early', ''));
	});

	it('keeps CRLF line ends and a byte-order mark', () => {
		const before = `\ufeff${file(ITEMS, '\r\n')}`;
		const result = editActionItem(before, 'OPS-2', { set: { ticket: 'https://jira.example.com/browse/OPS-9' } });
		if (!result.ok) throw new Error(result.reason);
		expect(result.text).toBe(before.replace('closed early\r\n', 'closed early\r\n    ticket: https://jira.example.com/browse/OPS-9\r\n'));
	});

	it('quotes a value only where YAML needs it', () => {
		const result = editActionItem(file(ITEMS), 'OPS-1', { set: { ticket: 'https://x.example.com/a#b: c' } });
		if (!result.ok) throw new Error(result.reason);
		expect(result.text).toContain('    ticket: "https://x.example.com/a#b: c"\n');
	});

	it('refuses what it cannot edit safely, with a reason', () => {
		expect(editActionItem(file(ITEMS), 'OPS-9', { set: { ticket: 'https://a.example.com/1' } })).toEqual({ ok: false, reason: 'no action item with id OPS-9' });
		const flow = file("  - { id: OPS-1, title: T, owner: '@p', priority: P1, due: 2026-07-10 }");
		expect(editActionItem(flow, 'OPS-1', { set: { ticket: 'https://a.example.com/1' } })).toMatchObject({ ok: false, reason: expect.stringContaining('flow') });
		expect(editActionItem(file(ITEMS), 'OPS-1', { set: { ticket: 'not a url' } })).toMatchObject({ ok: false, reason: expect.stringContaining('would not be valid') });
		expect(editActionItem(file(ITEMS), 'OPS-1', { set: { status: 'done' } })).toMatchObject({ ok: false, reason: expect.stringContaining('completedOn') });
	});
});
