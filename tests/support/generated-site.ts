import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeArchive } from '../../bench/harness/write-archive.ts';
import { getConfig } from '../../src/config.ts';
import { generatePostmortems } from '../../bench/core/generate.ts';
import { PEOPLE, TEAMS } from '../../bench/core/pools.ts';
import { fallbackVocabulary } from '../../bench/core/vocabulary.ts';
import { buildSite, type BuiltSite } from './build-site.ts';

/** A built site of a generated archive, and how to remove both. */
export interface GeneratedSite extends BuiltSite {
	remove(): Promise<void>;
}

/**
 * Generates `count` postmortems (the benchmark's generator, deterministic for `seed`) and
 * builds them with the project's build, "today" pinned to `asOf`. The built-in vocabulary
 * keeps the fixture independent of the shared corpora; sizes and shapes come from the generator.
 */
export async function buildGeneratedSite(count: number, seed: string, asOf: string): Promise<GeneratedSite> {
	const work = await mkdtemp(path.join(tmpdir(), 'pm-generated-'));
	const policy = getConfig().policy;
	const vocabulary = fallbackVocabulary({ blameWords: policy.blameWords, people: [...PEOPLE, ...TEAMS] });
	await writeArchive(path.join(work, 'content'), generatePostmortems({ count, seed, vocabulary, asOf, dueWindows: policy }));
	const site = await buildSite(path.join(work, 'content'), { PM_AS_OF: asOf });
	return {
		...site,
		async remove() {
			await rm(work, { recursive: true, force: true });
			await rm(path.dirname(site.outDir), { recursive: true, force: true });
		},
	};
}
