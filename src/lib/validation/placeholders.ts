/**
 * The placeholder values `npm run new` writes into a fresh postmortem. They pass
 * the schema (so a new draft never breaks the build) and the validator warns
 * while any of them is still there.
 */
export const PLACEHOLDERS = {
	service: 'service-name',
	author: '@your-handle',
	impactSummary: 'TODO: what did users experience, and for how long?',
} as const;

/** A placeholder left in a postmortem, with its field path. */
export interface LeftoverPlaceholder {
	path: string;
	value: string;
	/** What to write instead. */
	hint: string;
}

/** Whether a value is a scaffold `TODO` (a first draft's owner, a placeholder title or summary). */
export function isTodo(value: string | undefined): boolean {
	return value !== undefined && /^TODO\b/.test(value.trim());
}

/** What a leftover-placeholder check reads of a postmortem. */
export interface PlaceholderSubject {
	services: ReadonlyArray<string>;
	authors: ReadonlyArray<string>;
	impact: { summary: string };
	title?: string;
	summary?: string;
	actionItems?: ReadonlyArray<{ title: string; owner: string }>;
}

/** The template placeholders and `TODO`s still present in a postmortem's frontmatter. */
export function leftoverPlaceholders(pm: PlaceholderSubject): LeftoverPlaceholder[] {
	const out: LeftoverPlaceholder[] = [];
	if (isTodo(pm.title)) out.push({ path: 'title', value: pm.title!, hint: 'what happened, in a line' });
	pm.services.forEach((s, i) => {
		if (s === PLACEHOLDERS.service) out.push({ path: `services[${i}]`, value: s, hint: 'the slug of a service involved, e.g. checkout-api' });
	});
	pm.authors.forEach((a, i) => {
		if (a === PLACEHOLDERS.author) out.push({ path: `authors[${i}]`, value: a, hint: 'your own handle, e.g. @dana' });
	});
	if (isTodo(pm.impact.summary)) out.push({ path: 'impact.summary', value: pm.impact.summary, hint: 'what users experienced, in a sentence or two' });
	if (isTodo(pm.summary)) out.push({ path: 'summary', value: pm.summary!, hint: 'what happened, in a paragraph' });
	pm.actionItems?.forEach((item, i) => {
		if (isTodo(item.title)) out.push({ path: `actionItems[${i}].title`, value: item.title, hint: 'what will be done' });
		if (isTodo(item.owner)) out.push({ path: `actionItems[${i}].owner`, value: item.owner, hint: 'the person or team handle who will do it' });
	});
	return out;
}
