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
/** The file has no write permission for anyone: people asked for it to stay as it is. */
export class ReadOnlyError extends Error {}

/** Why `mode` forbids drafting into a file, or undefined when it does not. */
export function readOnlyReason(mode: number): string | undefined {
	return (mode & 0o222) === 0 ? `the file is read-only (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); make it writable (chmod u+w) to draft it` : undefined;
}

/**
 * Replaces `file` with `text` atomically. When `expected` is given and the file no
 * longer holds it (someone edited it while the model was drafting), nothing is written.
 */
export async function saveAtomically(file: string, text: string, expected?: string, pid = process.pid): Promise<void> {
	const tmp = tempPathFor(file, pid);
	const { mode, uid, gid } = await stat(file);
	const readOnly = readOnlyReason(mode);
	// Root may write anything; a read-only file is still left alone.
	if (readOnly) throw new ReadOnlyError(readOnly);
	const handle = await open(tmp, 'w', mode & 0o7777);
	try {
		await handle.writeFile(text, 'utf8');
		// The new file takes the old one's place: same permissions (the umask trimmed them) and owner.
		await handle.chmod(mode & 0o7777);
		if (uid !== process.getuid?.() || gid !== process.getgid?.()) await handle.chown(uid, gid);
		await handle.sync();
	} catch (error) {
		await handle.close();
		await unlink(tmp).catch(() => {});
		if ((error as NodeJS.ErrnoException).code === 'EPERM') throw new Error(`the file belongs to another user (uid ${uid}) and the draft could not be written as theirs; run the draft as that user`);
		throw error;
	}
	await handle.close();
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
