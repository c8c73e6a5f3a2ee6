/**
 * Open items a view counts but does not list (issue 17). At 10,000 postmortems the
 * archive has ~12,000 open items at ~800 bytes a table row, so a view lists the first
 * `OPEN_LIST_LIMIT` in its order (earliest due first: every overdue item before any
 * that is not yet due) and carries the rest as a compact record of the facts the
 * in-browser recompute needs: due day, owner and priority of each, and the id of the
 * first one of each owner and priority (the "oldest" figure names it).
 *
 * Imports only plain date maths: the recompute script bundles this file for the browser.
 */

import { daysBetween } from '../format/dates.ts';

/** The record as it is embedded in the page (JSON). */
export interface UnlistedOpen {
	/** Distinct `[owner, priority]` pairs; items point into this list. */
	groups: Array<[string, string]>;
	/** Per due day, in order: `[days from the build day to due, group index, group index, …]`. */
	days: number[][];
	/** Index of an item (counted in order across `days`) → its id, for the first item of each owner and priority. */
	ids: Record<string, string>;
}

/** One unlisted item as the recompute script sees it. */
export interface UnlistedItem {
	/** Empty unless the item is the first of its owner or priority. */
	id: string;
	owner: string;
	priority: string;
	/** Days from the build day to the item's due date (negative: due before the build day). */
	dueOffset: number;
}

/** What the encoder needs of an item. */
export interface OpenFacts {
	id: string;
	owner: string;
	priority: string;
	due: string;
}


/** Encodes items (already in list order, so due days never go back) relative to `buildDay`. */
export function encodeUnlistedOpen(items: ReadonlyArray<OpenFacts>, buildDay: string): UnlistedOpen {
	const groups: Array<[string, string]> = [];
	const groupIndex = new Map<string, number>();
	const days: number[][] = [];
	const ids: Record<string, string> = {};
	const seen = new Set<string>();
	items.forEach((item, i) => {
		const key = JSON.stringify([item.owner, item.priority]);
		let g = groupIndex.get(key);
		if (g === undefined) {
			g = groups.length;
			groups.push([item.owner, item.priority]);
			groupIndex.set(key, g);
		}
		const offset = daysBetween(buildDay, item.due);
		const last = days.at(-1);
		if (last && last[0] === offset) last.push(g);
		else days.push([offset, g]);
		const ownerKey = `owner:${item.owner}`;
		const priorityKey = `priority:${item.priority}`;
		if (!seen.has(ownerKey) || !seen.has(priorityKey)) ids[String(i)] = item.id;
		seen.add(ownerKey).add(priorityKey);
	});
	return { groups, days, ids };
}

/** The items of a record, in list order. */
export function decodeUnlistedOpen(record: UnlistedOpen): UnlistedItem[] {
	const out: UnlistedItem[] = [];
	for (const [dueOffset, ...members] of record.days) {
		for (const g of members) {
			const [owner, priority] = record.groups[g] ?? ['', ''];
			out.push({ id: record.ids[String(out.length)] ?? '', owner, priority, dueOffset: dueOffset ?? 0 });
		}
	}
	return out;
}

/** JSON safe inside a `<script type="application/json">` element (no `</script>` can end it early). */
export function scriptJson(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}
