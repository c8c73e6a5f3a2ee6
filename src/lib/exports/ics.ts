/**
 * iCalendar (RFC 5545) building blocks: TEXT escaping, 75-octet line folding,
 * DATE and UTC DATE-TIME values, and the document with CRLF line ends.
 */

/** Escapes a TEXT value (§3.3.11): backslash, semicolon, comma and newlines; drops other control characters. */
export function escapeIcsText(text: string): string {
	return text
		.replace(/[\\;,]/g, (c) => `\\${c}`)
		.replace(/\r\n|\r|\n/g, '\\n')
		.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * Folds one content line (§3.1): no line longer than 75 octets (UTF-8, CRLF excluded);
 * continuation lines start with one space. Never splits a character's bytes.
 */
export function foldIcsLine(line: string): string {
	const parts: string[] = [];
	if (!/[^\x00-\x7f]/.test(line)) {
		// ASCII only (most lines): one octet per character.
		if (line.length <= 75) return line;
		parts.push(line.slice(0, 75));
		for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
		return parts.join('\r\n ');
	}
	let start = 0;
	let octets = 0;
	for (let i = 0; i < line.length; ) {
		const cp = line.codePointAt(i)!;
		const units = cp > 0xffff ? 2 : 1;
		const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		const limit = parts.length === 0 ? 75 : 74; // continuation lines spend one octet on the leading space
		if (octets + size > limit) {
			parts.push(line.slice(start, i));
			start = i;
			octets = 0;
		}
		octets += size;
		i += units;
	}
	parts.push(line.slice(start));
	return parts.join('\r\n ');
}

/** A DATE value: `2026-11-21` → `20261121`. */
export function icsDate(date: string): string {
	return date.replaceAll('-', '');
}

/** A UTC DATE-TIME value: `20261121T093000Z`. */
export function icsDateTime(instant: Date): string {
	return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** A content line `NAME;PARAMS:value`, folded. The value must already be escaped where it is TEXT. */
export function icsLine(name: string, value: string): string {
	return foldIcsLine(`${name}:${value}`);
}

/** Joins content lines into a document: every line, the last included, ends with CRLF. */
export function icsDocument(lines: ReadonlyArray<string>): string {
	return lines.map((l) => `${l}\r\n`).join('');
}
