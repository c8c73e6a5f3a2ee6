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

/** The template placeholders still present in a postmortem's frontmatter. */
export function leftoverPlaceholders(pm: { services: ReadonlyArray<string>; authors: ReadonlyArray<string>; impact: { summary: string } }): LeftoverPlaceholder[] {
	const out: LeftoverPlaceholder[] = [];
	pm.services.forEach((s, i) => {
		if (s === PLACEHOLDERS.service) out.push({ path: `services[${i}]`, value: s, hint: 'the slug of a service involved, e.g. checkout-api' });
	});
	pm.authors.forEach((a, i) => {
		if (a === PLACEHOLDERS.author) out.push({ path: `authors[${i}]`, value: a, hint: 'your own handle, e.g. @dana' });
	});
	if (pm.impact.summary.startsWith('TODO')) out.push({ path: 'impact.summary', value: pm.impact.summary, hint: 'what users experienced, in a sentence or two' });
	return out;
}
