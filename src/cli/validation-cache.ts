import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '../config.ts';
import { selectDraftTargets, splitScaffolds } from '../lib/drafting/select.ts';
import type { Finding } from '../lib/validation/findings.ts';
import { IN_THE_FUTURE } from '../lib/validation/policies.ts';
import { validateFile, type ActionIdSite, type FileCheck, type SourceFile } from '../lib/validation/validate-archive.ts';

/**
 * The build's validation, cached by content (issue 17): a file whose path and text are
 * unchanged since the last build, under the same validator code, config and dependencies,
 * reuses that build's findings, action item ids, drafting state and publication from
 * `<cache folder>/pm-validation.json`. The rules that span files (unique slugs and ids)
 * always run on every file. `npm run validate` does not use it.
 */

/** What the build needs of one file's validation. */
interface CachedFile {
	findings: Finding[];
	actionIds: ActionIdSite[];
	/** Whether it awaits a drafted summary or lessons (and is not an untouched scaffold). */
	draftReady: boolean;
	/** Whether the schema accepts it and it says `status: published` (once the build passes, it has a page). */
	published: boolean;
}

/** Bumped whenever CachedFile changes shape: a cache of another version is dropped. */
const VERSION = 2;

interface CacheFile {
	version: typeof VERSION;
	/** Hash of the validator's code, the config and the lockfile: any change drops the whole cache. */
	code: string;
	files: Record<string, CachedFile>;
}

export interface ValidationCache {
	/** validateFile with the cache in front; pass to checkContentDir. */
	check: FileCheck;
	/** Whether a file checked in this run awaits a draft. */
	draftReady(file: string): boolean;
	/** Whether a file checked in this run is accepted by the schema and says `status: published`. */
	published(file: string): boolean;
	/** Files validated this run (the rest came from the cache). */
	readonly validated: number;
	/** Writes this run's results (only the files of this run), replacing the old cache whole. */
	save(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
/** What a file's findings depend on besides its text: the schemas, the pure library, the config loader, the config and the dependencies. */
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

function fileKey(source: SourceFile): string {
	return createHash('sha256')
		.update(JSON.stringify([source.file, source.slug, source.relative ?? null, source.problem ?? null]))
		.update('\0')
		.update(source.text)
		.digest('base64url');
}

/** Opens (or starts) the cache in `cacheDir`; a missing, unreadable or outdated cache is an empty one. */
export async function openValidationCache(cacheDir: string): Promise<ValidationCache> {
	const cacheFile = path.join(cacheDir, 'pm-validation.json');
	const code = await codeHash();
	const previous = await readFile(cacheFile, 'utf8')
		.then((text) => {
			const data = JSON.parse(text) as Partial<CacheFile>;
			return data.version === VERSION && data.code === code && data.files ? data.files : {};
		})
		.catch(() => ({}) as CacheFile['files']);
	const next: CacheFile['files'] = {};
	/** What the build asks of each file checked this run, cached or not. */
	const states = new Map<string, Pick<CachedFile, 'draftReady' | 'published'>>();
	let validated = 0;
	return {
		check(source, policy, options) {
			const key = fileKey(source);
			const cached = previous[key];
			if (cached) {
				next[key] = cached;
				states.set(source.file, cached);
				return { findings: cached.findings, actionIds: cached.actionIds };
			}
			validated++;
			const result = validateFile(source, policy, options);
			const draftReady = result.entry ? splitScaffolds(selectDraftTargets([result.entry])).ready.length > 0 : false;
			const published = result.entry?.data.status === 'published';
			states.set(source.file, { draftReady, published });
			// The future-start warning is the one finding that depends on the clock: such a file
			// is validated again next time (its start may have passed by then).
			if (!result.findings.some((f) => f.message.endsWith(IN_THE_FUTURE))) next[key] = { findings: result.findings, actionIds: result.actionIds, draftReady, published };
			return result;
		},
		draftReady: (file) => states.get(file)?.draftReady ?? false,
		published: (file) => states.get(file)?.published ?? false,
		get validated() {
			return validated;
		},
		async save() {
			// Written whole to a temporary name, then renamed: a build stopped half-way leaves the old cache.
			await mkdir(cacheDir, { recursive: true });
			const temp = `${cacheFile}.${process.pid}.tmp`;
			await writeFile(temp, JSON.stringify({ version: VERSION, code, files: next } satisfies CacheFile));
			await rename(temp, cacheFile);
		},
	};
}
