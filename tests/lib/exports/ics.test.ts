import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, icsDate, icsDateTime, icsDocument } from '../../../src/lib/exports/ics.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

describe('ics text escaping', () => {
	it('escapes backslash, semicolon, comma and newlines', () => {
		expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
	});
	it('drops control characters that content lines may not hold', () => {
		expect(escapeIcsText('bell\u0007 and tab\t')).toBe('bell and tab\t');
	});
});

describe('ics line folding', () => {
	it('leaves lines of 75 octets or fewer alone', () => {
		const line = `SUMMARY:${'x'.repeat(67)}`;
		expect(octets(line)).toBe(75);
		expect(foldIcsLine(line)).toBe(line);
	});
	it('folds longer lines at 75 octets, continuation lines starting with a space', () => {
		const line = `DESCRIPTION:${'abcdefghij'.repeat(20)}`;
		const folded = foldIcsLine(line);
		const parts = folded.split('\r\n');
		expect(parts.length).toBe(3);
		for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
		expect(octets(parts[0]!)).toBe(75);
		for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
		expect(unfold(folded)).toBe(line);
	});
	it('counts octets, not characters, and never splits a multi-byte character', () => {
		const line = `SUMMARY:${'é✉️😀'.repeat(20)}`;
		const folded = foldIcsLine(line);
		for (const p of folded.split('\r\n')) {
			expect(octets(p)).toBeLessThanOrEqual(75);
			expect(p).not.toContain('\uFFFD');
			expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(p))).toBe(p);
		}
		expect(unfold(folded)).toBe(line);
	});
});

describe('ics values and documents', () => {
	it('formats DATE and UTC DATE-TIME values', () => {
		expect(icsDate('2026-11-21')).toBe('20261121');
		expect(icsDateTime(new Date('2026-11-21T09:30:05.123Z'))).toBe('20261121T093005Z');
	});
	it('ends every line with CRLF', () => {
		expect(icsDocument(['BEGIN:VCALENDAR', 'END:VCALENDAR'])).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
	});
});
