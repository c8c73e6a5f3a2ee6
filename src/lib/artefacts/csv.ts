import { CsvError, parse } from 'csv-parse/sync';
import { countOf } from '../format/labels.ts';

/** A CSV row with its values by lower-cased column name, and the file line it starts on. */
export interface CsvRecord {
	line: number;
	values: Record<string, string>;
}

export type CsvTable = { ok: true; columns: string[]; records: CsvRecord[] } | { ok: false; line?: number; message: string };

/**
 * Parses a CSV with a header row (csv-parse: quoted fields, embedded commas and
 * newlines, a byte-order mark). Column names are trimmed and lower-cased; a row
 * with a different number of fields than the header is an error naming its line.
 */
export function parseCsv(text: string): CsvTable {
	try {
		const rows = parse(text, { bom: true, skip_empty_lines: true, info: true, trim: true, relax_column_count: true }) as unknown as Array<{ info: { lines: number }; record: string[] }>;
		const [header, ...rest] = rows;
		if (!header) return { ok: false, message: 'is empty' };
		const columns = header.record.map((c) => c.toLowerCase());
		const records: CsvRecord[] = [];
		for (const { info, record } of rest) {
			if (record.length !== columns.length) {
				return { ok: false, line: info.lines, message: `has ${countOf(record.length, 'field')} where the header has ${columns.length} (${columns.join(',')})` };
			}
			const values: Record<string, string> = {};
			columns.forEach((c, i) => (values[c] = record[i] ?? ''));
			records.push({ line: info.lines, values });
		}
		return { ok: true, columns, records };
	} catch (error) {
		if (error instanceof CsvError) {
			const line = (error as CsvError & { lines?: number }).lines;
			return { ok: false, ...(line ? { line } : {}), message: `is not valid CSV: ${error.message}` };
		}
		throw error;
	}
}

/** The header of a CSV text's first line, lower-cased, for recognising it (undefined when it is no header row). */
export function csvHeader(text: string): string[] | undefined {
	const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	if (!first.includes(',')) return undefined;
	return first.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
}
