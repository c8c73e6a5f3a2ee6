import { getConfig } from '../../src/config.ts';
import { buildArchive } from '../../src/lib/archive/build-archive.ts';
import type { Archive, ArchiveEntry } from '../../src/lib/archive/types.ts';
import { readPostmortemSources } from '../../src/cli/content-dir.ts';
import { validateArchive } from '../../src/lib/validation/validate-archive.ts';
import { postmortemSchema, type PostmortemInput } from '../../src/schemas/postmortem.ts';

/** Reads and validates a fixture folder like the site does, then indexes it. Throws on invalid fixtures. */
export async function loadArchive(dir: string, options: { includeUnpublished?: boolean } = {}): Promise<Archive> {
	const result = validateArchive(await readPostmortemSources(dir), getConfig().policy);
	if (result.errorCount > 0) throw new Error(`invalid fixture in ${dir}: ${result.findings.map((f) => `${f.file}: ${f.path}: ${f.message}`).join('; ')}`);
	return buildArchive(
		result.entries.map((e) => ({ slug: e.slug, data: e.data })),
		{ includeUnpublished: options.includeUnpublished ?? false },
	);
}

/** A published archive entry from a few fields; everything else gets a valid default. */
export function makeEntry(slug: string, fields: Partial<PostmortemInput> = {}): ArchiveEntry {
	const startedAt = fields.startedAt ?? '2025-01-01T10:00:00Z';
	return {
		slug,
		data: postmortemSchema.parse({
			title: `Incident ${slug}`,
			severity: 'SEV3',
			status: 'published',
			startedAt,
			resolvedAt: startedAt,
			services: ['svc'],
			authors: ['@team'],
			impact: { summary: 'Something broke.' },
			...fields,
		}),
	};
}
