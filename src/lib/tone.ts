/**
 * The blameless-language check: finds sentences that attach a mistake to a
 * named individual (an @handle or a person's name next to a blame word).
 * Pure; used by the validator (warnings) and the drafting gate (hard stop).
 */

/** One sentence that reads as blame. */
export interface BlameFinding {
	/** The sentence, trimmed. */
	sentence: string;
	/** Who it blames, as written. */
	person: string;
	/** The blame word or phrase found next to them. */
	phrase: string;
}

export interface ToneOptions {
	/** Blame words and phrases (lower case), from the config. */
	blameWords: ReadonlyArray<string>;
	/** People known to this postmortem (authors, reviewers, owners), as written there. */
	knownPeople?: ReadonlyArray<string>;
}

// Words that can start or sit in a sentence capitalised without being a person.
const NOT_PEOPLE = new Set(
	`a an the we our us they their it its this that these those there here he she his her i you your nobody somebody someone everyone no one
	on-call oncall team teams engineer engineers engineering operator operators responder responders customer customers user users
	after before during when while because since although however then also but and or so if once until as at in on by for of to with without
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
	sev1 sev2 sev3 sev4 api dns cdn tls ssl db sql`.split(/\s+/),
);

// With these, systems are the usual subject ("the deploy caused…"), so only a known person or an @handle counts.
const SYSTEM_FRIENDLY = new Set(['caused', 'failed to']);

const HANDLE_RE = /^@[A-Za-z0-9][\w.-]*$/;

function splitSentences(text: string): string[] {
	return text
		.split(/(?<=[.!?])\s+|\n{2,}|\n(?=\s*[-*+] )/)
		.map((s) => s.trim())
		.filter(Boolean);
}

function tokenise(sentence: string): string[] {
	return sentence.match(/@?[\p{L}\p{N}][\p{L}\p{N}'’._-]*/gu) ?? [];
}

function bare(token: string): string {
	return token.replace(/['’]s$/i, '').replace(/[.'’_-]+$/, '');
}

function looksLikeName(token: string): boolean {
	const word = bare(token);
	if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
	return !NOT_PEOPLE.has(word.toLowerCase());
}

/** Lower-cased name parts and handles of the people known to a postmortem. */
export function knownNameSet(people: ReadonlyArray<string>): Set<string> {
	const names = new Set<string>();
	for (const person of people) {
		const handle = person.trim().replace(/^@/, '').toLowerCase();
		if (!handle) continue;
		names.add(handle);
		// Name parts of three letters or more; a first name also when short ("Li Wei" → li), as people are called by it.
		handle.split(/[\s._-]+/).forEach((part, i) => {
			if ((part.length >= 3 || (i === 0 && part.length === 2)) && !NOT_PEOPLE.has(part)) names.add(part);
		});
	}
	return names;
}

/** Finds sentences in `text` that attach a mistake to a named individual. */
export function findBlame(text: string, options: ToneOptions): BlameFinding[] {
	const known = knownNameSet(options.knownPeople ?? []);
	const phrases = options.blameWords.map((w) => w.toLowerCase().split(/\s+/));
	const findings: BlameFinding[] = [];
	for (const sentence of splitSentences(text)) {
		const tokens = tokenise(sentence);
		const lower = tokens.map((t) => bare(t).toLowerCase());
		let found: BlameFinding | undefined;
		for (const phrase of phrases) {
			for (let i = 0; i < lower.length && !found; i++) {
				if (!phrase.every((word, k) => lower[i + k] === word || (k === phrase.length - 1 && lower[i + k]?.startsWith(word) && word.length >= 5))) continue;
				const from = Math.max(0, i - 5);
				const to = Math.min(tokens.length, i + phrase.length + 4);
				for (let j = from; j < to; j++) {
					if (j >= i && j < i + phrase.length) continue;
					const token = tokens[j]!;
					const isHandle = HANDLE_RE.test(bare(token));
					const isKnown = known.has(bare(token).replace(/^@/, '').toLowerCase());
					const systemFriendly = SYSTEM_FRIENDLY.has(phrase.join(' '));
					const isName = !systemFriendly && looksLikeName(token) && (j === i - 1 || j === i - 2 || lower[j - 1] === 'by');
					if (isHandle || isKnown || isName) {
						found = { sentence, person: bare(token), phrase: phrase.join(' ') };
						break;
					}
				}
			}
			if (found) break;
		}
		if (found) findings.push(found);
	}
	return findings;
}

/** Heuristic: a handle that names a person rather than a team (`@dana`, `Dana Kim`, not `@payments-team`). */
export function looksLikePerson(handle: string): boolean {
	const h = handle.trim().replace(/^@/, '').toLowerCase();
	return h.length > 0 && !/(team|squad|group|sre|ops|oncall|on-call|platform|eng|guild|crew|infra)\b/.test(h);
}
