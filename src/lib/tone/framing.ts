import { HUMAN_ERROR, META_BEFORE } from './words.ts';
import { anyPhraseAt, phraseBefore, type Token } from './tokens.ts';

/**
 * "Human error" framing: the verdict that a person erred, with nobody named
 * ("the root cause was human error", "carelessness during the deploy", "we need to be
 * more careful"). Talking about the label is fine: "this was not human error",
 * "rather than calling this operator error".
 */

// Words after "user error" / "human error" that make it a metric or a field ("user error rates").
const NOT_FRAMING_AFTER = new Set(['rate', 'rates', 'count', 'counts', 'budget', 'page', 'pages', 'message', 'messages', 'code', 'codes', 'factors', 'factor']);

/** The human-error phrase a sentence uses as its verdict, if any. */
export function humanErrorFraming(tokens: ReadonlyArray<Token>): string | undefined {
	for (let i = 0; i < tokens.length; i++) {
		const phrase = anyPhraseAt(tokens, i, HUMAN_ERROR);
		if (!phrase) continue;
		if (NOT_FRAMING_AFTER.has(tokens[i + phrase.length]?.low ?? '')) continue;
		if (isMeta(tokens, i)) continue;
		return phrase.join(' ');
	}
	return undefined;
}

/** Whether the words before `i` negate or discuss the label rather than assert it. */
function isMeta(tokens: ReadonlyArray<Token>, i: number): boolean {
	for (let k = i; k >= Math.max(0, i - 4); k--) {
		if (phraseBefore(tokens, k, META_BEFORE)) return true;
		if (tokens[k - 1]?.low.endsWith("n't")) return true;
	}
	return false;
}
