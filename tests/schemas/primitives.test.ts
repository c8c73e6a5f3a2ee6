import { describe, expect, it } from 'vitest';
import { calendarDate, parseTimestamp, timestamp } from '../../src/schemas/primitives.ts';

describe('timestamps', () => {
	it('reads a timestamp without a zone as UTC', () => {
		expect(parseTimestamp('2025-03-14 09:30:00')?.toISOString()).toBe('2025-03-14T09:30:00.000Z');
		expect(parseTimestamp('2025-03-14T09:30')?.toISOString()).toBe('2025-03-14T09:30:00.000Z');
	});
	it('honours an explicit zone', () => {
		expect(parseTimestamp('2025-03-14T09:30:00+02:00')?.toISOString()).toBe('2025-03-14T07:30:00.000Z');
		expect(parseTimestamp('2025-03-14T09:30:00-0530')?.toISOString()).toBe('2025-03-14T15:00:00.000Z');
	});
	it('rejects impossible dates instead of rolling them over', () => {
		expect(parseTimestamp('2025-02-30T10:00:00Z')).toBeUndefined();
		expect(timestamp.safeParse('yesterday').success).toBe(false);
	});
	it('accepts a Date as js-yaml produces it', () => {
		const d = new Date('2025-03-14T09:30:00Z');
		expect(timestamp.parse(d)).toEqual(d);
	});
});

describe('calendar dates', () => {
	it('normalises both parsers to YYYY-MM-DD', () => {
		expect(calendarDate.parse('2025-04-01')).toBe('2025-04-01');
		expect(calendarDate.parse(new Date('2025-04-01T00:00:00Z'))).toBe('2025-04-01');
	});
	it('rejects non-dates with the expected form', () => {
		const r = calendarDate.safeParse('01/04/2025');
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.message).toContain('YYYY-MM-DD');
	});
});
