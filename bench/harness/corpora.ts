import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The two corpus files the generator draws vocabulary from. */
export const CORPUS_FILES = { publicPostmortems: 'public-postmortems.json', iccoPostmortems: 'icco-postmortems.json' } as const;

/**
 * Finds the corpora folder: `explicit` when given, else `shared/corpora` beside
 * the project or beside one of its parent folders (`../shared/corpora` from a
 * checkout at /work/main, `../../shared/corpora` from a worktree one level deeper).
 */
export function findCorporaDir(projectRoot: string, explicit?: string): string | undefined {
	if (explicit) return path.resolve(explicit);
	for (let dir = path.resolve(projectRoot); ; dir = path.dirname(dir)) {
		const candidate = path.join(path.dirname(dir), 'shared', 'corpora');
		if (existsSync(path.join(candidate, CORPUS_FILES.publicPostmortems))) return candidate;
		if (path.dirname(dir) === dir) return undefined;
	}
}

/** Reads the corpus files as data (never copied into the project). Missing files are reported by name. */
export async function readCorpora(dir: string): Promise<{ publicPostmortems: unknown; iccoPostmortems: unknown }> {
	const read = async (name: string) => {
		const file = path.join(dir, name);
		try {
			return JSON.parse(await readFile(file, 'utf8')) as unknown;
		} catch (error) {
			throw new Error(`cannot read corpus ${file}: ${(error as Error).message}`);
		}
	};
	return { publicPostmortems: await read(CORPUS_FILES.publicPostmortems), iccoPostmortems: await read(CORPUS_FILES.iccoPostmortems) };
}
