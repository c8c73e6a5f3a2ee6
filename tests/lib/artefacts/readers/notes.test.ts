import { describe, expect, it } from 'vitest';
import { hasTimedLines, notesEvents } from '../../../../src/lib/artefacts/readers/notes.ts';

const read = (text: string, day?: string, timeZone = 'UTC') => notesEvents(text, { file: 'notes.md', timeZone, day });

describe('notes reader', () => {
	it('reads times in the forms people write, skips prose, and keeps line numbers as refs', () => {
		const text = [
			'# Notes',
			'',
			'- 02:14 paged',
			'* **02:15** acked — looking',
			'02:16:30 | rolled back',
			'[02:17] error rate falling',
			'2026-07-22 02:20 all clear',
			'2026-07-22T04:21:00+02:00 status page updated',
			'Some prose that mentions 02:30 in the middle.',
			'02:25 Zendesk tickets stopped',
		].join('\n');
		expect(read(text, '2026-07-22').events.map((e) => [e.at, e.ref, e.text])).toEqual([
			['2026-07-22T02:14:00Z', 'notes.md#L3', 'paged'],
			['2026-07-22T02:15:00Z', 'notes.md#L4', 'acked — looking'],
			['2026-07-22T02:16:30Z', 'notes.md#L5', 'rolled back'],
			['2026-07-22T02:17:00Z', 'notes.md#L6', 'error rate falling'],
			['2026-07-22T02:20:00Z', 'notes.md#L7', 'all clear'],
			['2026-07-22T02:21:00Z', 'notes.md#L8', 'status page updated'],
			['2026-07-22T02:25:00Z', 'notes.md#L10', 'Zendesk tickets stopped'],
		]);
	});

	it('reads zone-less times in the zone given, a heading\'s date over the incident\'s day, and runs past midnight', () => {
		const text = '## 2026-07-21\n23:50 deploy started\n00:10 alerts fired\n';
		expect(read(text, '2026-07-22', 'Europe/Berlin').events.map((e) => e.at)).toEqual(['2026-07-21T21:50:00Z', '2026-07-21T22:10:00Z']);
	});

	it('says which line has a time but no day to put it on', () => {
		expect(read('02:14 paged\n').problems).toEqual([
			{ file: 'notes.md', path: '', line: 1, level: 'error', message: '"02:14" has no date and no other artefact tells the incident\'s day; write the date too, e.g. 2026-07-22 02:14' },
		]);
	});

	it('names an impossible time by its line', () => {
		expect(read('2026-02-31 02:14 paged\n').problems[0]).toMatchObject({ line: 1, message: '"2026-02-31 02:14 paged" does not start with a real time' });
	});

	it('recognises text only when a line starts with a time', () => {
		expect(hasTimedLines('Meeting notes\nWe met at 10:30.\n')).toBe(false);
		expect(hasTimedLines('Meeting notes\n10:30 we met\n')).toBe(true);
	});
});
