import { getConfig } from '../../src/config.ts';
import { buildArchive, type Archive } from '../../src/lib/archive.ts';
import { readPostmortemSources } from '../../src/lib/content-dir.ts';
import { validateArchive } from '../../src/lib/validate-archive.ts';
import { fixture } from './build-site.ts';

/** The folder of postmortems used by the action-item tests, and the day they are pinned to. */
export const ACTIONS_FIXTURE = fixture('actions');
export const ACTIONS_AS_OF = '2026-11-21';

/** Reads a fixture folder the way the scripts do, and indexes it like the site (published only unless asked). */
export async function loadFixtureArchive(dir = ACTIONS_FIXTURE, includeUnpublished = false): Promise<Archive> {
	const result = validateArchive(await readPostmortemSources(dir), getConfig().policy);
	if (result.errorCount > 0) throw new Error(`fixture ${dir} is invalid: ${JSON.stringify(result.findings)}`);
	return buildArchive(result.entries, { includeUnpublished });
}
