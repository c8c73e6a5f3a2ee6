import { findBlame, type ToneFinding, type ToneOptions } from './blame.ts';

/**
 * The check over named text fields: what the drafting gate, the validator and
 * `npm run tone` hand it (a draft's summary and lessons, a first draft's factors and
 * action items, a postmortem's every human-written field).
 */

/** A piece of text and where it stands: `summary`, `lessons[2]`, `actionItems[0].title`, `(body)`. */
export interface ToneText {
	field: string;
	text: string;
}

/** A finding with the field its sentence is in. */
export interface FieldFinding extends ToneFinding {
	field: string;
}

/** Every finding in every field, in field order. */
export function findBlameInTexts(texts: ReadonlyArray<ToneText>, options: ToneOptions = {}): FieldFinding[] {
	return texts.flatMap(({ field, text }) => findBlame(text, options).map((f) => ({ field, ...f })));
}

/** The sentence of a finding, compared the way a reviewer would copy it into `blamelessExceptions` (spacing and curly quotes aside). */
export function sentenceKey(sentence: string): string {
	return sentence.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().replace(/[.!?]+$/, '').toLowerCase();
}

/** Whether a reviewer has judged this sentence blameless (`blamelessExceptions[].sentence`). */
export function isExcepted(sentence: string, exceptions: ReadonlyArray<{ sentence: string }>): boolean {
	const key = sentenceKey(sentence);
	return exceptions.some((e) => sentenceKey(e.sentence) === key);
}

/** The `phrase` of a finding the model reviewer made (it names no trigger words). */
export const REVIEWER_PHRASE = 'the tone reviewer';

/** One line for people: `"…" ties "forgot" to @dana`, `"…" is human-error framing ("human error")`. */
export function describeToneFinding(f: ToneFinding, max = 120): string {
	const quote = f.sentence.length > max ? `${f.sentence.slice(0, max - 3)}…` : f.sentence;
	if (f.phrase === REVIEWER_PHRASE) return `"${quote}" reads to the tone reviewer as ${f.kind}${f.who ? ` (${f.who})` : ''}`;
	switch (f.kind) {
		case 'blame':
			return `"${quote}" ties "${f.phrase}" to ${f.who}`;
		case 'role-as-person':
			return `"${quote}" ties "${f.phrase}" to ${f.who}, a role standing for one person`;
		case 'human-error':
			return `"${quote}" is human-error framing ("${f.phrase}")`;
		case 'hero':
			return `"${quote}" is a hero narrative ("${f.phrase}"${f.who ? `, ${f.who}` : ''})`;
		case 'villain':
			return `"${quote}" casts ${f.who ?? 'someone'} as the villain ("${f.phrase}")`;
	}
}
