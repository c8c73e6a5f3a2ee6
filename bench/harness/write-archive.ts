import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GeneratedPostmortem } from '../core/generate.ts';

/** What was written. */
export interface WrittenArchive {
	files: number;
	published: number;
	bytes: number;
}

/** Writes generated postmortems into `dir` (created if needed), one file at a time. */
export async function writeArchive(dir: string, postmortems: Iterable<GeneratedPostmortem>): Promise<WrittenArchive> {
	await mkdir(dir, { recursive: true });
	let files = 0;
	let published = 0;
	let bytes = 0;
	for (const pm of postmortems) {
		const file = path.join(dir, pm.relativePath);
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, pm.text);
		files++;
		bytes += Buffer.byteLength(pm.text);
		if (pm.status === 'published') published++;
	}
	return { files, published, bytes };
}
