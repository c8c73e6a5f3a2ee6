import type { Severity } from '../../schemas/severity.ts';
import { SEVERITIES } from '../../schemas/severity.ts';
import { relatedIncidents } from './related.ts';
import type { Archive, ArchiveActionItem, ArchiveEntry } from './types.ts';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function sortedByCount<K>(map: Map<K, ArchiveEntry[]>): Map<K, ArchiveEntry[]> {
	return new Map([...map].sort((a, b) => b[1].length - a[1].length || String(a[0]).localeCompare(String(b[0]))));
}

/** Builds every index the pages need in one pass over the entries. */
export function buildArchive(all: ReadonlyArray<ArchiveEntry>, options: { includeUnpublished: boolean }): Archive {
	const entries = all
		.filter((e) => options.includeUnpublished || e.data.status === 'published')
		.sort((a, b) => b.data.startedAt.getTime() - a.data.startedAt.getTime() || a.slug.localeCompare(b.slug));
	const bySlug = new Map<string, ArchiveEntry>();
	const byService = new Map<string, ArchiveEntry[]>();
	const byTag = new Map<string, ArchiveEntry[]>();
	const bySeverity = new Map<Severity, ArchiveEntry[]>(SEVERITIES.map((s) => [s, []]));
	const byYear = new Map<string, ArchiveEntry[]>();
	const actionItems: ArchiveActionItem[] = [];
	for (const entry of entries) {
		bySlug.set(entry.slug, entry);
		for (const s of entry.data.services) push(byService, s, entry);
		for (const t of entry.data.tags) push(byTag, t, entry);
		push(bySeverity, entry.data.severity, entry);
		push(byYear, String(entry.data.startedAt.getUTCFullYear()), entry);
		entry.data.actionItems.forEach((item, index) => actionItems.push({ item, index, entry }));
	}
	return {
		entries,
		bySlug,
		byService: sortedByCount(byService),
		byTag: sortedByCount(byTag),
		bySeverity,
		byYear: new Map([...byYear].sort((a, b) => b[0].localeCompare(a[0]))),
		actionItems,
		includesUnpublished: options.includeUnpublished,
		related: relatedIncidents(entries, byService, byTag),
	};
}
