import { describe, expect, it } from 'vitest';
import { formatDay, formatTableDay } from '../../../src/lib/format/dates.ts';
import { actionStatusLabel, countOf, formatInstant, formatInstantDay, formatTime, isoInstant, postmortemStatusLabel, yesNo } from '../../../src/lib/format/labels.ts';

describe('date and time formatting', () => {
	const instant = new Date('2025-03-14T23:30:00Z');

	it('formats calendar dates without shifting them by a time zone', () => {
		expect(formatDay('2025-03-14')).toBe('14 March 2025');
		expect(formatDay('2024-02-29')).toBe('29 February 2024');
	});

	it('has one format for prose and one for tables, and the prose one is the same for dates and instants', () => {
		expect(formatTableDay('2025-09-26')).toBe('2025-09-26');
		expect(formatInstantDay(new Date('2025-09-26T12:00:00Z'), 'UTC')).toBe(formatDay('2025-09-26'));
		expect(formatDay('2025-09-26')).toBe('26 September 2025');
	});

	it('formats instants in the configured zone, naming the zone', () => {
		expect(formatInstant(instant, 'UTC')).toBe('14 March 2025, 23:30 UTC');
		// Half past eleven at night in UTC is the next morning in Berlin.
		expect(formatInstantDay(instant, 'Europe/Berlin')).toBe('15 March 2025');
		expect(formatTime(instant, 'Europe/Berlin')).toMatch(/^00:30 (CET|GMT\+1)$/);
	});

	it('gives machine-readable instants without milliseconds', () => {
		expect(isoInstant(instant)).toBe('2025-03-14T23:30:00Z');
	});
});

describe('labels and counts', () => {
	it('pluralises counts', () => {
		expect(countOf(1, 'postmortem')).toBe('1 postmortem');
		expect(countOf(0, 'postmortem')).toBe('0 postmortems');
		expect(countOf(12500, 'day')).toBe('12,500 days');
	});

	it('names statuses for people', () => {
		expect(postmortemStatusLabel('review')).toBe('In review');
		expect(actionStatusLabel('in-progress')).toBe('In progress');
		expect(actionStatusLabel('wont-do')).toBe('Won’t do');
	});

	it('says when an optional fact was not recorded', () => {
		expect(yesNo(true)).toBe('yes');
		expect(yesNo(false)).toBe('no');
		expect(yesNo(undefined)).toBe('not recorded');
	});
});
