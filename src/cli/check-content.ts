import { stat } from 'node:fs/promises';
import { getConfig } from '../config.ts';
import { readPostmortemSources } from './content-dir.ts';
import { validateArchive, type ArchiveResult } from '../lib/validation/validate-archive.ts';
import type { SourceFile } from '../lib/validation/validate-archive.ts';

/** Reads and validates the archive folder; a missing folder is reported, not thrown. */
export async function checkContentDir(dir: string): Promise<{ sources: SourceFile[]; result: ArchiveResult } | { missing: string }> {
	const s = await stat(dir).catch(() => undefined);
	if (!s?.isDirectory()) return { missing: dir };
	const sources = await readPostmortemSources(dir);
	return { sources, result: validateArchive(sources, getConfig().policy) };
}
