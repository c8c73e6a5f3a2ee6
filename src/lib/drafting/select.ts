import { DRAFTABLE_FIELDS, type DraftableField } from '../../schemas/drafted.ts';
import type { ValidEntry } from '../validation/validate-archive.ts';
import { leftoverPlaceholders } from '../validation/placeholders.ts';

/** A postmortem with the fields the model should draft for it. */
export interface DraftTarget {
	entry: ValidEntry;
	/** Fields to draft, in `DRAFTABLE_FIELDS` order. */
	fields: DraftableField[];
	/** Of `fields`, the ones that hold an unreviewed model draft today (redrafted with `--force`). */
	redraft: DraftableField[];
}

export interface SelectOptions {
	/** Only these slugs (all when empty). */
	only?: ReadonlyArray<string>;
	/** Also redraft fields the model wrote that nobody has reviewed yet. */
	force?: boolean;
}

/** Whether a field is absent from the frontmatter as people wrote it (an empty list counts as absent). */
export function isMissing(raw: Record<string, unknown>, field: DraftableField): boolean {
	const value = raw[field];
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	return Array.isArray(value) && value.length === 0;
}

/**
 * Fields the model still owns: listed in `drafted.fields` while `drafted.reviewed`
 * is false. Everything else that is present was written (or taken over) by people.
 */
export function unreviewedDraftFields(entry: Pick<ValidEntry, 'data'>): DraftableField[] {
	const drafted = entry.data.drafted;
	return drafted && !drafted.reviewed ? DRAFTABLE_FIELDS.filter((f) => drafted.fields.includes(f)) : [];
}

/** The fields to draft for one postmortem: missing ones, plus unreviewed drafts with `force`. */
export function fieldsToDraft(entry: Pick<ValidEntry, 'data' | 'raw'>, force = false): { fields: DraftableField[]; redraft: DraftableField[] } {
	const unreviewed = unreviewedDraftFields(entry);
	const redraft = force ? unreviewed.filter((f) => !isMissing(entry.raw, f)) : [];
	const fields = DRAFTABLE_FIELDS.filter((f) => isMissing(entry.raw, f) || redraft.includes(f));
	return { fields, redraft };
}

/**
 * Every postmortem not yet published that has something to draft, in archive order.
 * A published one is left alone: an unreviewed model draft may not be published
 * (postmortem-format.md), so drafting into it would take it off the site.
 */
export function selectDraftTargets(entries: ReadonlyArray<ValidEntry>, options: SelectOptions = {}): DraftTarget[] {
	const only = options.only && options.only.length > 0 ? new Set(options.only) : undefined;
	const out: DraftTarget[] = [];
	for (const entry of entries) {
		if (only && !only.has(entry.slug)) continue;
		if (entry.data.status === 'published') continue;
		const { fields, redraft } = fieldsToDraft(entry, options.force);
		if (fields.length > 0) out.push({ entry, fields, redraft });
	}
	return out;
}

/** Slugs given with `--only` that name no postmortem in the archive. */
export function unknownSlugs(entries: ReadonlyArray<Pick<ValidEntry, 'slug'>>, only: ReadonlyArray<string>): string[] {
	const known = new Set(entries.map((e) => e.slug));
	return only.filter((s) => !known.has(s));
}

/** What is said of a scaffold from `npm run new` that still holds its placeholders. */
export const FILL_IN_TEMPLATE_FIRST = 'fill in the template first: it still holds the placeholders of npm run new';

/**
 * Splits targets into those worth a request and untouched scaffolds: a template that
 * still holds its `TODO`s describes no incident, so a model would only invent one.
 */
export function splitScaffolds(targets: ReadonlyArray<DraftTarget>): { ready: DraftTarget[]; scaffolds: DraftTarget[] } {
	const ready: DraftTarget[] = [];
	const scaffolds: DraftTarget[] = [];
	for (const t of targets) (leftoverPlaceholders(t.entry.data).length > 0 ? scaffolds : ready).push(t);
	return { ready, scaffolds };
}
