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

// With these, systems are the usual subject ("the deploy caused…", "Postgres failed to…"):
// a capitalised word only counts as a person when a person-only verb follows
// ("Dana failed to check…"), and never for "caused" (an @handle or a known person still counts).
const SYSTEM_FRIENDLY = new Set(['caused', 'failed to', 'should have']);

// Verbs that only people do, after "failed to" / "should have".
const HUMAN_VERBS = new Set(
	`notice noticed check checked double-check double-checked review reviewed test tested read follow followed escalate escalated
	communicate communicated verify verified catch caught ask asked tell told update updated document documented notify notified
	monitor monitored realise realised realize realized know known spot spotted inform informed respond responded acknowledge
	acknowledged look looked wait waited confirm confirmed consult consulted think thought remember remembered mention mentioned
	run ran approve approved warn warned`.split(/\s+/),
);

// Words that may stand between a person and the blame word they are the subject of ("Sam made a mistake", "Dana was careless").
const BRIDGE = new Set(
	'was were is are had has have been be also then again just simply not never clearly obviously really apparently made make makes a an the his her their big bad serious another'.split(' '),
);

// Words after the blame word that introduce who it belongs to ("caused by @dana", "the fault of Dana", "lies with Dana").
const AGENT_MARKERS = new Set(['by', 'of', 'with', 'on']);

// A capitalised word after one of these is a thing, not a person ("a Terraform mistake").
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'our', 'their', 'its', 'every', 'any']);

// Words before a person that make them the cause of what the sentence says went wrong
// ("Because of @dana the migration caused the outage"). Not "thanks to": that is usually praise.
const CAUSE_MARKERS: ReadonlyArray<readonly string[]> = [
	['because', 'of'],
	['due', 'to'],
	['owing', 'to'],
];

// At most this many words between a person's possessive and the blame word it owns ("Li's schema migration caused…").
const MAX_OWNED_WORDS = 3;

// Words that end a noun phrase: a possessive before one of them owns something else
// ("@dana's notes said the deploy caused…", "Li's fix removed what the lock caused").
const PHRASE_BREAKS = new Set(
	`we our us they their it its this these those there here he she his her i you your me him them
	after before during when while because since although however then also but and or nor so if once until as at in on by for of to with without
	not never no nobody nothing anyone everyone someone
	which who whom whose what where how why than from into onto over under about against between through per via
	some all each both either neither other own
	is are was were be been being am had has have did does do done will would could can might must shall should
	said says noted showed found saw thought meant suggested explained argued claimed
	believed assumed noticed reported wrote mentioned confirmed fixed removed reverted rolled caught`.split(/\s+/),
);

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

function isPossessive(token: string): boolean {
	return /\p{L}['’]s$|s['’]$/iu.test(token);
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
		// Name parts of three letters or more; a first name also when short ("Li Wei" → li), as people are called by it
		// (a two-letter part only counts written with a capital: see `knownAt`).
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
	const firstWords = phrases.map((p) => p[0]!);
	const findings: BlameFinding[] = [];
	for (const sentence of splitSentences(text)) {
		// Most sentences hold no blame word at all; skip them before tokenising (keeps a 5 MB body fast).
		const folded = sentence.toLowerCase();
		if (!firstWords.some((w) => folded.includes(w))) continue;
		const tokens = tokenise(sentence);
		const lower = tokens.map((t) => bare(t).toLowerCase());
		let found: BlameFinding | undefined;
		for (const phrase of phrases) {
			for (let i = 0; i < lower.length && !found; i++) {
				if (!phrase.every((word, k) => lower[i + k] === word || (k === phrase.length - 1 && lower[i + k]?.startsWith(word) && word.length >= 5))) continue;
				const person = personTiedTo(tokens, lower, i, phrase, known);
				if (person) found = { sentence, person, phrase: phrase.join(' ') };
			}
			if (found) break;
		}
		if (found) findings.push(found);
	}
	return findings;
}

/**
 * The person a blame phrase at `i` is attached to, if any: the subject just before
 * it (only linking words such as "was", "made a" in between), a known person or
 * @handle whose possessive heads that subject ("Li's migration caused…"), the agent
 * just after it ("caused by @dana", "the fault of Dana", "blame @dana"), or a known
 * person or @handle given as the cause ("Because of @dana the migration caused…").
 */
function personTiedTo(tokens: string[], lower: string[], i: number, phrase: string[], known: Set<string>): string | undefined {
	const key = phrase.join(' ');
	const end = i + phrase.length;
	const systemFriendly = SYSTEM_FRIENDLY.has(key);
	const humanVerbFollows = HUMAN_VERBS.has(lower[end] ?? '');
	const handleOrKnown = (j: number): string | undefined => knownAt(tokens, j, known);
	const fullName = (j: number): string => (j > 0 && looksLikeName(tokens[j - 1]!) && !isPossessive(tokens[j - 1]!) ? `${bare(tokens[j - 1]!)} ${bare(tokens[j]!)}` : bare(tokens[j]!));

	// Before: the subject of the phrase.
	for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
		const named = handleOrKnown(j);
		if (named) return named;
		if (looksLikeName(tokens[j]!)) {
			// "Dana Okafor caused…" with @dana known: the known first name makes it a person, not a system.
			const first = tokens[j - 1];
			if (first && !isPossessive(first) && /^\p{Lu}/u.test(first) && isKnownPart(bare(first), known)) return `${bare(first)} ${bare(tokens[j]!)}`;
			// "Li's Terraform change…" ends in a name-like word but belongs to Li.
			const owner = isPossessive(tokens[j]!) ? undefined : possessiveOwner(tokens, lower, j, known);
			if (owner) return owner;
			if (key === 'caused') return undefined;
			if (systemFriendly && !humanVerbFollows) return undefined;
			if (j === i - 1 && DETERMINERS.has(lower[j - 1] ?? '') && !isPossessive(tokens[j]!)) return undefined;
			return fullName(j);
		}
		if (!BRIDGE.has(lower[j]!)) {
			const owner = possessiveOwner(tokens, lower, j, known);
			if (owner) return owner;
			break;
		}
	}
	// After: "blame @dana", or an agent introduced by "by", "of", "with", "on".
	for (let j = end; j < Math.min(tokens.length, end + 4); j++) {
		const direct = j === end && key.startsWith('blame');
		if (!direct && !AGENT_MARKERS.has(lower[j - 1] ?? '')) continue;
		const named = handleOrKnown(j);
		if (named) return named;
		if (!systemFriendly && looksLikeName(tokens[j]!)) {
			const next = tokens[j + 1];
			return next && looksLikeName(next) && !isPossessive(tokens[j]!) ? `${bare(tokens[j]!)} ${bare(next)}` : bare(tokens[j]!);
		}
	}
	return causeNamed(tokens, lower, known);
}

/**
 * A handle or a known person at token `j`, as written: the whole name when the
 * parts stand together ("Li Wei", not just "Wei"). Handles that name a team do not count.
 */
function knownAt(tokens: string[], j: number, known: Set<string>): string | undefined {
	const word = bare(tokens[j]!);
	if (HANDLE_RE.test(word)) return looksLikePerson(word) ? word : undefined;
	if (!isKnownPart(word, known)) return undefined;
	let from = j;
	let to = j;
	while (from > 0 && !isPossessive(tokens[from - 1]!) && /^\p{Lu}/u.test(tokens[from - 1]!) && isKnownPart(bare(tokens[from - 1]!), known)) from--;
	while (to < tokens.length - 1 && !isPossessive(tokens[to]!) && /^\p{Lu}/u.test(tokens[to + 1]!) && isKnownPart(bare(tokens[to + 1]!), known)) to++;
	return tokens.slice(from, to + 1).map(bare).join(' ');
}

// A two-letter name part ("Li") only counts written as a name, so words such as "do" or "go" never do.
function isKnownPart(word: string, known: Set<string>): boolean {
	if (HANDLE_RE.test(word)) return false;
	if (!known.has(word.toLowerCase())) return false;
	return word.length > 2 || /^\p{Lu}/u.test(word);
}

/**
 * The known person or @handle whose possessive heads the noun phrase ending at token `j`
 * ("Li's migration", "@dana's late config change"): a few words back, none of them
 * starting a new phrase.
 */
function possessiveOwner(tokens: string[], lower: string[], j: number, known: Set<string>): string | undefined {
	for (let k = j, words = 0; k >= 0; k--) {
		const token = tokens[k]!;
		if (isPossessive(token)) return knownAt(tokens, k, known);
		if (++words > MAX_OWNED_WORDS) return undefined;
		if (HANDLE_RE.test(bare(token)) || DETERMINERS.has(lower[k]!) || PHRASE_BREAKS.has(lower[k]!)) return undefined;
	}
	return undefined;
}

/** A known person or @handle given as the cause: "because of @dana", "due to Li Wei". */
function causeNamed(tokens: string[], lower: string[], known: Set<string>): string | undefined {
	for (let j = 2; j < tokens.length; j++) {
		if (!CAUSE_MARKERS.some(([a, b]) => lower[j - 2] === a && lower[j - 1] === b)) continue;
		// "because of @dana's quick rollback" names what she did, not her.
		if (isPossessive(tokens[j]!)) continue;
		const named = knownAt(tokens, j, known);
		if (named) return named;
	}
	return undefined;
}

/** Heuristic: a handle that names a person rather than a team (`@dana`, `Dana Kim`, not `@payments-team`). */
export function looksLikePerson(handle: string): boolean {
	const h = handle.trim().replace(/^@/, '').toLowerCase();
	return h.length > 0 && !/(team|squad|group|sre|ops|oncall|on-call|platform|eng|guild|crew|infra)\b/.test(h);
}
