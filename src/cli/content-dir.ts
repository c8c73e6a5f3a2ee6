import { lstat, mkdir, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
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
	/** Why the file cannot be read as a postmortem (a symbolic link that leaves the folder); it is reported, never read. */
	problem?: string;
	/** The path inside the postmortems folder, `/`-separated: `<slug>.md` or `<slug>/index.md`. */
	relative: string;
}

/** Whether `target` is `root` or inside it (both real paths). */
export function isInside(root: string, target: string): boolean {
	const rel = path.relative(root, target);
	return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Symbolic links are treated alike by every tool (validate, draft, build, and Astro's
 * loader through `siteExclusions`): a link that resolves inside the postmortems folder
 * is read and validated like any file; one that resolves outside it, or nowhere, is an
 * error naming the link, and its target is never read or published.
 */
async function linkProblem(realRoot: string, candidate: string, dir: string): Promise<string | undefined> {
	const real = await realpath(candidate).catch(() => undefined);
	if (!real) return `is a symbolic link to ${await readlinkText(candidate)}, which does not exist`;
	if (!isInside(realRoot, real)) return `is a symbolic link to ${real}, outside the postmortems folder ${displayPath(dir)}; only links that stay inside it are read (copy the file in instead)`;
	return undefined;
}

async function readlinkText(file: string): Promise<string> {
	return readlink(file).catch(() => 'a missing target');
}

/** Lists `<slug>.md` and `<slug>/index.md` files, sorted by slug; links that leave the folder come with a `problem`. */
export async function listPostmortemFiles(dir: string): Promise<PostmortemPath[]> {
	const dirents = await readdir(dir, { withFileTypes: true });
	const realRoot = await realpath(dir);
	const out: PostmortemPath[] = [];
	for (const d of dirents) {
		if (d.name.startsWith('.') || d.name.startsWith('_')) continue;
		const full = path.join(dir, d.name);
		// A link is judged by what it points at; a plain entry by what it is.
		const kind = d.isSymbolicLink() ? await stat(full).catch(() => undefined) : d;
		if (d.isSymbolicLink() && !kind && d.name.endsWith('.md')) {
			out.push({ absolute: full, slug: d.name.slice(0, -3), relative: d.name, problem: await linkProblem(realRoot, full, dir) });
			continue;
		}
		if (!kind) continue;
		if (kind.isFile() && d.name.endsWith('.md')) {
			const problem = d.isSymbolicLink() ? await linkProblem(realRoot, full, dir) : undefined;
			out.push({ absolute: full, slug: d.name.slice(0, -3), relative: d.name, ...(problem ? { problem } : {}) });
		} else if (kind.isDirectory()) {
			const index = path.join(full, 'index.md');
			const link = await lstat(index).catch(() => undefined);
			if (!link) continue;
			const problem = d.isSymbolicLink() || link.isSymbolicLink() ? await linkProblem(realRoot, index, dir) : undefined;
			if (problem || (await stat(index).catch(() => undefined))?.isFile()) {
				out.push({ absolute: index, slug: d.name, relative: `${d.name}/index.md`, ...(problem ? { problem } : {}) });
			}
		}
	}
	return out.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The 1-based line of the first byte sequence that is not UTF-8, or undefined when all of it is. */
export function firstNonUtf8Line(bytes: Uint8Array): number | undefined {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	try {
		decoder.decode(bytes);
		return undefined;
	} catch {
		// Line by line: a newline byte is never part of a multi-byte UTF-8 sequence.
		let line = 1;
		let start = 0;
		for (let i = 0; i <= bytes.length; i++) {
			if (i === bytes.length || bytes[i] === 0x0a) {
				try {
					decoder.decode(bytes.subarray(start, i));
				} catch {
					return line;
				}
				line++;
				start = i + 1;
			}
		}
		return line;
	}
}

/** Reads every postmortem file in `dir`; paths are shown relative to the working directory. */
export async function readPostmortemSources(dir: string): Promise<SourceFile[]> {
	const files = await listPostmortemFiles(dir);
	return Promise.all(
		files.map(async (f): Promise<SourceFile> => {
			const base = { file: displayPath(f.absolute), slug: f.slug, relative: f.relative };
			if (f.problem) return { ...base, text: '', problem: { message: f.problem } };
			const bytes = await readFile(f.absolute);
			const bad = firstNonUtf8Line(bytes);
			if (bad !== undefined) {
				return { ...base, text: '', problem: { line: bad, message: 'is not UTF-8 text (the first bad byte is on this line); save the file as UTF-8. It is not read, drafted or published until then' } };
			}
			return { ...base, text: bytes.toString('utf8') };
		}),
	);
}

/**
 * The files Astro's glob loader must leave out, as `!pattern`s relative to `dir`: links
 * that leave the folder (the same list validate reports) and the files named in
 * `PM_BUILD_SKIP` (a JSON list of paths relative to `dir`: unpublished postmortems with
 * errors that `npm run build` leaves out; see src/cli/build-gate.ts).
 */
export async function siteExclusions(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
	const skipped = new Set<string>();
	const folder = await stat(dir).catch(() => undefined);
	if (folder?.isDirectory()) for (const f of await listPostmortemFiles(dir)) if (f.problem) skipped.add(f.relative);
	try {
		const listed: unknown = JSON.parse(env.PM_BUILD_SKIP || '[]');
		if (Array.isArray(listed)) for (const p of listed) if (typeof p === 'string') skipped.add(p);
	} catch {
		// Not set by the build script: nothing more to skip.
	}
	return [...skipped].sort().map((p) => `!${globEscape(p)}`);
}

/** Escapes glob syntax in a literal path (picomatch's backslash escapes). */
function globEscape(literal: string): string {
	return literal.replace(/[\\*?[\]{}()!+@]/g, '\\$&');
}

/** A path as people would type it: relative inside the working directory, absolute outside it. */
export function displayPath(absolute: string): string {
	const rel = path.relative(process.cwd(), absolute);
	return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

/**
 * Checks the folder a new postmortem goes into. A path that is a file, or a folder that
 * does not exist (often a typo in POSTMORTEMS_DIR), is a usage error; the folder is
 * created only when asked (`create`, from `npm run new -- --create-dir`).
 */
export async function prepareNewFileDir(dir: string, options: { create: boolean; flag: string }): Promise<string | undefined> {
	const info = await stat(dir).catch(() => undefined);
	if (info?.isDirectory()) return undefined;
	const where = `${displayPath(dir)}${process.env.POSTMORTEMS_DIR ? ' (from POSTMORTEMS_DIR)' : ''}`;
	if (info) return `${where} is a file, not a folder; point POSTMORTEMS_DIR (or --dir) at the postmortems folder`;
	if (!options.create) return `there is no folder ${where}; check it for a typo, or add ${options.flag} to create it`;
	try {
		await mkdir(dir, { recursive: true });
		return undefined;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOTDIR' || code === 'EEXIST' ? `cannot create ${where}: part of that path is a file, not a folder` : `cannot create ${where}: ${(error as Error).message}`;
	}
}
