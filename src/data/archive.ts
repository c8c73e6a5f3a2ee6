import { getCollection } from 'astro:content';
import { buildArchive } from '../lib/archive/build-archive.ts';
import type { Archive } from '../lib/archive/types.ts';

/**
 * Whether this build shows drafts and postmortems in review: always in `astro dev`,
 * and in a preview build run with SHOW_DRAFTS=1.
 */
export const showsUnpublished: boolean = import.meta.env.MODE === 'development' || process.env.SHOW_DRAFTS === '1';
// MODE, not DEV: Vite sets DEV whenever NODE_ENV is not "production", so a CI job that exports
// NODE_ENV=test would otherwise publish drafts; `astro build` always runs in production mode.

let archive: Promise<Archive> | undefined;

/** The archive, read from the content collection once per build and shared by every page. */
export function getArchive(): Promise<Archive> {
	archive ??= getCollection('postmortems').then((entries) =>
		buildArchive(
			entries.map((e) => ({ slug: e.id, data: e.data })),
			{ includeUnpublished: showsUnpublished },
		),
	);
	return archive;
}
