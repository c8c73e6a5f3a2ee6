import type { Postmortem } from '../../schemas/postmortem.ts';
import type { ToneText } from './fields.ts';
import { isConfidentName, looksLikePerson, nameMentions } from './people.ts';
import { tokenise } from './tokens.ts';

/**
 * What the tone check reads in a postmortem: the people it names (so "Wren's change
 * broke…" is caught even when Wren is no common first name) and its human-written text.
 */

/** People the postmortem names: authors, reviewers, owners that look like people, and the timeline's actors. */
export function postmortemPeople(pm: Pick<Postmortem, 'authors' | 'reviews' | 'actionItems'> & { timeline?: Postmortem['timeline'] }): string[] {
	const people = new Set<string>();
	for (const a of pm.authors) if (looksLikePerson(a)) people.add(a);
	for (const r of pm.reviews) if (looksLikePerson(r.by)) people.add(r.by);
	for (const i of pm.actionItems) if (looksLikePerson(i.owner)) people.add(i.owner);
	// "Sarah acknowledged the page", "PagerDuty paged @kim": whoever the timeline names is a person of this incident
	// (when the name is clearly a person's: a product in the timeline must not become "known").
	for (const e of pm.timeline ?? []) for (const m of nameMentions(tokenise(e.event), new Set())) if (isConfidentName(m.text)) people.add(m.text);
	return [...people];
}

/** The human-written text fields of a postmortem, with their paths; fields the model drafted and nobody reviewed are the drafting gate's. */
export function humanTextFields(pm: Postmortem, body: string): ToneText[] {
	const drafted = pm.drafted && !pm.drafted.reviewed ? new Set(pm.drafted.fields) : new Set<string>();
	const out: ToneText[] = [];
	const add = (field: string, text: string) => out.push({ field, text });
	if (!drafted.has('title')) add('title', pm.title);
	if (!drafted.has('impact')) add('impact.summary', pm.impact.summary);
	if (pm.summary && !drafted.has('summary')) add('summary', pm.summary);
	if (pm.lessons && !drafted.has('lessons')) pm.lessons.forEach((text, i) => add(`lessons[${i}]`, text));
	if (!drafted.has('timeline')) pm.timeline.forEach((e, i) => add(`timeline[${i}].event`, e.event));
	if (!drafted.has('contributingFactors')) pm.contributingFactors.forEach((f, i) => add(`contributingFactors[${i}].description`, f.description));
	if (!drafted.has('actionItems')) {
		pm.actionItems.forEach((a, i) => {
			add(`actionItems[${i}].title`, a.title);
			if (a.rationale) add(`actionItems[${i}].rationale`, a.rationale);
		});
	}
	if (body.trim()) add('(body)', body);
	return out;
}
