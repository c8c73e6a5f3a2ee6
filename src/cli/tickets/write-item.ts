import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { editActionItem, type ItemEdit } from '../../lib/frontmatter/action-item-edit.ts';
import { FileChangedError, saveAtomically } from '../drafting/save.ts';

/**
 * Writes one action item's edit into its file: the byte-preserving edit, saved
 * atomically (the drafting step's writer), and refused when the file changed
 * between reading and writing.
 */
export async function writeItemEdit(file: string, itemId: string, edit: ItemEdit): Promise<{ ok: true } | { ok: false; reason: string }> {
	const absolute = path.resolve(file);
	let before: string;
	try {
		before = await readFile(absolute, 'utf8');
	} catch (error) {
		return { ok: false, reason: `could not read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
	}
	const result = editActionItem(before, itemId, edit);
	if (!result.ok) return result;
	try {
		await saveAtomically(absolute, result.text, before);
		return { ok: true };
	} catch (error) {
		if (error instanceof FileChangedError) return { ok: false, reason: 'the file changed while the tracker was being asked; nothing was written, run again' };
		return { ok: false, reason: `could not write the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
	}
}
