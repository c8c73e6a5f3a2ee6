import { checkContentDir } from './check-content.ts';
import { printValidationReport } from './validation-report.ts';
import { gateBuild } from '../lib/validation/build-gate.ts';
import { selectDraftTargets, splitScaffolds } from '../lib/drafting/select.ts';
import { sanitiseForTerminal } from './terminal.ts';

/** What the validation step of `npm run build` decided. */
export interface BuildValidation {
	ok: boolean;
	/** Postmortems that await a drafted summary or lessons. */
	pendingDrafts: number;
	/** Unpublished files with errors left out of the build, relative to the postmortems folder (for PM_BUILD_SKIP). */
	leftOut: string[];
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Validates the archive for a build and prints the report. Errors in published
 * postmortems stop the build; errors in drafts and postmortems in review leave those
 * files out (their pages are not built) unless `strict`, where every error and
 * warning stops it.
 */
export async function validateForBuild(dir: string, strict: boolean): Promise<BuildValidation> {
	const checked = await checkContentDir(dir);
	if ('missing' in checked) {
		say(`build: no postmortems folder at ${checked.missing} (set POSTMORTEMS_DIR or create content/postmortems)`);
		return { ok: false, pendingDrafts: 0, leftOut: [] };
	}
	const { sources, result } = checked;
	if (result.findings.length > 0) printValidationReport(result, sources.length);
	const gate = gateBuild(sources, result.findings, strict);
	if (gate.blocking.length > 0 || (strict && result.warningCount > 0)) {
		say('\nbuild stopped: fix the problems above (npm run validate lists them again).');
		return { ok: false, pendingDrafts: 0, leftOut: [] };
	}
	if (gate.leftOut.length > 0) {
		const n = gate.leftOut.length;
		say(`\nbuild: left out ${n} unpublished ${n === 1 ? 'postmortem' : 'postmortems'} with errors (no page is built for ${n === 1 ? 'it' : 'them'}; npm run validate still fails on ${n === 1 ? 'it' : 'them'}, and --strict stops the build):`);
		for (const s of gate.leftOut) say(`  ${sanitiseForTerminal(s.file)}`);
	}
	const leftOutFiles = new Set(gate.leftOut.map((s) => s.file));
	const entries = result.entries.filter((e) => !leftOutFiles.has(e.file));
	return { ok: true, pendingDrafts: splitScaffolds(selectDraftTargets(entries)).ready.length, leftOut: gate.leftOut.map((s) => s.relative ?? s.file) };
}
