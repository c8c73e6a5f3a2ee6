import { getConfig } from '../../src/config.ts';
import { buildArchive } from '../../src/lib/archive/build-archive.ts';
import type { ArchiveEntry } from '../../src/lib/archive/types.ts';
import { postmortemSchema, type ActionItemInput, type PostmortemInput } from '../../src/schemas/index.ts';

/** The default policy, as the aging functions take it. */
export const policy = getConfig().policy;

/** A valid published postmortem with the given action items and overrides. */
export function entry(slug: string, actionItems: ActionItemInput[], overrides: Partial<PostmortemInput> = {}): ArchiveEntry {
	const data = postmortemSchema.parse({
		title: `Incident ${slug}`,
		severity: 'SEV2',
		status: 'published',
		startedAt: '2026-10-01T08:00:00Z',
		resolvedAt: '2026-10-01T09:00:00Z',
		services: ['api'],
		authors: ['@team'],
		impact: { summary: 'Something broke.' },
		reviews: [
			{ role: 'responder', by: '@a', on: '2026-10-02' },
			{ role: 'lead', by: '@b', on: '2026-10-03' },
			{ role: 'manager', by: '@c', on: '2026-10-03' },
		],
		actionItems,
		...overrides,
	});
	return { slug, data };
}

/** An action item with defaults. */
export function item(id: string, fields: Partial<ActionItemInput> = {}): ActionItemInput {
	return { id, title: `Do ${id}`, owner: '@team', priority: 'P2', due: '2026-11-01', ...fields };
}

/** The flattened action items of some entries, as the archive holds them. */
export function flatItems(...entries: ArchiveEntry[]) {
	return buildArchive(entries, { includeUnpublished: true }).actionItems;
}
