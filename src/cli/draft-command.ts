import { APIError } from '@anthropic-ai/sdk';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '../config.ts';
import { batchStatePath, readBatchState, removeBatchState, writeBatchState } from './drafting/batch.ts';
import { pickStyleExamples } from '../lib/drafting/examples.ts';
import { acquireLock } from './drafting/lock.ts';
import { planDrafts, type PlannedDraft } from '../lib/drafting/plan.ts';
import { apiFailureReason, createDraftClient } from './drafting/request.ts';
import { collectDrafts, draftLive, emptyRunUsage, submitDrafts, type FileOutcome } from './drafting/run.ts';
import { readOnlyReason, removeLeftoverTempFiles } from './drafting/save.ts';
import { FILL_IN_TEMPLATE_FIRST, fieldsToDraft, selectDraftTargets, splitScaffolds, unknownSlugs, type DraftTarget } from '../lib/drafting/select.ts';
import { displayPath } from './content-dir.ts';
import { checkContentDir } from './check-content.ts';
import { dryRunLines, noKeyLine, outcomeLine, reportJson, startLine, summaryLine, usageLine } from './draft-report.ts';

/** What `npm run draft` was asked to do. */
export interface DraftCommandOptions {
	dir: string;
	dryRun: boolean;
	only: string[];
	concurrency: number;
	model?: string;
	force: boolean;
	batch: boolean;
	resume: boolean;
	json: boolean;
	/** Per-attempt timeout of a request (default: request.ts TIMEOUT_MS). */
	timeoutMs?: number;
	/** Retries after a failed attempt (default: request.ts MAX_RETRIES). */
	maxRetries?: number;
	/** The whole run's deadline; files not drafted by then fail and are left as they were (default 30 minutes). */
	deadlineMs?: number;
}

/** A live run stops sending after this long: a hanging API never holds the lock for hours. */
export const DEFAULT_DEADLINE_MS = 30 * 60_000;

/** The model: `--model`, else `PM_DRAFT_MODEL`, else the config's `drafting.model`. */
export function chooseModel(flag: string | undefined, env: NodeJS.ProcessEnv, configured: string): string {
	return flag?.trim() || env.PM_DRAFT_MODEL?.trim() || configured;
}

/** Whether the SDK will find a credential in the environment. */
export function hasApiKey(env: NodeJS.ProcessEnv): boolean {
	return Boolean(env.ANTHROPIC_API_KEY?.trim() || env.ANTHROPIC_AUTH_TOKEN?.trim());
}

/**
 * Under Vitest only a stand-in on the loopback interface may be called, so a key in a
 * developer's shell never turns a test build into real requests that rewrite fixtures.
 */
export function underTestWithoutStandIn(env: NodeJS.ProcessEnv): boolean {
	if (!env.VITEST) return false;
	try {
		const host = new URL(env.ANTHROPIC_BASE_URL ?? '').hostname;
		return !['127.0.0.1', 'localhost', '[::1]'].includes(host);
	} catch {
		return true;
	}
}

/** Whether `npm run draft` would send requests now (a key, and not a test without a stand-in). */
export function draftWouldCall(env: NodeJS.ProcessEnv): boolean {
	return hasApiKey(env) && !underTestWithoutStandIn(env);
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Runs one `npm run draft`; resolves to the exit code. */
export async function runDraftCommand(opts: DraftCommandOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
	const folder = await stat(opts.dir).catch(() => undefined);
	if (!folder?.isDirectory()) {
		say(`draft: no postmortems folder at ${opts.dir} (set POSTMORTEMS_DIR or create content/postmortems)`);
		return 2;
	}
	const willCall = !opts.dryRun && draftWouldCall(env);
	if (!willCall) return draftRun(opts, env, false);

	// The lock comes before the files are read, so a run never plans from files another run is still writing.
	const lockFile = path.join(opts.dir, '.draft.lock');
	const lock = await acquireLock(lockFile);
	if (!lock.ok) {
		const who = lock.holder ? `pid ${lock.holder.pid} on ${lock.holder.host}, started ${lock.holder.startedAt}` : 'another run';
		say(`draft: another drafting run holds ${lockFile} (${who}); wait for it to finish. If no draft is running, delete that file.`);
		return 1;
	}
	const onSignal = (signal: NodeJS.Signals) => {
		lock.release();
		say(`draft: stopped by ${signal}; every file is either as it was or fully drafted`);
		process.exit(130);
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		if (lock.tookOverFrom) say(`draft: took over ${displayPath(lockFile)}, left by pid ${lock.tookOverFrom.pid} on ${lock.tookOverFrom.host} (started ${lock.tookOverFrom.startedAt}), which is no longer running`);
		else if (lock.tookOver) say(`draft: took over ${displayPath(lockFile)}, an unreadable lock left by a stopped run`);
		for (const tmp of await removeLeftoverTempFiles(opts.dir)) say(`draft: removed ${displayPath(tmp)}, a temporary file a stopped run left (its postmortem is as it was before that run)`);
		return await draftRun(opts, env, true);
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		lock.release();
	}
}

/** Reads the archive, decides what to draft, then lists it (dry run, no key) or drafts it (`willCall`, under the lock). */
async function draftRun(opts: DraftCommandOptions, env: NodeJS.ProcessEnv, willCall: boolean): Promise<number> {
	const checked = await checkContentDir(opts.dir);
	if ('missing' in checked) {
		say(`draft: no postmortems folder at ${checked.missing}`);
		return 2;
	}
	const { sources, result } = checked;
	const config = getConfig();
	const model = chooseModel(opts.model, env, config.drafting.model);
	const blameWords = config.policy.blameWords;
	const unknown = unknownSlugs(sources, opts.only);
	if (unknown.length > 0) {
		say(`draft: --only ${unknown.join(', ')}: no postmortem with ${unknown.length === 1 ? 'that slug' : 'those slugs'} in ${opts.dir}`);
		return 2;
	}

	const stateFile = batchStatePath(opts.dir);
	const state = await readBatchState(stateFile);
	const collecting = state !== undefined && (opts.resume || opts.batch);
	if (opts.resume && !state) {
		if (opts.json) console.log(JSON.stringify(reportJson([], emptyRunUsage(), model, { batch: null }), null, 2));
		else say('draft: no batch is pending; nothing to resume');
		return 0;
	}

	const invalid = sources.length - result.entries.length;
	if (invalid > 0 && !opts.json) say(`draft: ${invalid} ${invalid === 1 ? 'postmortem has' : 'postmortems have'} errors and ${invalid === 1 ? 'was' : 'were'} not considered (npm run validate lists them)`);
	const inBatch = new Set(state && !collecting ? state.requests.map((r) => r.slug) : []);
	const targets = selectDraftTargets(result.entries, { only: opts.only, force: opts.force }).filter((t) => !inBatch.has(t.entry.slug));
	if (inBatch.size > 0 && !opts.json) say(`draft: ${inBatch.size} ${inBatch.size === 1 ? 'postmortem waits' : 'postmortems wait'} in batch ${state!.batchId}; collect with npm run draft -- --resume`);
	const examples = pickStyleExamples(result.entries, { blameWords });
	const { ready, scaffolds } = splitScaffolds(targets);
	const readOnly = await readOnlyTargets(ready);
	const plans = planDrafts(
		sources,
		ready.filter((t) => !readOnly.has(t)),
		examples,
	);
	// Reported, never sent: an untouched template, and files people made read-only.
	const skipped: FileOutcome[] = [
		...scaffolds.map((t): FileOutcome => ({ file: t.entry.file, slug: t.entry.slug, status: 'skipped', fields: t.fields, reason: FILL_IN_TEMPLATE_FIRST })),
		...[...readOnly].map(([t, reason]): FileOutcome => ({ file: t.entry.file, slug: t.entry.slug, status: 'skipped', fields: t.fields, reason })),
	];
	if (!opts.json) for (const [i, o] of skipped.entries()) say(outcomeLine(o, i + 1, skipped.length));

	if (opts.dryRun) {
		if (opts.json) console.log(JSON.stringify({ model, dryRun: true, plans: plans.map((p) => ({ file: p.target.entry.file, slug: p.target.entry.slug, fields: p.target.fields })), skipped: skipped.map(({ file, slug, reason }) => ({ file, slug, reason })) }, null, 2));
		else if (plans.length > 0) for (const line of dryRunLines(plans, model)) say(line);
		return 0;
	}
	if (plans.length === 0 && !collecting) {
		// Nothing to do is silent (the build runs this every time), unless slugs were named.
		if (opts.json) console.log(JSON.stringify(reportJson(skipped, emptyRunUsage(), model), null, 2));
		else if (opts.only.length > 0) say(`draft: nothing to draft in ${opts.only.join(', ')}${opts.force ? '' : ' (--force redrafts unreviewed model drafts)'}`);
		return 0;
	}
	if (!willCall) {
		const pending = plans.length + inBatch.size;
		const guarded = hasApiKey(env) && underTestWithoutStandIn(env);
		const reason = guarded ? 'under Vitest only a stand-in on 127.0.0.1 is called' : 'no ANTHROPIC_API_KEY';
		if (opts.json) console.log(JSON.stringify({ model, pending, reason }, null, 2));
		else say(guarded ? `draft: ${pending} left pending: ${reason} (set ANTHROPIC_BASE_URL to one)` : noKeyLine(pending));
		return 0;
	}

	const client = createDraftClient({ timeoutMs: opts.timeoutMs, maxRetries: opts.maxRetries });
	const usage = emptyRunUsage();
	const deadlineMs = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;
	const deadline = new AbortController();
	const deadlineTimer = setTimeout(() => deadline.abort(new Error(`the run's deadline (${seconds(deadlineMs)}) passed before this file was drafted`)), deadlineMs);
	deadlineTimer.unref();
	const settings = { client, model, blameWords, now: () => new Date(), signal: deadline.signal };
	let done = 0;
	const progress = (total: number) => (outcome: FileOutcome) => {
		done += 1;
		if (!opts.json) say(outcomeLine(outcome, done, total));
	};
	const finish = (ran: FileOutcome[], reportModel: string, extra: Record<string, unknown> = {}) => {
		clearTimeout(deadlineTimer);
		const outcomes = [...skipped, ...ran];
		if (opts.json) console.log(JSON.stringify(reportJson(outcomes, usage, reportModel, extra), null, 2));
		else {
			say(summaryLine(outcomes));
			say(usageLine(usage, reportModel));
		}
		return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
	};

	if (collecting) {
		const pending = state;
		const bySlug = new Map(result.entries.map((e) => [e.slug, e]));
		// Planned again from the files as they are now: a field filled in meanwhile is left alone.
		const replan = async (slug: string): Promise<PlannedDraft | undefined> => {
			const entry = bySlug.get(slug);
			if (!entry) return undefined;
			const { fields, redraft } = fieldsToDraft(entry, pending.force);
			return planDrafts(sources, [{ entry, fields, redraft }], examples)[0];
		};
		let collected: Awaited<ReturnType<typeof collectDrafts>>;
		try {
			collected = await collectDrafts(pending, { ...settings, model: pending.model, replan, onOutcome: progress(pending.requests.length) }, usage);
		} catch (error) {
			if (!(error instanceof APIError)) throw error;
			const gone = error.status === 404 ? `; if that batch no longer exists, delete ${stateFile}` : '';
			say(`draft: could not collect batch ${pending.batchId}: ${apiFailureReason(error, client.maxRetries)}${gone}`);
			return 1;
		}
		if (!collected.ended) {
			const c = collected.counts;
			const finished = c.succeeded + c.errored + c.canceled + c.expired;
			if (opts.json) console.log(JSON.stringify({ model: pending.model, batch: pending.batchId, status: collected.status, counts: c }, null, 2));
			else say(`draft: batch ${pending.batchId} is still ${collected.status.replace('_', ' ')} (${finished} of ${finished + c.processing} done); run npm run draft -- --resume again later`);
			return 0;
		}
		await removeBatchState(stateFile);
		return finish(collected.outcomes, pending.model, { batch: pending.batchId });
	}

	if (opts.batch) {
		try {
			const submitted = await submitDrafts(plans, { ...settings, force: opts.force });
			await writeBatchState(stateFile, submitted);
			if (opts.json) console.log(JSON.stringify({ model, batch: submitted.batchId, submitted: submitted.requests.length }, null, 2));
			else say(`draft: submitted ${plans.length} ${plans.length === 1 ? 'postmortem' : 'postmortems'} as batch ${submitted.batchId} (half price); collect the results with npm run draft -- --resume once it has ended (most batches finish within an hour, all within 24 hours)`);
			return 0;
		} catch (error) {
			if (!(error instanceof APIError)) throw error;
			say(`draft: could not submit the batch: ${apiFailureReason(error, client.maxRetries)}`);
			return 1;
		}
	}

	if (!opts.json) say(startLine(plans.length, model, opts.concurrency));
	// A slow request says so: every 30 s, or every per-attempt timeout when that is shorter.
	const waitingEveryMs = Math.min(30_000, opts.timeoutMs ?? 30_000);
	const onWaiting = (file: string, waited: number) => {
		if (!opts.json) say(`draft: still waiting on ${file} after ${seconds(waited)}`);
	};
	const outcomes = await draftLive(plans, { ...settings, concurrency: opts.concurrency, onOutcome: progress(plans.length), onWaiting, waitingEveryMs }, usage);
	return finish(outcomes, model);
}

/** `45 s`, `2 min 30 s`. */
function seconds(ms: number): string {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

/** Targets whose file has no write permission, with the reason to show. */
async function readOnlyTargets(targets: ReadonlyArray<DraftTarget>): Promise<Map<DraftTarget, string>> {
	const out = new Map<DraftTarget, string>();
	for (const t of targets) {
		const info = await stat(t.entry.file).catch(() => undefined);
		const reason = info && readOnlyReason(info.mode);
		if (reason) out.set(t, reason);
	}
	return out;
}
