import type { SourceFile } from '../validation/validate-archive.ts';
import type { StyleExample } from './examples.ts';
import { draftPrompt, type DraftPrompt } from './prompt.ts';
import type { DraftTarget } from './select.ts';

/** One postmortem ready to draft: what to draft, where it lives, the file as read, the prompt. */
export interface PlannedDraft {
	target: DraftTarget;
	/** The file to write, as shown to people (relative to the working directory, where the CLI resolves it). */
	file: string;
	/** The whole file as read; the writer refuses if it has changed since. */
	text: string;
	prompt: DraftPrompt;
}

/** Pairs every target with its source text and builds its prompt. */
export function planDrafts(sources: ReadonlyArray<SourceFile>, targets: ReadonlyArray<DraftTarget>, examples: ReadonlyArray<StyleExample>): PlannedDraft[] {
	const bySlug = new Map(sources.map((s) => [s.slug, s]));
	return targets.map((target) => {
		const source = bySlug.get(target.entry.slug)!;
		return {
			target,
			file: source.file,
			text: source.text,
			prompt: draftPrompt(examples, { text: source.text, body: target.entry.body, fields: target.fields }),
		};
	});
}
