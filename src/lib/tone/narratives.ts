import { HERO, NEGATORS, VILLAIN } from './words.ts';
import { anyPhraseAt, findPhrase, type Token } from './tokens.ts';
import type { Mention } from './people.ts';

/**
 * Hero and villain narratives: one person saving the day (or "heroic efforts" by
 * anyone), and a person cast as the villain of the story. Symmetric credit ("thanks
 * to everyone on the bridge", "thanks to Ana, Ben and Chen") is not a narrative.
 */

const VILLAIN_NOUNS = VILLAIN.filter((p) => ['culprit', 'culprits', 'villain', 'villains', 'bad guy', 'bad guys', 'guilty party', 'offender', 'repeat offender', 'to blame'].includes(p.join(' ')));
const VILLAIN_CONTEXT = VILLAIN.filter((p) => !VILLAIN_NOUNS.includes(p));

function negatedAt(tokens: ReadonlyArray<Token>, i: number): boolean {
	for (let k = Math.max(0, i - 3); k < i; k++) if (NEGATORS.has(tokens[k]!.low) || tokens[k]!.low.endsWith("n't") || tokens[k]!.low === 'than') return true;
	return false;
}

/** The hero words of a sentence, unless negated ("no heroics were needed"). */
export function heroWords(tokens: ReadonlyArray<Token>): string | undefined {
	for (let i = 0; i < tokens.length; i++) {
		const phrase = anyPhraseAt(tokens, i, HERO);
		if (phrase && !negatedAt(tokens, i)) return phrase.join(' ');
	}
	return undefined;
}

/**
 * A counterfactual that makes one person the reason things were not worse:
 * "without Jordan's quick thinking we would have…", "if it weren't for Aoife…",
 * "if @kim hadn't caught it…".
 */
export function heroCounterfactual(tokens: ReadonlyArray<Token>, m: Mention): string | undefined {
	const before = tokens.slice(Math.max(0, m.start - 4), m.start).map((t) => t.low).join(' ');
	// "the recovery rested on Amara's shoulders", "depended on Klaus": one person as the single point of recovery.
	const leaning = /(?:^|\s)(?:rested|rests|depended|depends|relied|relies|hinged|hinges|hung) (?:entirely |solely |wholly )?on$/.exec(before);
	if (leaning) return `${leaning[0].trim()} ${m.text}`;
	// "we owe the quick recovery to Dagny"
	if (tokens[m.start - 1]?.low === 'to' && tokens.slice(0, m.start).some((t) => t.low === 'owe' || t.low === 'owed')) return `owe … to ${m.text}`;
	const would = tokens.slice(m.end).some((t) => ['would', 'could', "wouldn't", "couldn't", 'might'].includes(t.low));
	if (!would) return undefined;
	if (/(?:^|\s)(?:without|but for|if not for|if it weren't for|if it wasn't for|were it not for|had it not been for)$/.test(before)) return `${before.split(' ').slice(-2).join(' ')} ${m.text}`;
	const after = tokens.slice(m.end, m.end + 2).map((t) => t.low).join(' ');
	if (tokens[m.start - 1]?.low === 'if' && /^(?:had not|hadn't|did not|didn't)/.test(after)) return `if ${m.text} ${after}`;
	return undefined;
}

/** The villain word of a sentence ("culprit", "villain", "to blame"), unless negated. */
export function villainNoun(tokens: ReadonlyArray<Token>): string | undefined {
	const found = findPhrase(tokens, VILLAIN_NOUNS);
	return found && !negatedAt(tokens, found.at) ? found.phrase.join(' ') : undefined;
}

/** Words that make a blamed person a repeat offender ("again", "as usual"). */
export function villainContext(tokens: ReadonlyArray<Token>): string | undefined {
	const found = findPhrase(tokens, VILLAIN_CONTEXT);
	if (found) return found.phrase.join(' ');
	// "has caused three outages", "the third outage this year"
	const repeat = tokens.findIndex((t, i) => ['third', 'fourth', 'fifth', 'another'].includes(t.low) && ['outage', 'incident', 'time'].includes(tokens[i + 1]?.low ?? ''));
	if (repeat >= 0) return `${tokens[repeat]!.low} ${tokens[repeat + 1]!.low}`;
	const count = tokens.findIndex((t, i) => ['caused', 'broken'].includes(t.low) && /^(?:two|three|four|five|several|many|\d+)$/.test(tokens[i + 1]?.low ?? ''));
	return count >= 0 ? `${tokens[count]!.low} ${tokens[count + 1]!.low}` : undefined;
}
