/**
 * CSV per RFC 4180: CRLF line ends, a header row, and fields quoted when they hold a
 * comma, a double quote, CR or LF, with inner quotes doubled. Writing is this small, so
 * it is written here; the tests read the output back with csv-parse.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (`=HYPERLINK(…)` in a
 * title; every `@owner`). Such a text cell is neutralised as OWASP recommends: a single
 * quote is put in front and the cell is quoted, so it shows as text (`'@dana`).
 * Numbers are never touched (a negative `daysLeft` stays a number). docs/action-items.md
 * says this for the people who open the file.
 */

/** A cell: text, number or boolean; null and undefined become empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

/** First characters that make a spreadsheet read a cell as a formula (with their full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One field, quoted when RFC 4180 requires it, neutralised when a spreadsheet would run it. */
export function csvField(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string' && FORMULA_START.test(value)) return `"'${value.replaceAll('"', '""')}"`;
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: header, then rows, each line ended by CRLF. */
export function toCsv(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
	return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
