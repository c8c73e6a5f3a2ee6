import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readArtefacts, type ArtefactReading, type ArtefactText } from '../../lib/artefacts/read-artefacts.ts';
import { artefactProblem } from '../../lib/artefacts/reader-kit.ts';
import type { Finding } from '../../lib/validation/findings.ts';

/**
 * Reads an incident's artefact folder: every file under it (dot files and
 * folders skipped), read only — nothing in the folder is ever written.
 */

/** The folder is missing or not a folder: bad usage (exit 2), not bad content. */
export class ArtefactFolderError extends Error {}

export interface ReadArtefactFolderOptions {
	/** IANA zone for times without a zone (`--tz`, default the archive's `timeZone`). */
	tz: string;
}

/** Every file under `dir`, relative with `/` separators, sorted; dot files and dot folders are skipped. */
export async function listArtefactFiles(dir: string): Promise<string[]> {
	const out: string[] = [];
	const walk = async (sub: string) => {
		const entries = await readdir(path.join(dir, sub), { withFileTypes: true });
		for (const e of entries) {
			if (e.name.startsWith('.')) continue;
			const rel = sub ? `${sub}/${e.name}` : e.name;
			// A symbolic link counts as what it points to.
			const kind = e.isSymbolicLink() ? await stat(path.join(dir, rel)).catch(() => undefined) : e;
			if (kind?.isDirectory()) await walk(rel);
			// A link to nothing is listed too, so reading it names the problem.
			else if (kind?.isFile() || !kind) out.push(rel);
		}
	};
	await walk('');
	return out.sort();
}

/** Reads the artefact folder `dir` into one merged, redacted timeline (see readArtefacts). */
export async function readArtefactFolder(dir: string, options: ReadArtefactFolderOptions): Promise<ArtefactReading> {
	const info = await stat(dir).catch(() => undefined);
	if (!info) throw new ArtefactFolderError(`no such folder: ${dir}`);
	if (!info.isDirectory()) throw new ArtefactFolderError(`${dir} is a file; give the folder that holds the incident's exports`);
	const names = await listArtefactFiles(dir);
	const unreadable: Finding[] = [];
	const read = await Promise.all(
		names.map(async (name): Promise<ArtefactText | undefined> => {
			try {
				return { path: name, text: await readFile(path.join(dir, name), 'utf8') };
			} catch (error) {
				unreadable.push(artefactProblem(name, `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`));
				return undefined;
			}
		}),
	);
	const reading = readArtefacts(
		read.filter((t): t is ArtefactText => t !== undefined),
		{ timeZone: options.tz },
	);
	reading.errors.unshift(...unreadable);
	if (names.length === 0) reading.errors.push(artefactProblem(dir, 'holds no files; put the incident\'s exports in it (docs/artefacts.md says how to export each)'));
	return reading;
}
