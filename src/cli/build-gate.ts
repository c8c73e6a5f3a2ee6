import { checkContentDir } from './check-content.ts';
import { printValidationReport } from './validation-report.ts';
import { gateBuild } from '../lib/validation/build-gate.ts';
import { openValidationCache } from './validation-cache.ts';
import { countOf } from '../lib/format/labels.ts';
import { sanitiseForTerminal } from './terminal.ts';

/** What the validation step of `npm run build` decided. */
export interface BuildValidation {
	ok: boolean;
	/** Postmortems that await a drafted summary or lessons. */
	pendingDrafts: number;
	/** Unpublished files with errors left out of the build, relative to the postmortems folder (for PM_BUILD_SKIP). */
	leftOut: string[];
	/** Postmortems with `status: published` (all valid once the build passes): each must have a page in the built site. */
	published: number;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Validates the archive for a build and prints the report. Errors in published
 * postmortems stop the build; errors in drafts and postmortems in review leave those
 * files out (their pages are not built) unless `strict`, where every error and
 * warning stops it. Unchanged files' results come from the cache in `cacheDir`.
 */
export async function validateForBuild(dir: string, strict: boolean, cacheDir: string): Promise<BuildValidation> {
	// Unchanged files reuse the last build's results (the cache sits in Astro's cache folder).
	const cache = await openValidationCache(cacheDir);
	const checked = await checkContentDir(dir, { check: cache.check });
	if ('missing' in checked) {
		say(`build: no postmortems folder at ${checked.missing} (set POSTMORTEMS_DIR or create content/postmortems)`);
		return { ok: false, pendingDrafts: 0, leftOut: [], published: 0 };
	}
	const { sources, result } = checked;
	await cache.save();
	const reused = sources.length - cache.validated;
	if (reused > 0) console.log(`validation: ${countOf(cache.validated, 'postmortem')} checked, ${countOf(reused, 'unchanged one')} reused from the last build`);
	if (result.findings.length > 0) printValidationReport(result, sources.length);
	const gate = gateBuild(sources, result.findings, strict);
	if (gate.blocking.length > 0 || (strict && result.warningCount > 0)) {
		say('\nbuild stopped: fix the problems above (npm run validate lists them again).');
		return { ok: false, pendingDrafts: 0, leftOut: [], published: 0 };
	}
	if (gate.leftOut.length > 0) {
		const n = gate.leftOut.length;
		say(`\nbuild: left out ${n} unpublished ${n === 1 ? 'postmortem' : 'postmortems'} with errors (no page is built for ${n === 1 ? 'it' : 'them'}; npm run validate still fails on ${n === 1 ? 'it' : 'them'}, and --strict stops the build):`);
		for (const s of gate.leftOut) say(`  ${sanitiseForTerminal(s.file)}`);
	}
	const leftOutFiles = new Set(gate.leftOut.map((s) => s.file));
	const pendingDrafts = sources.filter((s) => !leftOutFiles.has(s.file) && cache.draftReady(s.file)).length;
	const published = sources.filter((s) => cache.published(s.file)).length;
	return { ok: true, pendingDrafts, leftOut: gate.leftOut.map((s) => s.relative ?? s.file), published };
}
