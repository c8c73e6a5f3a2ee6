import { describe, expect, it } from 'vitest';
import { decodeUnlistedOpen, encodeUnlistedOpen, scriptJson } from '../../../src/lib/aging/unlisted-open.ts';

const items = [
	{ id: 'A-1', owner: '@ops', priority: 'P1', due: '2026-01-10' },
	{ id: 'A-2', owner: '@web', priority: 'P1', due: '2026-01-10' },
	{ id: 'A-3', owner: '@ops', priority: 'P2', due: '2026-01-12' },
	{ id: 'A-4', owner: '@ops', priority: 'P1', due: '2026-02-01' },
	{ id: 'A-5', owner: '</script><b>', priority: 'P1', due: '2026-02-01' },
];

describe('open items a view counts but does not list', () => {
	it('round-trips due days, owners and priorities in order, relative to the build day', () => {
		const record = encodeUnlistedOpen(items, '2026-01-15');
		expect(record.days).toEqual([
			[-5, 0, 1],
			[-3, 2],
			[17, 0, 3],
		]);
		const back = decodeUnlistedOpen(JSON.parse(JSON.stringify(record)));
		expect(back.map((i) => [i.owner, i.priority, i.dueOffset])).toEqual([
			['@ops', 'P1', -5],
			['@web', 'P1', -5],
			['@ops', 'P2', -3],
			['@ops', 'P1', 17],
			['</script><b>', 'P1', 17],
		]);
	});

	it('keeps the id of the first item of each owner and each priority only (the "oldest" figure names it)', () => {
		const back = decodeUnlistedOpen(encodeUnlistedOpen(items, '2026-01-15'));
		expect(back.map((i) => i.id)).toEqual(['A-1', 'A-2', 'A-3', '', 'A-5']);
	});

	it('embeds as JSON that cannot close its script element', () => {
		const json = scriptJson(encodeUnlistedOpen(items, '2026-01-15'));
		expect(json).not.toContain('</script>');
		expect(decodeUnlistedOpen(JSON.parse(json)).at(-1)!.owner).toBe('</script><b>');
	});
});
