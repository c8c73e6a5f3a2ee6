import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ageActionItems } from '../../../src/lib/aging/aged-items.ts';
import { actionItemUid, buildActionsIcs } from '../../../src/lib/exports/actions-ics.ts';
import { policy } from '../../support/archive-entries.ts';
import { ACTIONS_AS_OF, loadFixtureArchive } from '../../support/fixture-archive.ts';

const site = { url: 'https://pm.example.com', base: '/' };

/** Structural checks of RFC 5545 that a lenient parser would let through. */
function checkStructure(text: string): string[] {
	const problems: string[] = [];
	if (!text.endsWith('\r\n')) problems.push('does not end with CRLF');
	if (/[^\r]\n/.test(text) || /\r(?!\n)/.test(text)) problems.push('has a line break that is not CRLF');
	const physical = text.slice(0, -2).split('\r\n');
	physical.forEach((l, i) => {
		if (new TextEncoder().encode(l).length > 75) problems.push(`line ${i + 1} is longer than 75 octets`);
	});
	const logical = text.replace(/\r\n[ \t]/g, '').slice(0, -2).split('\r\n');
	const stack: string[] = [];
	for (const l of logical) {
		if (!/^[A-Z0-9-]+(;[^:]*)?:/.test(l)) problems.push(`not a content line: ${l}`);
		if (l.startsWith('BEGIN:')) stack.push(l.slice(6));
		if (l.startsWith('END:') && stack.pop() !== l.slice(4)) problems.push(`unbalanced ${l}`);
	}
	if (stack.length) problems.push(`unclosed ${stack.join(', ')}`);
	return problems;
}

describe('actions.ics', async () => {
	const archive = await loadFixtureArchive();
	const aged = ageActionItems(archive.actionItems, ACTIONS_AS_OF, policy);
	const text = buildActionsIcs(aged, { site, calendarName: 'Postmortem action items', stamp: new Date('2026-11-21T06:00:00Z') });
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events = calendar.getAllSubcomponents('vevent');

	it('is structurally valid RFC 5545: CRLF, folded lines, balanced components', () => {
		expect(checkStructure(text)).toEqual([]);
		expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
		expect(text.split('\r\n').some((l) => l.startsWith(' '))).toBe(true); // the long title was folded
	});
	it('has one all-day event per open item, on its due date', () => {
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
		expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(
			['OPS-201', 'PAY-301', 'OPS-202', 'SEC-101', 'SEC-102', 'PAY-302', 'OPS-203'].map((id) => `action-item-${id}@pm.example.com`),
		);
		const first = new ICAL.Event(events[0]!);
		expect(first.startDate.isDate).toBe(true);
		expect(first.startDate.toString()).toBe('2026-07-10');
		expect(first.endDate.toString()).toBe('2026-07-11');
		expect(events[0]!.getFirstProperty('dtstamp')!.getFirstValue()!.toString()).toBe('2026-11-21T06:00:00Z');
	});
	it('escapes and unescapes text exactly', () => {
		const ops202 = new ICAL.Event(events.find((e) => e.getFirstPropertyValue('uid') === 'action-item-OPS-202@pm.example.com')!);
		expect(ops202.summary).toBe('P2 OPS-202: Add "circuit breaker", retries; and backoff, to the order writer (@platform-team)');
		expect(ops202.description).toContain('Owner: @platform-team\nPriority: P2\nStatus: in-progress\nIncident: Order queue backlog during the summer sale (SEV2, INC-2810)');
		const ops203 = new ICAL.Event(events.find((e) => e.getFirstPropertyValue('uid') === 'action-item-OPS-203@pm.example.com')!);
		expect(ops203.summary).toContain('✉️');
	});
	it('keeps UIDs stable from the item id, whatever the day or order', () => {
		const later = buildActionsIcs(ageActionItems([...archive.actionItems].reverse(), '2026-12-21', policy), { site, calendarName: 'x', stamp: new Date() });
		const uids = (t: string) => new ICAL.Component(ICAL.parse(t)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid')).sort();
		expect(uids(later)).toEqual(uids(text));
	});
	it('makes UIDs safe and unique per site', () => {
		expect(actionItemUid('ENG 5/1,x', { url: 'https://h.example', base: '/pm/' })).toBe('action-item-ENG%205%2F1%2Cx@h.example/pm');
	});
});
