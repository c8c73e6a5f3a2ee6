import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { glob, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { INDEXED_PAGES_GLOB, writeSearchIndex, type SearchIndexResult } from './search-index.ts';

/**
 * The search index, reused when nothing it reads changed (issue 17): Pagefind has no
 * incremental mode, so a rebuild whose incident pages are byte-for-byte those of the last
 * build copies the last bundle from the cache folder instead of indexing again. Any change
 * to any indexed page (or to Pagefind's version) indexes everything, as a cold build does.
 */

// Pagefind's package.json is not in its exports (import only): resolve the ESM entry and look beside it.
const pagefindEntry = fileURLToPath(import.meta.resolve('pagefind'));
const pagefindVersion: string = JSON.parse(readFileSync(path.join(pagefindEntry.slice(0, pagefindEntry.lastIndexOf(`${path.sep}pagefind${path.sep}`)), 'pagefind', 'package.json'), 'utf8')).version;

/** Hash of every page Pagefind reads, with their paths, and of Pagefind's version. */
async function inputHash(siteDir: string): Promise<{ hash: string; pages: number }> {
	const files: string[] = [];
	for await (const f of glob(INDEXED_PAGES_GLOB, { cwd: siteDir })) files.push(f);
	files.sort();
	const hash = createHash('sha256').update(pagefindVersion);
	for (const f of files) hash.update('\0').update(f).update('\0').update(await readFile(path.join(siteDir, f)));
	return { hash: hash.digest('hex'), pages: files.length };
}

/**
 * Replaces `to` with a copy of `from`; false when that failed. Synchronous on purpose: Node's
 * promise-based cp and rm take a second or more per thousand files (2.8 s and 0.9 s for the
 * 5,100 files of the index at 5,000 postmortems), the synchronous ones 0.3 s and 0.2 s.
 */
function copyTree(from: string, to: string): boolean {
	try {
		rmSync(to, { recursive: true, force: true });
		cpSync(from, to, { recursive: true });
		return true;
	} catch {
		return false;
	}
}

/** Writes `<siteDir>/pagefind`, from the cache when the indexed pages are unchanged; `reused` says which. */
export async function writeSearchIndexCached(siteDir: string, cacheDir: string): Promise<SearchIndexResult & { reused: boolean }> {
	const cachedBundle = path.join(cacheDir, 'pagefind', 'bundle');
	const stampFile = path.join(cacheDir, 'pagefind', 'input.json');
	const { hash, pages } = await inputHash(siteDir);
	const stamp = await readFile(stampFile, 'utf8').then((t) => JSON.parse(t) as { hash: string; pageCount: number }, () => undefined);
	const outputPath = path.join(siteDir, 'pagefind');
	if (stamp?.hash === hash && stamp.pageCount === pages && copyTree(cachedBundle, outputPath)) {
		return { pageCount: pages, outputPath, errors: [], reused: true };
	}
	const result = await writeSearchIndex(siteDir);
	if (result.errors.length === 0) {
		// The stamp goes last: a copy cut short is never taken for a whole one.
		rmSync(path.dirname(stampFile), { recursive: true, force: true });
		if (!copyTree(outputPath, cachedBundle)) return { ...result, reused: false };
		await writeFile(stampFile, JSON.stringify({ hash, pageCount: result.pageCount }));
	}
	return { ...result, reused: false };
}
