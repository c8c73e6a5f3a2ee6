import type { DraftOutput } from '../../schemas/draft-output.ts';
import type { DraftableField } from '../../schemas/drafted.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { ToneOptions } from '../tone/blame.ts';
import { describeToneFinding, findBlameInTexts, type FieldFinding, type ToneText } from '../tone/fields.ts';
import { postmortemPeople } from '../tone/postmortem-texts.ts';

/**
 * The tone gate's deterministic layer: the validator's blameless-language check, run
 * over the fields that would be written, with the people this postmortem names
 * (authors, reviewers, owners, timeline actors) as known names. Any drafted text can
 * pass through it as a list of `{field, text}` (`gateFindings`).
 */

/** A sentence of a draft that does not read as blameless, with the field it is in. */
export interface DraftFinding extends FieldFinding {
	/** `summary`, `lessons[2]`, `contributingFactors[0].description`: the same as `field`. */
	path: string;
}

/** The postmortem facts the gate uses: who it names. */
export type GatePostmortem = Pick<Postmortem, 'authors' | 'reviews' | 'actionItems'> & { timeline?: Postmortem['timeline'] };

/** Findings in any list of drafted texts: the one entry point every drafting path gates through. */
export function gateFindings(texts: ReadonlyArray<ToneText>, options: ToneOptions): DraftFinding[] {
	return findBlameInTexts(texts, options).map((f) => ({ ...f, path: f.field }));
}

// The text inside one drafted value: a string, a list of strings, an object's text fields, a list of such objects.
const TEXT_KEYS = ['summary', 'description', 'title', 'rationale', 'event'];
function textsOf(field: string, value: unknown, out: ToneText[]): void {
	if (typeof value === 'string') out.push({ field, text: value });
	else if (Array.isArray(value)) value.forEach((v, i) => textsOf(`${field}[${i}]`, v, out));
	else if (value && typeof value === 'object' && !(value instanceof Date)) {
		for (const key of TEXT_KEYS) if (typeof (value as Record<string, unknown>)[key] === 'string') out.push({ field: `${field}.${key}`, text: (value as Record<string, string>)[key]! });
	}
}

/** The texts of the fields of a draft that would be written: `summary`, `lessons[0]`, `impact.summary`, `actionItems[1].title`, … */
export function draftTexts(draft: Partial<DraftOutput> & Record<string, unknown>, fields: ReadonlyArray<DraftableField | string>): ToneText[] {
	const out: ToneText[] = [];
	for (const field of fields) textsOf(field, draft[field], out);
	return out;
}

/** The deterministic findings in the fields of a draft that would be written. */
export function draftFindings(
	draft: Partial<DraftOutput> & Record<string, unknown>,
	fields: ReadonlyArray<DraftableField | string>,
	blameWords: ReadonlyArray<string>,
	pm: GatePostmortem,
): DraftFinding[] {
	return gateFindings(draftTexts(draft, fields), { blameWords, knownPeople: postmortemPeople(pm) });
}

/** One finding for people: `summary: "…" ties "forgot" to @dana`. */
export function describeFinding(f: DraftFinding): string {
	return `${f.path}: ${describeToneFinding(f, 100)}`;
}

/** The follow-up turn that asks the model to rewrite a draft the gate rejected. */
export function rewriteRequest(findings: ReadonlyArray<DraftFinding>): string {
	return [
		'That draft cannot be used: it does not read as blameless, which a postmortem here always must.',
		...findings.map((f) => `- ${describeFinding(f)}. ${f.hint}`),
		'',
		'Rewrite all the fields. Name no person, @handle or role standing for one person next to an error, omission or decision that went wrong; no "human error" framing, no heroes and no villains. Describe instead the conditions in the system, tooling or process that allowed it. Keep the facts and the specificity.',
	].join('\n');
}
