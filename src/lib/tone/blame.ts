import { agencyOf } from './agency.ts';
import { humanErrorFraming } from './framing.ts';
import { rewriteHint, type BlameHow } from './hints.ts';
import type { ToneFinding, ToneKind } from './kinds.ts';
import { heroCounterfactual, heroWords, villainContext, villainNoun } from './narratives.ts';
import { knownNameSet, nameMentions, type Mention } from './people.ts';
import { roleMentions, someoneMentions } from './roles.ts';
import { splitSentences, withoutQuotes } from './sentences.ts';
import { findPhrase, tokenise } from './tokens.ts';
import {
	BAD_OUTCOMES,
	CAUSE_BEFORE,
	DESTRUCTIVE_VERBS,
	FAULT_NOUNS,
	HERO,
	HUMAN_ERROR,
	INDEFINITE_PEOPLE,
	NOT_NAMES,
	OUTCOME_VERBS,
	ROLE_BARE,
	ROLE_NOUNS,
	STRONG_MARKERS,
	SYSTEMS,
	VILLAIN,
	WRONG_MARKERS,
	WRONG_PHRASES,
	WRONG_VERBS,
} from './words.ts';

/**
 * The deterministic blameless-language check, the one entry point the validator, the
 * drafting gate and `npm run tone` share. Per sentence: a person (a name, an @handle,
 * a possessive, someone the postmortem knows, or a role standing for one person) as
 * the agent of something that went wrong; "human error" framing; hero and villain
 * narratives. Pure.
 */

export type { ToneFinding, ToneKind } from './kinds.ts';
export { TONE_KINDS } from './kinds.ts';
export { knownNameSet, looksLikePerson } from './people.ts';

export interface ToneOptions {
	/** Extra words or phrases (lower case) that, tied to a person, read as blame: `policy.blameWords` from the config. */
	blameWords?: ReadonlyArray<string>;
	/** People known to this postmortem (authors, reviewers, owners, timeline and artefact actors), as written there. */
	knownPeople?: ReadonlyArray<string>;
}

/** Kept for callers of the first version: a finding is a tone finding. */
export type BlameFinding = ToneFinding;

// Built-in words a config list may repeat; the matcher already judges them in context.
const BUILT_IN = new Set([...WRONG_VERBS, ...[...WRONG_PHRASES, ...HUMAN_ERROR, ...WRONG_MARKERS].map((p) => p.join(' ')), 'failed to', 'should have', 'mistake', 'fault', 'blame', 'caused']);

function extraPhrases(words: ReadonlyArray<string> | undefined): string[][] {
	return (words ?? []).map((w) => w.trim().toLowerCase()).filter((w) => w && !BUILT_IN.has(w)).map((w) => w.split(/\s+/));
}

// Words that start a framing or a narrative: enough for a finding by themselves.
const SELF_TRIGGERS = new Set([...HUMAN_ERROR, ...HERO, ...VILLAIN].map((p) => p[0]!));
// Words without one of which no person is tied to anything in a sentence (see agency.ts and narratives.ts).
const TRIGGERS = new Set([
	...WRONG_VERBS,
	...OUTCOME_VERBS,
	...DESTRUCTIVE_VERBS,
	...FAULT_NOUNS,
	...BAD_OUTCOMES,
	...[...WRONG_PHRASES, ...WRONG_MARKERS, ...STRONG_MARKERS, ...CAUSE_BEFORE].flatMap((p) => p),
	...`should could would must might ought need needs had has have not never without because due owing blame blamed culprit villain
	responsible accountable let left disabled silenced muted bypassed turned switched owe owed rested rests depended depends relied relies
	hinged hinges hung if weren't wasn't hadn't`.split(/\s+/),
].filter((w) => !['the', 'a', 'an', 'to', 'of', 'on', 'with', 'in', 'at', 'for', 'by', 'is', 'was', 'it', 'this'].includes(w)));
// Words that may stand for a person besides names and handles: roles and "someone".
const PERSON_WORDS = new Set([...ROLE_NOUNS, ...[...ROLE_NOUNS].map((n) => `${n}s`), ...ROLE_BARE, ...INDEFINITE_PEOPLE.map((p) => p[p.length - 1]!)]);
const WORD_RE = /[\p{L}][\p{L}\p{M}'’-]*|@/gu;

/**
 * A cheap look before the full reading: a finding needs a framing or narrative word,
 * or a word that ties someone to something together with someone to tie it to (an
 * @handle, a capitalised word outside the lists, a known person, a role). Most
 * sentences of a long write-up stop here.
 */
function mayHoldFinding(sentence: string, known: ReadonlySet<string>, extra: ReadonlyArray<ReadonlyArray<string>>): boolean {
	let trigger = extra.length > 0;
	let person = false;
	for (const [word] of sentence.matchAll(WORD_RE)) {
		if (word === '@') {
			person = true;
			continue;
		}
		const low = word.toLowerCase().replace(/['’]s?$/, '');
		if (SELF_TRIGGERS.has(low)) return true;
		if (!trigger && (TRIGGERS.has(low) || low.endsWith("n't"))) trigger = true;
		if (!person && (PERSON_WORDS.has(low) || known.has(low) || (word.charCodeAt(0) !== low.charCodeAt(0) && !NOT_NAMES.has(low) && !SYSTEMS.has(low)))) person = true;
		if (trigger && person) return true;
	}
	return false;
}

/** Every sentence of `text` that does not read as blameless, one finding per sentence. */
export function findBlame(text: string, options: ToneOptions = {}): ToneFinding[] {
	const known = knownNameSet(options.knownPeople ?? []);
	const extra = extraPhrases(options.blameWords);
	const out: ToneFinding[] = [];
	for (const sentence of splitSentences(text)) {
		if (!mayHoldFinding(sentence, known, extra)) continue;
		const found = judgeSentence(sentence, known, extra);
		if (!found) continue;
		const { how, ...finding } = found;
		out.push({ sentence, ...finding, hint: rewriteHint(found.kind, found.who, how) });
	}
	return out;
}

/** Whether a text reads as blameless: no finding at all. */
export function isBlameless(text: string, options: ToneOptions = {}): boolean {
	return findBlame(text, options).length === 0;
}

type Verdict = { kind: ToneKind; who?: string; phrase: string; how?: BlameHow };

function mentionsOf(tokens: ReturnType<typeof tokenise>, known: ReadonlySet<string>): Mention[] {
	const names = nameMentions(tokens, known);
	const roles = roleMentions(tokens).filter((r) => !names.some((n) => n.start < r.end && r.start < n.end));
	const someone = someoneMentions(tokens).filter((s) => ![...names, ...roles].some((n) => n.start < s.end && s.start < n.end));
	return [...names, ...roles, ...someone].sort((a, b) => a.start - b.start);
}

function judgeSentence(sentence: string, known: ReadonlySet<string>, extra: string[][]): Verdict | undefined {
	const tokens = tokenise(withoutQuotes(sentence));
	const mentions = mentionsOf(tokens, known);
	const people = mentions.filter((m) => m.strength !== 'someone');
	const named = (m: Mention | undefined) => m?.text;

	const villain = villainNoun(tokens);
	if (villain && people.length > 0) return { kind: 'villain', who: named(people[0]), phrase: villain };

	const hero = heroWords(tokens);
	for (const m of people) {
		const counterfactual = heroCounterfactual(tokens, m);
		if (counterfactual) return { kind: 'hero', who: m.text, phrase: counterfactual };
	}

	for (const m of mentions) {
		const agency = agencyOf(tokens, m, extra);
		if (!agency) continue;
		if (hero && ['single-handedly', 'singlehandedly', 'single handedly'].includes(hero)) return { kind: 'villain', who: m.text, phrase: `${hero} ${agency.phrase}` };
		const repeat = m.strength !== 'someone' ? villainContext(tokens) : undefined;
		if (repeat) return { kind: 'villain', who: m.text, phrase: `${agency.phrase} (${repeat})` };
		if (m.strength === 'someone') return { kind: 'human-error', who: m.text, phrase: agency.phrase };
		return { kind: m.strength === 'role' ? 'role-as-person' : 'blame', who: m.text, phrase: agency.phrase, how: agency.how };
	}

	if (hero) return { kind: 'hero', who: named(people[0]), phrase: hero };
	const framing = humanErrorFraming(tokens);
	if (framing) return { kind: 'human-error', phrase: framing };
	if (extra.length > 0 && people.length > 0) {
		const word = findPhrase(tokens, extra);
		if (word) return { kind: 'blame', who: people[0]!.text, phrase: word.phrase.join(' ') };
	}
	return undefined;
}
