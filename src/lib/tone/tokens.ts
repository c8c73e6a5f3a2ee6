/**
 * Words of a sentence for the tone check, with what the matchers need: the word bare
 * and lower-cased, whether it was written capitalised, and whether it is a possessive.
 */

export interface Token {
	/** As written, without a possessive ending. */
	text: string;
	/** Lower case, curly apostrophes straightened: what the word lists are matched against. */
	low: string;
	/** Written with a capital first letter. */
	cap: boolean;
	/** "Dana's", "O'Brien’s", "engineers'". */
	possessive: boolean;
	/** Punctuation that breaks a clause: , ; : — ( ). */
	punct: boolean;
}

const TOKEN_RE = /@[\p{L}\p{N}](?:[\p{L}\p{N}_]|[.-](?=[\p{L}\p{N}]))*(?:['’]s?)?|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}_]|['’](?=\p{L})|[-.:](?=[\p{L}\p{N}]))*['’]?|[,;:—–()]/gu;

// "it's", "that's": a contraction, not a possessive.
const CONTRACTIONS = new Set(["it's", "that's", "what's", "there's", "here's", "let's", "who's", "he's", "she's", "where's"]);

const PUNCT = new Set([',', ';', ':', '—', '–', '(', ')']);
const APOSTROPHE = 39; // '
const LOWER_S = 115; // s
const UPPER_S = 83; // S
const LONG_S = 0x17f; // ſ, which /s/iu matches too

export function tokenise(sentence: string): Token[] {
	const out: Token[] = [];
	for (const [raw] of sentence.matchAll(TOKEN_RE)) {
		if (raw.length === 1 && PUNCT.has(raw)) {
			out.push({ text: raw, low: raw, cap: false, possessive: false, punct: true });
			continue;
		}
		// The regular expressions below run only for words that end in an apostrophe or an s:
		// the tone check tokenises every sentence of every postmortem in a build.
		const straight = raw.includes('’') ? raw.replace(/’/g, "'") : raw;
		const lowered = straight.toLowerCase();
		const last = straight.charCodeAt(straight.length - 1);
		if (last !== APOSTROPHE && last !== LOWER_S && last !== UPPER_S && last !== LONG_S) {
			out.push({ text: straight, low: lowered, cap: /^@?\p{Lu}/u.test(straight), possessive: false, punct: false });
			continue;
		}
		const possessive = !CONTRACTIONS.has(lowered) && (/\p{L}'s$/iu.test(straight) || /s'$/i.test(straight));
		const text = possessive ? straight.replace(/'s?$/i, '') : straight.replace(/'$/, '');
		out.push({ text, low: text.toLowerCase(), cap: /^@?\p{Lu}/u.test(text), possessive, punct: false });
	}
	return out;
}

/** Whether the words of `phrase` stand at `i`. */
export function phraseAt(tokens: ReadonlyArray<Token>, i: number, phrase: ReadonlyArray<string>): boolean {
	return phrase.every((word, k) => tokens[i + k]?.low === word && (k === phrase.length - 1 || !tokens[i + k]!.possessive));
}

type PhraseList = ReadonlyArray<ReadonlyArray<string>>;
// Each list indexed once by its first and by its last word: a sentence is matched word by word against a handful of candidates.
const byFirst = new WeakMap<PhraseList, Map<string, PhraseList>>();
const byLast = new WeakMap<PhraseList, Map<string, PhraseList>>();
function indexed(cache: WeakMap<PhraseList, Map<string, PhraseList>>, list: PhraseList, pick: (p: ReadonlyArray<string>) => string): Map<string, PhraseList> {
	let index = cache.get(list);
	if (!index) {
		const built = new Map<string, Array<ReadonlyArray<string>>>();
		for (const p of list) {
			const key = pick(p);
			const bucket = built.get(key);
			if (bucket) bucket.push(p);
			else built.set(key, [p]);
		}
		index = built;
		cache.set(list, index);
	}
	return index;
}

/** The first phrase of `list` that stands at `i`. */
export function anyPhraseAt(tokens: ReadonlyArray<Token>, i: number, list: PhraseList): ReadonlyArray<string> | undefined {
	const candidates = indexed(byFirst, list, (p) => p[0]!).get(tokens[i]?.low ?? '');
	return candidates?.find((p) => phraseAt(tokens, i, p));
}

/** Where a phrase of `list` first stands in tokens [from, to), with the phrase. */
export function findPhrase(tokens: ReadonlyArray<Token>, list: PhraseList, from = 0, to = tokens.length): { at: number; phrase: ReadonlyArray<string> } | undefined {
	for (let i = from; i < to; i++) {
		const phrase = anyPhraseAt(tokens, i, list);
		if (phrase && i + phrase.length <= to) return { at: i, phrase };
	}
	return undefined;
}

/** Whether a phrase ending right before `i` is one of `list` ("because of" before a name). */
export function phraseBefore(tokens: ReadonlyArray<Token>, i: number, list: PhraseList): ReadonlyArray<string> | undefined {
	const candidates = indexed(byLast, list, (p) => p[p.length - 1]!).get(tokens[i - 1]?.low ?? '');
	return candidates?.find((p) => i - p.length >= 0 && phraseAt(tokens, i - p.length, p));
}
