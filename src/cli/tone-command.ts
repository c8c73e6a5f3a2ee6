import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '../config.ts';
import { postmortemSchema } from '../schemas/postmortem.ts';
import { pickStyleExamples } from '../lib/drafting/examples.ts';
import { createDraftClient } from './drafting/request.ts';
import { describeToneFinding, findBlameInTexts, REVIEWER_PHRASE, type FieldFinding, type ToneText } from '../lib/tone/fields.ts';
import { toneReviewParams, type ToneCalibration } from '../lib/tone/model-review.ts';
import { requestToneReview } from './tone-review.ts';
import { humanTextFields, postmortemPeople } from '../lib/tone/postmortem-texts.ts';
import { planReview, recordReview, reviewScope, type ReviewCache } from '../lib/tone/review-cache.ts';
import { parseFrontmatter } from '../lib/validation/frontmatter.ts';
import { checkContentDir } from './check-content.ts';
import { displayPath, listPostmortemFiles } from './content-dir.ts';
import { chooseModel, draftWouldCall, hasApiKey } from './draft-command.ts';
import { colours } from './terminal.ts';

/**
 * `npm run tone [-- FILES]`: the blameless-language check on people's text. The
 * deterministic layer always; the model reviewer too when a key is set, with its
 * verdicts cached by sentence hash in a git-ignored file so a rerun costs nothing.
 */

export interface ToneCommandOptions {
	/** Files to check; none means every postmortem in `dir`. */
	files: string[];
	dir: string;
	json: boolean;
	model?: string;
}

/** Where the model's verdicts are kept: PM_TONE_CACHE, else `.tone-cache.json` in the working directory (git-ignored). */
export function toneCachePath(env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(env.PM_TONE_CACHE || '.tone-cache.json');
}

async function readCache(file: string): Promise<ReviewCache> {
	try {
		const parsed = JSON.parse(await readFile(file, 'utf8'));
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
	} catch {
		return {};
	}
}

async function writeCache(file: string, cache: ReviewCache): Promise<void> {
	const temp = `${file}.${process.pid}.tmp`;
	await writeFile(temp, `${JSON.stringify(cache, null, 1)}\n`);
	await rename(temp, file);
}

/** The texts of one file: a postmortem's human-written fields (with its people), or the whole file. */
function textsOfFile(text: string): { texts: ToneText[]; people: string[] } {
	const parsed = parseFrontmatter(text);
	if (parsed.ok) {
		const pm = postmortemSchema.safeParse(parsed.data);
		if (pm.success) return { texts: humanTextFields(pm.data, parsed.body), people: postmortemPeople(pm.data) };
		return { texts: [{ field: '(body)', text: parsed.body }], people: [] };
	}
	return { texts: [{ field: '(text)', text }], people: [] };
}

/** 1-based line of a sentence's first words in the file, when it stands there as written. */
function lineOf(fileText: string, sentence: string): number | undefined {
	const probe = sentence.slice(0, 40);
	const at = fileText.indexOf(probe);
	return at < 0 ? undefined : fileText.slice(0, at).split('\n').length;
}

interface FileReport {
	file: string;
	findings: Array<FieldFinding & { layer: 'check' | 'model'; line?: number }>;
	/** Why the model review of this file could not run. */
	reviewError?: string;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Runs one `npm run tone`; resolves to the exit code (0 none, 1 findings or a review that could not run, 2 bad usage). */
export async function runToneCommand(opts: ToneCommandOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
	const config = getConfig();
	let files = opts.files.map((f) => path.resolve(f));
	if (files.length === 0) {
		const folder = await stat(opts.dir).catch(() => undefined);
		if (!folder?.isDirectory()) {
			say(`tone: no postmortems folder at ${opts.dir} (give FILES, set POSTMORTEMS_DIR or create content/postmortems)`);
			return 2;
		}
		files = (await listPostmortemFiles(opts.dir)).map((f) => f.absolute);
	}
	const texts = new Map<string, string>();
	for (const file of files) {
		const text = await readFile(file, 'utf8').catch(() => undefined);
		if (text === undefined) {
			say(`tone: cannot read ${displayPath(file)}`);
			return 2;
		}
		texts.set(file, text);
	}

	const useModel = draftWouldCall(env);
	const model = chooseModel(opts.model, env, config.drafting.model);
	let calibration: ToneCalibration | undefined;
	if (useModel) {
		const archive = await checkContentDir(opts.dir);
		const entries = 'missing' in archive ? [] : archive.result.entries;
		calibration = { styleExamples: pickStyleExamples(entries, config.policy), sentences: config.tone.examples };
	}
	const client = useModel ? createDraftClient() : undefined;
	const cacheFile = toneCachePath(env);
	const cache = useModel ? await readCache(cacheFile) : {};
	const scope = calibration ? reviewScope(model, calibration) : '';
	let sent = 0;

	const reports: FileReport[] = [];
	for (const [file, text] of texts) {
		const { texts: fields, people } = textsOfFile(text);
		const found = findBlameInTexts(fields, { blameWords: config.policy.blameWords, knownPeople: people });
		const report: FileReport = { file: displayPath(file), findings: found.map((f) => ({ ...f, layer: 'check' as const, line: lineOf(text, f.sentence) })) };
		if (client && calibration) {
			// The model reads what the check left: a sentence the check flagged is a finding already.
			const flagged = new Set(found.map((f) => `${f.field}\n${f.sentence}`));
			const { cached, toSend: all } = planReview(fields, cache, scope);
			const toSend = all.filter((s) => !flagged.has(`${s.field}\n${s.sentence}`)).map((s, i) => ({ ...s, index: i + 1 }));
			const modelFindings = cached.filter((f) => !flagged.has(`${f.field}\n${f.sentence}`));
			if (toSend.length > 0) {
				sent++;
				const outcome = await requestToneReview(client, toneReviewParams(model, calibration, toSend), toSend);
				if (outcome.ok) {
					recordReview(cache, toSend, outcome.findings, scope);
					modelFindings.push(...outcome.findings);
				} else report.reviewError = outcome.reason;
			}
			report.findings.push(...modelFindings.map((f) => ({ ...f, layer: 'model' as const, line: lineOf(text, f.sentence) })));
		}
		reports.push(report);
	}
	if (useModel && sent > 0) await writeCache(cacheFile, cache);

	const total = reports.reduce((n, r) => n + r.findings.length, 0);
	const failed = reports.filter((r) => r.reviewError);
	const layers = useModel ? 'the deterministic check and the model reviewer' : 'the deterministic check only';
	const skipped = useModel ? undefined : hasApiKey(env) ? 'under Vitest only a stand-in on 127.0.0.1 is called' : 'no ANTHROPIC_API_KEY';
	if (opts.json) {
		console.log(JSON.stringify({ files: reports.length, findings: total, model: useModel ? model : null, modelSkipped: skipped ?? null, reviewRequests: sent, reports }, null, 2));
	} else {
		const c = colours(process.stderr);
		for (const r of reports) {
			for (const f of r.findings) {
				const where = f.line ? `${r.file}:${f.line}` : r.file;
				const by = f.phrase === REVIEWER_PHRASE ? 'model' : 'check';
				say(c.yellow(`${where}: ${f.field}: ${f.kind} (${by}): ${describeToneFinding(f)}`));
				say(`  ${f.hint}`);
			}
			if (r.reviewError) say(c.red(`${r.file}: the tone review could not run: ${r.reviewError}`));
		}
		if (skipped) say(`tone: model review skipped (${skipped}); only the deterministic check ran`);
		say(`tone: ${reports.length} ${reports.length === 1 ? 'file' : 'files'} checked with ${layers}: ${total} ${total === 1 ? 'finding' : 'findings'}${useModel ? ` (${sent} review ${sent === 1 ? 'request' : 'requests'}; cached verdicts in ${displayPath(cacheFile)})` : ''}`);
	}
	return total > 0 || failed.length > 0 ? 1 : 0;
}
