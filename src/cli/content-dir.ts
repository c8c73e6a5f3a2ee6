import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../lib/validation/validate-archive.ts';

/** The postmortems folder: `POSTMORTEMS_DIR` when set, else `content/postmortems`. */
export function postmortemsDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(explicit || env.POSTMORTEMS_DIR || 'content/postmortems');
}

/** Where a postmortem lives: `<slug>.md` or `<slug>/index.md`. */
export interface PostmortemPath {
	absolute: string;
	slug: string;
}

/** Lists `<slug>.md` and `<slug>/index.md` files, sorted by slug. */
export async function listPostmortemFiles(dir: string): Promise<PostmortemPath[]> {
	const dirents = await readdir(dir, { withFileTypes: true });
	const out: PostmortemPath[] = [];
	for (const d of dirents) {
		if (d.name.startsWith('.') || d.name.startsWith('_')) continue;
		if (d.isFile() && d.name.endsWith('.md')) {
			out.push({ absolute: path.join(dir, d.name), slug: d.name.slice(0, -3) });
		} else if (d.isDirectory()) {
			const index = path.join(dir, d.name, 'index.md');
			const s = await stat(index).catch(() => undefined);
			if (s?.isFile()) out.push({ absolute: index, slug: d.name });
		}
	}
	return out.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Reads every postmortem file in `dir`; paths are shown relative to the working directory. */
export async function readPostmortemSources(dir: string): Promise<SourceFile[]> {
	const files = await listPostmortemFiles(dir);
	return Promise.all(
		files.map(async (f) => ({
			file: displayPath(f.absolute),
			slug: f.slug,
			text: await readFile(f.absolute, 'utf8'),
		})),
	);
}

/** A path as people would type it: relative inside the working directory, absolute outside it. */
export function displayPath(absolute: string): string {
	const rel = path.relative(process.cwd(), absolute);
	return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}
