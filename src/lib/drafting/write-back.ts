import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, parseDocument, stringify, type Pair, type Scalar } from 'yaml';
import { draftedSchema, DRAFTABLE_FIELDS, DRAFTED_FIELD_NAMES, type DraftableField, type DraftedFieldName } from '../../schemas/drafted.ts';
import { postmortemSchema } from '../../schemas/postmortem.ts';
import { isMissing } from './select.ts';
import { applySplices, editableParts, indentLines, lineStart, pairLines, type Splice } from '../frontmatter/text-edit.ts';

/**
 * The write stage, as a pure text edit: adds the drafted fields and the `drafted`
 * stamp to a postmortem's frontmatter and leaves every other byte as it was.
 *
 * It does not re-serialise the document. `yaml`'s document API finds where things
 * are; new fields are appended at the end of the frontmatter, and only lines the
 * model owns (an unreviewed draft, the old `drafted` stamp) are ever replaced,
 * where they stand. The result is parsed again and compared before it is accepted.
 */

/** The drafted values to add, by field. */
export type DraftValues = Partial<{ summary: string; lessons: string[] }>;

/** Who drafted, and when. */
export interface DraftStamp {
	model: string;
	at: Date;
}

export type WriteBack = { ok: true; text: string; fields: DraftableField[] } | { ok: false; reason: string };

const REVIEW_HINT = 'set to true once a person has read and edited the drafted fields';

/**
 * YAML for one drafted field, quoted so YAML 1.1 (Astro's loader) and 1.2 (the
 * scripts) both read strings. The summary is folded at 80 columns so a reviewer
 * can edit it comfortably; lessons stay one line each.
 */
function renderField(field: DraftableField, values: DraftValues): string {
	const doc = new Document({ [field]: values[field] }, { version: '1.1' });
	if (field === 'summary') {
		const node = doc.get('summary', true) as Scalar;
		node.type = 'BLOCK_FOLDED';
		return doc.toString({ lineWidth: 80 });
	}
	return doc.toString({ lineWidth: 0 });
}

function renderStamp(stamp: DraftStamp, fields: ReadonlyArray<DraftedFieldName>, sources: ReadonlyArray<string> | undefined): string {
	const model = stringify(stamp.model, { version: '1.1' }).trimEnd();
	const at = stamp.at.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const lines = ['drafted:', `  model: ${model}`, `  at: ${at}`, `  fields: [${fields.join(', ')}]`, `  reviewed: false # ${REVIEW_HINT}`];
	// A first draft's sources stay with the stamp when its summary or lessons are redrafted.
	if (sources) lines.push(`  sources: ${stringify(sources, { version: '1.1', collectionStyle: 'flow' }).trimEnd()}`);
	return [...lines, ''].join('\n');
}

/**
 * Adds `values` and a fresh `drafted` stamp to the file's frontmatter. Refuses,
 * with a reason, to touch a field people own: one that is present and not listed
 * in an unreviewed `drafted.fields`.
 */
export function applyDraft(fileText: string, values: DraftValues, stamp: DraftStamp): WriteBack {
	const parts = editableParts(fileText);
	if (!parts) return { ok: false, reason: 'the file has no closed --- frontmatter' };
	const { head, tail, eol } = parts;
	const doc = parseDocument(parts.yaml, { uniqueKeys: true });
	if (doc.errors.length > 0) return { ok: false, reason: `the frontmatter is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}` };
	if (!isMap(doc.contents) || doc.contents.flow) return { ok: false, reason: 'the frontmatter is not a block mapping of fields' };
	const before = doc.toJS() as Record<string, unknown>;

	const fields = DRAFTABLE_FIELDS.filter((f) => values[f] !== undefined);
	if (fields.length === 0) return { ok: false, reason: 'nothing to write' };

	let previous: { fields: DraftedFieldName[]; reviewed: boolean; sources?: string[] } | undefined;
	if (before.drafted !== undefined) {
		const parsed = draftedSchema.safeParse(before.drafted);
		if (!parsed.success) return { ok: false, reason: 'drafted is not valid ({model, at, fields, reviewed}); fix it before drafting again' };
		previous = parsed.data;
	}
	const modelOwned = new Set<string>(previous && !previous.reviewed ? previous.fields : []);
	for (const f of fields) {
		if (!isMissing(before, f) && !modelOwned.has(f)) return { ok: false, reason: `${f} was written or reviewed by people; it is never redrafted` };
	}
	const stampFields = DRAFTED_FIELD_NAMES.filter((f) => (fields as string[]).includes(f) || modelOwned.has(f));
	const sources = previous && !previous.reviewed ? previous.sources : undefined;

	// Pairs the model owns are replaced where they stand; the others are appended at the end.
	const rendered = new Map<string, string>(fields.map((f) => [f, renderField(f, values)]));
	rendered.set('drafted', renderStamp(stamp, stampFields, sources));
	const splices: Splice[] = [];
	let indent = '';
	for (const [i, pair] of doc.contents.items.entries()) {
		const name = isScalar(pair.key) ? String(pair.key.value) : '';
		const key = pair.key as { range?: [number, number, number] } | null;
		if (i === 0 && key?.range) indent = parts.yaml.slice(lineStart(parts.yaml, key.range[0]), key.range[0]);
		if (indent.trim() !== '') indent = '';
		const text = rendered.get(name);
		if (text === undefined) continue;
		const lines = pairLines(parts.yaml, pair);
		if (!lines) return { ok: false, reason: `could not find the lines of ${name} to replace` };
		splices.push({ from: lines[0], to: lines[1], text: indentLines(text, indent, eol) });
		rendered.delete(name);
	}
	let yaml = applySplices(parts.yaml, splices);
	if (yaml.length > 0 && !yaml.endsWith('\n')) yaml += eol;
	yaml += indentLines([...rendered.values()].join(''), indent, eol);

	// Check the edit: everything else reads back the same, the new fields read back as given.
	const check = parseDocument(yaml, { uniqueKeys: true });
	if (check.errors.length > 0) return { ok: false, reason: `adding the draft would break the frontmatter (${check.errors[0]!.message.split('\n')[0]}); nothing was written` };
	const after = check.toJS() as Record<string, unknown>;
	const expected: Record<string, unknown> = { ...before };
	for (const f of fields) expected[f] = values[f];
	expected.drafted = { model: stamp.model, at: stamp.at.toISOString().replace(/\.\d{3}Z$/, 'Z'), fields: stampFields, reviewed: false, ...(sources ? { sources } : {}) };
	if (!isDeepStrictEqual(after, expected)) return { ok: false, reason: 'adding the draft would change other fields; nothing was written' };
	const valid = postmortemSchema.safeParse(after);
	if (!valid.success) {
		const issue = valid.error.issues[0]!;
		return { ok: false, reason: `the drafted file would not be valid (${issue.path.join('.')}: ${issue.message}); nothing was written` };
	}
	return { ok: true, text: head + yaml + tail, fields };
}
