import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Pair, type YAMLMap } from 'yaml';
import { postmortemSchema } from '../../schemas/postmortem.ts';
import { applySplices, editableParts, lineEndAfter, lineStart, pairLines, type Splice } from './text-edit.ts';

/**
 * Edits fields of one action item in a postmortem's frontmatter, byte for byte:
 * a value that is there is replaced where it stands (a comment after it stays), a
 * new field is added as one line at the end of the item, a removed field's lines
 * go. Nothing else moves. The result is parsed again and compared with what was
 * asked for before it is accepted, as the drafting write-back does.
 */

/** The action-item fields tools write: the ticket link, and what ticket sync changes. */
export type EditableItemField = 'ticket' | 'status' | 'completedOn';

export interface ItemEdit {
	/** Fields to set (added when missing, replaced when present). */
	set?: Partial<Record<EditableItemField, string>>;
	/** Fields to remove when present. */
	remove?: EditableItemField[];
}

export type ItemEditResult = { ok: true; text: string } | { ok: false; reason: string };

const DATE_FIELDS: ReadonlySet<EditableItemField> = new Set(['completedOn']);

/** The YAML text of a value: dates unquoted as the format's examples write them, anything else quoted only when YAML 1.1 or 1.2 needs it. */
function renderValue(field: EditableItemField, value: string): string {
	if (DATE_FIELDS.has(field) && /^\d{4}-\d\d-\d\d$/.test(value)) return value;
	return stringify(value, { version: '1.1', lineWidth: 0 }).trimEnd();
}

function findItem(items: unknown, itemId: string): YAMLMap | string {
	if (!isSeq(items)) return 'actionItems is not a list';
	if (items.flow) return 'actionItems is written as a [flow] list; write it as a block list to let tools edit it';
	const matches = items.items.filter((node): node is YAMLMap => isMap(node) && node.get('id') !== undefined && String(node.get('id')) === itemId);
	if (matches.length === 0) return `no action item with id ${itemId}`;
	if (matches.length > 1) return `more than one action item has id ${itemId}`;
	const item = matches[0]!;
	if (item.flow) return `action item ${itemId} is written as a { flow } mapping; write it as block lines to let tools edit it`;
	return item;
}

const fieldName = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : '');

/** Applies `edit` to the action item `itemId` of a postmortem file. */
export function editActionItem(fileText: string, itemId: string, edit: ItemEdit): ItemEditResult {
	const parts = editableParts(fileText);
	if (!parts) return { ok: false, reason: 'the file has no closed --- frontmatter' };
	const doc = parseDocument(parts.yaml, { uniqueKeys: true });
	if (doc.errors.length > 0) return { ok: false, reason: `the frontmatter is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}` };
	if (!isMap(doc.contents)) return { ok: false, reason: 'the frontmatter is not a mapping of fields' };
	const before = doc.toJS() as Record<string, unknown>;
	const item = findItem(doc.contents.get('actionItems', true), itemId);
	if (typeof item === 'string') return { ok: false, reason: item };

	const yaml = parts.yaml;
	const splices: Splice[] = [];
	const added: string[] = [];
	for (const [field, value] of Object.entries(edit.set ?? {}) as Array<[EditableItemField, string]>) {
		const pair = item.items.find((p) => fieldName(p) === field);
		const text = renderValue(field, value);
		const node = pair?.value as { range?: [number, number, number] } | null | undefined;
		if (pair && node?.range && isScalar(pair.value)) splices.push({ from: node.range[0], to: node.range[1], text });
		else if (pair) return { ok: false, reason: `${field} of ${itemId} is not a single value; fix it by hand` };
		else added.push(`${field}: ${text}`);
	}
	for (const field of edit.remove ?? []) {
		const pair = item.items.find((p) => fieldName(p) === field);
		if (!pair) continue;
		const lines = pairLines(yaml, pair);
		if (!lines) return { ok: false, reason: `${field} of ${itemId} shares its line with another field; remove it by hand` };
		splices.push({ from: lines[0], to: lines[1], text: '' });
	}
	if (added.length) {
		const first = item.items[0]?.key as { range?: [number, number, number] } | undefined;
		const last = item.items.at(-1)!;
		const lastEnd = (last.value as { range?: [number, number, number] } | null)?.range?.[1] ?? (last.key as { range: [number, number, number] }).range[1];
		if (!first?.range) return { ok: false, reason: `could not find where action item ${itemId} starts` };
		const indent = ' '.repeat(first.range[0] - lineStart(yaml, first.range[0]));
		const at = lineEndAfter(yaml, lastEnd);
		const lead = at === yaml.length && !yaml.endsWith('\n') && yaml.length > 0 ? parts.eol : '';
		splices.push({ from: at, to: at, text: lead + added.map((line) => `${indent}${line}${parts.eol}`).join('') });
	}
	const next = applySplices(yaml, splices);

	// Check the edit: the item reads back as asked, everything else exactly as before.
	const check = parseDocument(next, { uniqueKeys: true });
	if (check.errors.length > 0) return { ok: false, reason: `the edit would break the frontmatter (${check.errors[0]!.message.split('\n')[0]}); nothing was written` };
	const after = check.toJS() as Record<string, unknown>;
	const expected = structuredClone(before);
	const target = (expected.actionItems as Array<Record<string, unknown>>).find((i) => String(i.id) === itemId)!;
	for (const [field, value] of Object.entries(edit.set ?? {})) target[field] = value;
	for (const field of edit.remove ?? []) delete target[field];
	if (!isDeepStrictEqual(normalise(after), normalise(expected))) return { ok: false, reason: `the edit would change other fields of the file; nothing was written` };
	const valid = postmortemSchema.safeParse(after);
	if (!valid.success) {
		const issue = valid.error.issues[0]!;
		return { ok: false, reason: `the file would not be valid (${issue.path.join('.')}: ${issue.message}); nothing was written` };
	}
	return { ok: true, text: parts.head + next + parts.tail };
}

/** Key order inside the edited item does not matter for the comparison. */
function normalise(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(normalise);
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, normalise(v)]));
	}
	return value;
}
