import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '../config.ts';
import { isInside, readPostmortemSources } from './content-dir.ts';
import { splitFrontmatter } from '../lib/validation/frontmatter.ts';
import { localImageLinks, outsideImageMessage } from '../lib/validation/images.ts';
import { validateArchive, type ArchiveResult, type FileCheck } from '../lib/validation/validate-archive.ts';
import type { Finding } from '../lib/validation/findings.ts';
import type { SourceFile } from '../lib/validation/validate-archive.ts';

/**
 * Reads and validates the archive folder; a missing folder is reported, not thrown.
 * `now` (default: the clock) lets validation warn on incidents in the future; `check`
 * replaces the per-file validation (the build puts its cache in front of it).
 */
export async function checkContentDir(dir: string, options: { now?: Date; check?: FileCheck } = {}): Promise<{ sources: SourceFile[]; result: ArchiveResult } | { missing: string }> {
	const s = await stat(dir).catch(() => undefined);
	if (!s?.isDirectory()) return { missing: dir };
	const sources = await readPostmortemSources(dir);
	const result = validateArchive(sources, getConfig().policy, { now: options.now ?? new Date() }, options.check);
	const linked = await imagesLinkedOutside(dir, sources);
	if (linked.length === 0) return { sources, result };
	const findings = [...result.findings, ...linked];
	const errorCount = findings.filter((f) => f.level === 'error').length;
	return { sources, result: { ...result, findings, errorCount, warningCount: findings.length - errorCount } };
}

/**
 * Images whose path stays inside the folder but that are symbolic links out of it: the
 * validator rejects paths that leave the folder on their face; this follows the links.
 */
async function imagesLinkedOutside(dir: string, sources: ReadonlyArray<SourceFile>): Promise<Finding[]> {
	const realRoot = await realpath(dir);
	const out: Finding[] = [];
	for (const source of sources) {
		if (!source.text.includes('![')) continue;
		const split = splitFrontmatter(source.text);
		if (!split.ok) continue;
		for (const link of localImageLinks(split.body, source.relative ?? `${source.slug}.md`)) {
			if (link.inside === undefined) continue;
			const real = await realpath(path.join(dir, link.inside)).catch(() => undefined);
			if (real && !isInside(realRoot, real)) out.push({ file: source.file, path: '(body)', level: 'error', message: `${outsideImageMessage(link.url)}: it is a symbolic link to ${real}` });
		}
	}
	return out;
}
