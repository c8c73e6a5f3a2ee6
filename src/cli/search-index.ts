import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Which built files Pagefind reads: the incident pages only (they carry `data-pagefind-body`). */
export const INDEXED_PAGES_GLOB = 'postmortems/*/index.html';

export interface SearchIndexResult {
	/** Incident pages in the index. */
	pageCount: number;
	/** Where the bundle was written (`<out>/pagefind`). */
	outputPath: string;
	/** Problems Pagefind reported; empty when all went well. */
	errors: string[];
}

/**
 * Indexes the built site with Pagefind's Node API and writes the bundle into
 * `<siteDir>/pagefind`. Only incident pages are read: the glob keeps listing and
 * navigation pages out even when the archive is empty (with no page carrying
 * `data-pagefind-body`, Pagefind would otherwise index whole pages).
 */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexResult> {
	const outputPath = path.join(siteDir, 'pagefind');
	// A stale bundle from an earlier build would keep pages that no longer exist.
	await rm(outputPath, { recursive: true, force: true });
	try {
		const created = await pagefind.createIndex({ forceLanguage: 'en' });
		if (!created.index) return { pageCount: 0, outputPath, errors: created.errors };
		const { index } = created;
		const added = await index.addDirectory({ path: siteDir, glob: INDEXED_PAGES_GLOB });
		if (added.errors.length > 0) return { pageCount: 0, outputPath, errors: added.errors };
		const written = await index.writeFiles({ outputPath });
		return { pageCount: added.page_count, outputPath, errors: written.errors };
	} finally {
		await pagefind.close();
	}
}
