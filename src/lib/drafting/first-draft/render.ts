import { Document, isMap, isPair, isScalar } from 'yaml';
import type { DraftedFieldName } from '../../../schemas/drafted.ts';

/**
 * The new postmortem file of a first draft, as text: a commented frontmatter for
 * the reviewers, the `drafted` provenance, and a body of prompts for the parts only
 * people can write. Pure; the command decides the file name and writes it.
 */

export interface Provenance {
	model: string;
	at: Date;
	fields: ReadonlyArray<DraftedFieldName>;
	/** The artefact files the draft was made from, relative to the artefact folder. */
	sources: ReadonlyArray<string>;
}

const REVIEW_HINT = ' set to true once people have checked every drafted field against the artefacts';

const HEADER = (folder: string) =>
	[
		` A first draft written by a model from the incident's artefacts (${folder}).`,
		' Review it in a pull request: check the timeline against the artefacts (refs name the events),',
		' the framing of the contributing factors, and each action item; replace every TODO',
		' (owners, placeholders) and set drafted.reviewed: true. Until then it cannot be published.',
		' The format: docs/format.md. Check it with: npm run validate',
	].join('\n');

const BODY = `
## What happened

<!-- The story in the responders' words: what they saw, what they tried, and why it made sense at the time. -->

## What was hard

<!-- Where the response was slowed down: missing signals, access, runbooks, people who could not be reached. -->

## Customer communication

<!-- What the affected users were told, when and where, and what they are still owed. -->

## Where we got lucky
`;

/** The whole file: frontmatter (with `drafted`) and body. */
export function renderFirstDraft(frontmatter: Record<string, unknown>, provenance: Provenance, folder: string): string {
	const drafted = {
		model: provenance.model,
		at: provenance.at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
		fields: [...provenance.fields],
		reviewed: false,
		sources: [...provenance.sources],
	};
	// YAML 1.1 quoting, so Astro's loader (1.1) and the scripts (1.2) read the same strings.
	const doc = new Document({ ...frontmatter, drafted }, { version: '1.1' });
	doc.commentBefore = HEADER(folder);
	const stamp = doc.get('drafted', true);
	if (isMap(stamp)) {
		for (const pair of stamp.items) {
			if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'reviewed' && isScalar(pair.value)) pair.value.comment = REVIEW_HINT;
		}
	}
	return `---\n${doc.toString({ lineWidth: 100 })}---\n${BODY}`;
}
