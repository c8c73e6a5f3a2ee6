import type { DraftOutput } from '../../schemas/draft-output.ts';
import type { DraftableField } from '../../schemas/drafted.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import { peopleOf } from '../validation/policies.ts';
import { findBlame, type BlameFinding } from '../tone/blame.ts';

/** A sentence of a draft that ties a mistake to a person, with the field it is in. */
export interface DraftFinding extends BlameFinding {
	/** `summary` or `lessons[2]`. */
	path: string;
}

/**
 * The tone gate: the validator's blame check, run over the fields that would be
 * written, with the people this postmortem names (authors, reviewers, owners that
 * look like people) as known names so "Dana's change caused…" is caught too.
 */
export function draftFindings(
	draft: DraftOutput,
	fields: ReadonlyArray<DraftableField>,
	blameWords: ReadonlyArray<string>,
	pm: Pick<Postmortem, 'authors' | 'reviews' | 'actionItems'>,
): DraftFinding[] {
	const options = { blameWords, knownPeople: peopleOf(pm) };
	const out: DraftFinding[] = [];
	if (fields.includes('summary')) for (const f of findBlame(draft.summary, options)) out.push({ path: 'summary', ...f });
	if (fields.includes('lessons')) {
		draft.lessons.forEach((lesson, i) => {
			for (const f of findBlame(lesson, options)) out.push({ path: `lessons[${i}]`, ...f });
		});
	}
	return out;
}

/** One finding for people: `summary: "…" ties "forgot" to @dana`. */
export function describeFinding(f: DraftFinding): string {
	const quote = f.sentence.length > 100 ? `${f.sentence.slice(0, 97)}…` : f.sentence;
	return `${f.path}: "${quote}" ties "${f.phrase}" to ${f.person}`;
}

/** The follow-up turn that asks the model to rewrite a draft the gate rejected. */
export function rewriteRequest(findings: ReadonlyArray<DraftFinding>): string {
	return [
		'That draft cannot be used: it ties a mistake to a person, which a blameless postmortem never does.',
		...findings.map((f) => `- ${describeFinding(f)}`),
		'',
		'Rewrite both fields. Name no person or @handle next to an error, omission or decision that went wrong; describe instead the conditions in the system, tooling or process that allowed it. Keep the facts and the specificity.',
	].join('\n');
}
