import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Saving a drafted file so that Ctrl-C or a crash leaves it either as it was or
 * fully drafted: the new text goes to a temporary file in the same folder (same
 * file system, so the rename is atomic), is flushed, then renamed over the original.
 */

const TEMP_RE = /^\..+\.draft-\d+\.tmp$/;

function tempPathFor(file: string, pid: number): string {
	return path.join(path.dirname(file), `.${path.basename(file)}.draft-${pid}.tmp`);
}

/** Why a save was refused. */
export class FileChangedError extends Error {}

/**
 * Replaces `file` with `text` atomically. When `expected` is given and the file no
 * longer holds it (someone edited it while the model was drafting), nothing is written.
 */
export async function saveAtomically(file: string, text: string, expected?: string, pid = process.pid): Promise<void> {
	const tmp = tempPathFor(file, pid);
	const { mode } = await stat(file);
	const handle = await open(tmp, 'w', mode);
	try {
		await handle.writeFile(text, 'utf8');
		await handle.sync();
	} finally {
		await handle.close();
	}
	try {
		if (expected !== undefined && (await readFile(file, 'utf8')) !== expected) {
			throw new FileChangedError('the file changed while it was being drafted; run the draft again');
		}
		await rename(tmp, file);
	} catch (error) {
		await unlink(tmp).catch(() => {});
		throw error;
	}
}

/** Removes temporary files a killed run left behind (call only while holding the lock). */
export async function removeLeftoverTempFiles(dir: string): Promise<string[]> {
	const removed: string[] = [];
	const visit = async (folder: string, depth: number) => {
		const dirents = await readdir(folder, { withFileTypes: true }).catch(() => []);
		for (const d of dirents) {
			const full = path.join(folder, d.name);
			if (d.isFile() && TEMP_RE.test(d.name)) {
				await unlink(full).catch(() => {});
				removed.push(full);
			} else if (d.isDirectory() && depth === 0 && !d.name.startsWith('.')) {
				await visit(full, 1);
			}
		}
	};
	await visit(dir, 0);
	return removed;
}
