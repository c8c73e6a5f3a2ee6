import { getConfig } from '../../src/config.ts';
import { buildArchive } from '../../src/lib/archive/build-archive.ts';
import type { Archive } from '../../src/lib/archive/types.ts';
import { readPostmortemSources } from '../../src/cli/content-dir.ts';
import { validateArchive } from '../../src/lib/validation/validate-archive.ts';
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
