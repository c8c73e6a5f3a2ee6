import { getConfig } from '../../src/config.ts';
import { PEOPLE, TEAMS } from '../core/pools.ts';
import { fallbackVocabulary, vocabularyFromCorpora, type Vocabulary } from '../core/vocabulary.ts';
import { findCorporaDir, readCorpora } from './corpora.ts';

/** The generator's vocabulary: from the public corpora when found, else the small built-in one (with a note why). */
export async function loadVocabulary(projectRoot: string, corporaDir?: string): Promise<{ vocabulary: Vocabulary; source: string }> {
	const options = { blameWords: getConfig().policy.blameWords, people: [...PEOPLE, ...TEAMS] };
	const dir = findCorporaDir(projectRoot, corporaDir);
	if (!dir) return { vocabulary: fallbackVocabulary(options), source: 'built-in (no shared/corpora found; search figures less realistic)' };
	return { vocabulary: vocabularyFromCorpora(await readCorpora(dir), options), source: dir };
}
