import { INDEFINITE_PEOPLE, ROLE_BARE, ROLE_MODIFIERS, ROLE_NOUNS } from './words.ts';
import { anyPhraseAt, phraseAt, type Token } from './tokens.ts';
import type { Mention } from './people.ts';

/**
 * Roles that stand for one person ("the new hire", "the on-call engineer", "one of
 * our engineers", "the DBA on duty") and people nobody names ("someone", "whoever").
 */

const ROLE_OPENERS = new Set(['the', 'a', 'an', 'our', 'their', 'your', 'this', 'that', 'one']);
// After a bare "primary"/"secondary"/"on-call", what makes it the person rather than a region or a rotation.
const PERSON_FOLLOWERS = new Set(`was is had has did didn't never forgot missed ignored should could must needs failed skipped neglected
	overlooked acknowledged acked declined slept`.split(/\s+/));

const THING_AFTER_ROLE = new Set(`console dashboard onboarding account accounts access role roles group groups panel tool tools team teams
	rotation rota runbook runbooks handbook guide training program programme page pages queue channel channels permissions credentials
	laptop portal ui api cli view checklist shift shifts schedule handover notes experience survey session sessions pool interface
	mode user users password passwords token tokens`.split(/\s+/));

const IRREGULAR_PAST = new Set('kept ran took made left put sent went did had was forgot broke slept saw got gave'.split(' '));
const personFollows = (low: string) => PERSON_FOLLOWERS.has(low) || IRREGULAR_PAST.has(low) || /ed$/.test(low);

function afterRole(tokens: ReadonlyArray<Token>, end: number): number {
	// "the engineer on call", "the DBA on duty", "the person on-call"
	if (tokens[end]?.low === 'on' && ['call', 'duty', 'shift'].includes(tokens[end + 1]?.low ?? '')) return end + 2;
	if (tokens[end]?.low === 'on-call') return end + 1;
	return end;
}

/** Singular roles standing for one person, left to right. */
export function roleMentions(tokens: ReadonlyArray<Token>): Mention[] {
	const out: Mention[] = [];
	for (let i = 0; i < tokens.length; i++) {
		let j = i;
		// "one of our engineers", "one of the developers": one person, from a plural.
		if (tokens[i]!.low === 'one' && tokens[i + 1]?.low === 'of' && ['our', 'the', 'their'].includes(tokens[i + 2]?.low ?? '')) {
			let k = i + 3;
			while (k < tokens.length && ROLE_MODIFIERS.has(tokens[k]!.low)) k++;
			const plural = tokens[k]?.low.replace(/s$/, '') ?? '';
			if (ROLE_NOUNS.has(plural) || plural === 'sre' || plural === 'dba') {
				out.push(mention(tokens, i, k + 1, 'role'));
				i = k;
			}
			continue;
		}
		if (!ROLE_OPENERS.has(tokens[j]!.low)) continue;
		j++;
		while (j < tokens.length && ROLE_MODIFIERS.has(tokens[j]!.low) && !(ROLE_NOUNS.has(tokens[j]!.low) && !ROLE_MODIFIERS.has(tokens[j + 1]?.low ?? '') && !ROLE_NOUNS.has(tokens[j + 1]?.low ?? ''))) j++;
		const noun = tokens[j];
		if (!noun || noun.punct) continue;
		// "the on-call rota", "the on-call runbook": a bare role word before a noun is a modifier.
		const nextAfter = tokens[j + 1];
		if (ROLE_BARE.has(noun.low) && !noun.possessive && nextAfter && !nextAfter.punct && !personFollows(nextAfter.low)) continue;
		// "the admin console", "the engineer onboarding": the role word names a thing.
		if (ROLE_NOUNS.has(noun.low) && !noun.possessive && THING_AFTER_ROLE.has(nextAfter?.low ?? '')) continue;
		if (ROLE_NOUNS.has(noun.low)) {
			// "a person", "an individual": nobody named, which reads as human-error framing.
			const someone = j === i + 1 && ['a', 'an'].includes(tokens[i]!.low) && ['person', 'individual'].includes(noun.low);
			out.push(mention(tokens, i, afterRole(tokens, j + 1), someone ? 'someone' : 'role'));
			i = j;
			continue;
		}
		// "the secondary never looked", "the primary on-call didn't…": the bare role word, when a person's verb follows.
		const last = tokens[j - 1]!;
		if (j - 1 > i && ROLE_BARE.has(last.low) && personFollows(noun.low)) {
			out.push(mention(tokens, i, j, 'role'));
			i = j - 1;
		}
	}
	return out;
}

/** "someone", "somebody", "whoever": a person the sentence does not name. */
export function someoneMentions(tokens: ReadonlyArray<Token>): Mention[] {
	const out: Mention[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const phrase = anyPhraseAt(tokens, i, INDEFINITE_PEOPLE);
		if (phrase) out.push(mention(tokens, i, i + phrase.length, 'someone'));
	}
	return out;
}

function mention(tokens: ReadonlyArray<Token>, start: number, end: number, strength: Mention['strength']): Mention {
	const words = tokens.slice(start, end);
	const text = words.map((w, k) => (k === 0 && start === 0 ? w.text.toLowerCase() : w.text)).join(' ');
	return { start, end, text, strength, possessive: words[words.length - 1]!.possessive };
}
