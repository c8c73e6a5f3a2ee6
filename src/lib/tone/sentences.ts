/**
 * Sentence splitting for the tone check: prose, Markdown lists and paragraphs, with
 * the abbreviations incident writing uses ("Ms. Haddad", "3 a.m.", "e.g.") kept whole.
 */

// A full stop after one of these does not end the sentence.
const ABBREVIATIONS = /(?:^|[\s(])(?:mr|mrs|ms|dr|prof|st|vs|etc|approx|e\.g|i\.e|a\.m|p\.m|no|fig|cf|inc|ltd|jr|sr)\.$/i;

/** The sentences of a text, trimmed, in order; list items and paragraphs are sentences of their own. */
export function splitSentences(text: string): string[] {
	const out: string[] = [];
	// Blockquote markers go first, so an empty quoted line separates paragraphs like an empty line.
	const unquoted = text.replace(/^[ \t]*(?:>[ \t]?)+/gm, '');
	for (const block of unquoted.split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)|\n(?=#{1,6}\s)/)) {
		const flat = block.replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+/, '').replace(/\s*\n\s*/g, ' ').trim();
		if (!flat) continue;
		let start = 0;
		for (const m of flat.matchAll(/[.!?]+["”’)]*\s+(?=["“‘(]?[\p{Lu}\p{N}@])/gu)) {
			const end = m.index + m[0].trimEnd().length;
			if (ABBREVIATIONS.test(flat.slice(Math.max(start, end - 12), end))) continue;
			out.push(flat.slice(start, end).trim());
			start = m.index + m[0].length;
		}
		const rest = flat.slice(start).trim();
		if (rest) out.push(rest);
	}
	return out;
}

/**
 * The sentence with quoted speech blanked out: what a customer, a ticket or an old
 * runbook said is evidence, not the postmortem's own voice. Apostrophes stay.
 */
export function withoutQuotes(sentence: string): string {
	return sentence
		.replace(/"[^"]*"/g, ' QUOTE ')
		.replace(/“[^”]*”/g, ' QUOTE ')
		.replace(/(^|[\s(])‘[^’]*’(?=[\s.,;:!?)]|$)/g, '$1 QUOTE ')
		.replace(/`[^`]*`/g, ' CODE ');
}
