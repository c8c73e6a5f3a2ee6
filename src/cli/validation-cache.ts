import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '../config.ts';
import { selectDraftTargets } from '../lib/drafting/select.ts';
import type { Finding } from '../lib/validation/findings.ts';
import { archiveFindings, countFindings, fileFacts, validateFile, type FileFacts } from '../lib/validation/validate-archive.ts';
import { astroCacheDir } from './cache-dir.ts';
import { readPostmortemSources } from './content-dir.ts';

/**
 * The build's validation, cached by content (issue 17): a file whose text, path, policy
 * and validator code are unchanged since the last build reuses that build's findings,
 * action item ids and drafting state from `<cache folder>/validation.json`. The rules that
 * span files (unique slugs and ids) always run. `npm run validate` does not use it.
 */

/** What the build needs of one file's validation. */
interface CachedFile {
	findings: Finding[];
	actionItemIds: string[];
	/** Whether it has fields awaiting a draft. */
	pendingDraft: boolean;
}

interface CacheFile {
	version: 1;
	/** Hash of the validator's code, the lockfile and the config: any change drops the cache. */
	code: string;
	files: Record<string, CachedFile>;
}

export interface BuildValidation {
	fileCount: number;
	findings: Finding[];
	errorCount: number;
	warningCount: number;
	pendingDrafts: number;
	/** Files validated this time (the rest came from the cache). */
	validated: number;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The code a file's findings depend on: the schemas, the pure library, the config and the dependencies. */
const CODE_INPUTS = ['src/schemas', 'src/lib', 'src/config.ts', 'postmortems.config.ts', 'package-lock.json'];

async function hashTree(hash: ReturnType<typeof createHash>, target: string): Promise<void> {
	const info = await stat(target).catch(() => undefined);
	if (!info) return;
	if (info.isDirectory()) {
		for (const name of (await readdir(target)).sort()) await hashTree(hash, path.join(target, name));
	} else {
		hash.update(path.relative(ROOT, target)).update('\0').update(await readFile(target)).update('\0');
	}
}

async function codeHash(): Promise<string> {
	const hash = createHash('sha256');
	for (const input of CODE_INPUTS) await hashTree(hash, path.join(ROOT, input));
	hash.update(JSON.stringify(getConfig()));
	return hash.digest('hex');
}

/** Where the cache lives: in Astro's cache folder, so CI keeps both together. */
export function validationCacheFile(env: NodeJS.ProcessEnv = process.env): string {
	return path.join(astroCacheDir(env), 'validation.json');
}

async function readCache(file: string, code: string): Promise<CacheFile['files']> {
	try {
		const data = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
		return data.version === 1 && data.code === code ? data.files : {};
	} catch {
		return {};
	}
}

/** Validates the archive folder for a build, reusing cached results for unchanged files; a missing folder is reported. */
export async function validateForBuildCached(dir: string, cacheFile = validationCacheFile()): Promise<BuildValidation | { missing: string }> {
	const s = await stat(dir).catch(() => undefined);
	if (!s?.isDirectory()) return { missing: dir };
	const [sources, code] = await Promise.all([readPostmortemSources(dir), codeHash()]);
	const previous = await readCache(cacheFile, code);
	const next: CacheFile['files'] = {};
	const policy = getConfig().policy;
	let validated = 0;
	const perFile = sources.map((source) => {
		const key = createHash('sha256').update(source.file).update('\0').update(source.slug).update('\0').update(source.text).digest('base64url');
		let cached = previous[key];
		if (!cached) {
			const result = validateFile(source, policy);
			validated++;
			cached = {
				findings: result.findings,
				actionItemIds: fileFacts(source, result).actionItemIds,
				pendingDraft: result.entry ? selectDraftTargets([result.entry]).length > 0 : false,
			};
		}
		next[key] = cached;
		return cached;
	});
	const facts: FileFacts[] = sources.map((source, i) => ({ file: source.file, slug: source.slug, actionItemIds: perFile[i]!.actionItemIds }));
	const findings = archiveFindings(
		facts,
		perFile.map((f) => f.findings),
	);
	// Written whole to a temporary name, then renamed: a build stopped half-way leaves the old cache.
	await mkdir(path.dirname(cacheFile), { recursive: true });
	const temp = `${cacheFile}.${process.pid}.tmp`;
	await writeFile(temp, JSON.stringify({ version: 1, code, files: next } satisfies CacheFile));
	await rename(temp, cacheFile);
	return { fileCount: sources.length, findings, ...countFindings(findings), pendingDrafts: perFile.filter((f) => f.pendingDraft).length, validated };
}
