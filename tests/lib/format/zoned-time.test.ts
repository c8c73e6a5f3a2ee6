import { describe, expect, it } from 'vitest';
import { formatInZone, isKnownTimeZone, parseInstant } from '../../../src/lib/format/zoned-time.ts';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('zoned time', () => {
	it('reads Z, offsets and zone-less times in the zone given', () => {
		expect(iso(parseInstant('2026-07-22T02:14:00Z', 'Europe/Berlin'))).toBe('2026-07-22T02:14:00.000Z');
		expect(iso(parseInstant('2026-07-22T04:14:00+02:00', 'UTC'))).toBe('2026-07-22T02:14:00.000Z');
		expect(iso(parseInstant('2026-07-22 04:14', 'Europe/Berlin'))).toBe('2026-07-22T02:14:00.000Z');
		expect(iso(parseInstant('2026-01-22 04:14:30', 'Europe/Berlin'))).toBe('2026-01-22T03:14:30.000Z');
		expect(iso(parseInstant('2026-07-22 02:14', 'America/New_York'))).toBe('2026-07-22T06:14:00.000Z');
	});

	it('reads a time in a DST gap with the offset before the change, and rejects impossible ones', () => {
		expect(iso(parseInstant('2026-03-29 02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
		expect(parseInstant('2026-02-30 02:00', 'UTC')).toBeUndefined();
		expect(parseInstant('02:14', 'UTC')).toBeUndefined();
	});

	it('shows an instant in a zone with its offset', () => {
		expect(formatInZone(Date.parse('2026-07-22T02:14:05Z'), 'Europe/Berlin')).toBe('2026-07-22 04:14:05 +02:00');
		expect(formatInZone(Date.parse('2026-07-22T02:14:05Z'), 'Asia/Kolkata')).toBe('2026-07-22 07:44:05 +05:30');
		expect(formatInZone(Date.parse('2026-07-22T02:14:05Z'), 'UTC')).toBe('2026-07-22 02:14:05 +00:00');
	});

	it('knows real zones from typos', () => {
		expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
		expect(isKnownTimeZone('Europe/Berlni')).toBe(false);
	});
});
