/**
 * CSV per RFC 4180: CRLF line ends, a header row, and fields quoted when they hold a
 * comma, a double quote, CR or LF, with inner quotes doubled. Writing is this small, so
 * it is written here; the tests read the output back with csv-parse.
 */

/** A cell: text, number or boolean; null and undefined become empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: header, then rows, each line ended by CRLF. */
export function toCsv(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
	return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
