import { FIRST_NAMES, NOT_NAMES, SYSTEMS, TITLES } from './words.ts';
import type { Token } from './tokens.ts';

/**
 * Finding people in a sentence: @handles, the postmortem's own people, and
 * capitalised personal names (hyphens, apostrophes and non-ASCII letters included),
 * told apart from systems with person-like names (Jenkins, Cassandra, Argo).
 */

/** Somebody a sentence names, at tokens [start, end). */
export interface Mention {
	start: number;
	end: number;
	/** As written: "@dana", "Jean-Luc", "Nguyễn Thị Lan", "the on-call engineer". */
	text: string;
	/**
	 * How sure we are it is one person: `strong` (a handle, a known person, a first name,
	 * a name-shaped word), `weak` (any other capitalised word: a person only when what
	 * follows is something only people do), `role` (a role standing for one person),
	 * `someone` (a person nobody names).
	 */
	strength: 'strong' | 'weak' | 'role' | 'someone';
	/** Written as a possessive ("Marco's change"). */
	possessive: boolean;
}

/** Heuristic: a handle that names a person rather than a team (`@dana`, `Dana Kim`, not `@payments-team`). */
export function looksLikePerson(handle: string): boolean {
	const h = handle.trim().replace(/^@/, '').toLowerCase();
	return h.length > 0 && !/(team|squad|group|sre|ops|oncall|on-call|platform|eng|guild|crew|infra|bot|ci|admins|devs|support|security)\b/.test(h);
}

/** Lower-cased name parts and handles of the people known to a postmortem. */
export function knownNameSet(people: ReadonlyArray<string>): Set<string> {
	const names = new Set<string>();
	for (const person of people) {
		const handle = person.trim().replace(/^@/, '').toLowerCase();
		if (!handle || !looksLikePerson(handle)) continue;
		names.add(handle);
		// Name parts of three letters or more; a first name also when short ("Li Wei" → li), as people are called by it.
		handle.split(/[\s._]+/).forEach((part, i) => {
			if ((part.length >= 3 || (i === 0 && part.length === 2)) && !NOT_NAMES.has(part) && !SYSTEMS.has(part)) names.add(part);
		});
	}
	return names;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'our', 'their', 'its', 'every', 'any', 'each', 'your', 'my', 'his', 'her']);
// Nouns after a capitalised word that make it the name of a thing ("the Ledger service", "Hermes cluster").
const THING_NOUNS = new Set(`service services cluster clusters job jobs database db api server servers region regions team bot pipeline plan
	workspace console dashboard queue topic bucket table index worker workers node nodes pod pods app apps client library module endpoint
	instance instances account project repo repository release version build builds runner runners agent agents stack container
	cache store tier layer gateway proxy dns zone network vpc function lambda feature flag`.split(/\s+/));
// Endings of capitalised sentence openers that are ordinary words, not names ("Monitoring", "Deployed", "Onboarding").
const WORD_ENDINGS = /(?:ing|ed|tion|sion|ment|ness|ity|ly|ies|ous|ive|able|ible|ance|ence|ism|ure|ers|ors|es)$/;

function nameShaped(text: string): boolean {
	return /[^\x00-\x7F]/.test(text) || /^\p{Lu}\p{Ll}*'\p{Lu}/u.test(text) || /^\p{Lu}\p{Ll}+-\p{Lu}/u.test(text) || /^\p{Lu}\p{Ll}+-\p{Ll}{2,3}$/u.test(text);
}

function isNameWord(token: Token): boolean {
	if (!token.cap || token.punct || token.text.startsWith('@')) return false;
	// Acronyms (EU, SQL, S3) and numbers are never names.
	if (!/^\p{Lu}[\p{Ll}\p{M}'’-]/u.test(token.text)) return false;
	const parts = token.low.split('-');
	return !NOT_NAMES.has(token.low) && !SYSTEMS.has(token.low) && !SYSTEMS.has(parts[0]!) && !NOT_NAMES.has(parts[0]!);
}

/** Whether a name is a person's by its own evidence: a handle, a common first name, or name-shaped (Zoë, O'Brien, Jean-Luc). */
export function isConfidentName(text: string): boolean {
	if (text.startsWith('@')) return looksLikePerson(text);
	const first = text.split(/\s+/)[0]!.replace(/\.$/, '');
	if (TITLES.has(first.toLowerCase())) return true;
	return FIRST_NAMES.has(first.toLowerCase()) || FIRST_NAMES.has(first.toLowerCase().split('-')[0]!) || nameShaped(first);
}

/** Every person a sentence names: handles, known people and capitalised names, left to right. */
export function nameMentions(tokens: ReadonlyArray<Token>, known: ReadonlySet<string>): Mention[] {
	const out: Mention[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (t.text.startsWith('@')) {
			if (looksLikePerson(t.text)) out.push({ start: i, end: i + 1, text: t.text, strength: 'strong', possessive: t.possessive });
			continue;
		}
		const knownHere = known.has(t.low) && (t.low.length > 2 || t.cap);
		if (!knownHere && !isNameWord(t)) continue;
		const prev = tokens[i - 1];
		const titled = prev !== undefined && TITLES.has(prev.low) && prev.cap;
		if (!knownHere && !titled && prev && DETERMINERS.has(prev.low)) continue;
		// A name runs over following capitalised name words ("Nguyễn Thị Lan", "Li Wei"), never past a possessive.
		let end = i + 1;
		while (!tokens[end - 1]!.possessive && end < tokens.length && (isNameWord(tokens[end]!) || (known.has(tokens[end]!.low) && tokens[end]!.cap))) end++;
		const next = tokens[end];
		if (!knownHere && !tokens[end - 1]!.possessive && next && THING_NOUNS.has(next.low)) {
			i = end - 1;
			continue;
		}
		const words = tokens.slice(i, end);
		const start = titled ? i - 1 : i;
		const name = words.map((w) => w.text).join(' ');
		const text = titled ? `${prev!.text}. ${name}` : name;
		const first = words[0]!;
		const strong =
			knownHere ||
			titled ||
			words.some((w) => known.has(w.low)) ||
			FIRST_NAMES.has(first.low) ||
			FIRST_NAMES.has(first.low.split('-')[0]!) ||
			words.some((w) => nameShaped(w.text)) ||
			(words.length >= 2 && words.length <= 3) ||
			(next?.low === ',' && tokens[end + 1]?.low === 'who') ||
			next?.low === 'who';
		// Mid-sentence, a capitalised word that is neither a known system nor a common word is a name;
		// at the start of a sentence (or after a colon) every word is capitalised, so it stays weak.
		const atStart = start === 0 || (prev?.punct ?? false);
		if (!strong && atStart && WORD_ENDINGS.test(first.low)) {
			i = end - 1;
			continue;
		}
		out.push({ start, end, text, strength: strong || !atStart ? 'strong' : 'weak', possessive: tokens[end - 1]!.possessive });
		i = end - 1;
	}
	return out;
}
