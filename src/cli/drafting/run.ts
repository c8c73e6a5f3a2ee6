import type Anthropic from '@anthropic-ai/sdk';
import path from 'node:path';
import type { DraftOutput } from '../../schemas/draft-output.ts';
import type { DraftBatchState } from '../../schemas/draft-batch-state.ts';
import type { DraftableField } from '../../schemas/drafted.ts';
import { collectBatch, submitBatch, batchCustomId, type BatchItem } from './batch.ts';
import { addUsage, emptyUsage, type UsageTotals } from '../../lib/drafting/cost.ts';
import { draftOne, passToneGate, type GateContext, type GatedDraft } from '../../lib/drafting/draft-one.ts';
import { draftFromMessage } from '../../lib/drafting/parse.ts';
import type { PlannedDraft } from '../../lib/drafting/plan.ts';
import { runPool } from '../../lib/drafting/pool.ts';
import { draftRequestParams, requestDraft } from './request.ts';
import { FileChangedError, ReadOnlyError, saveAtomically } from './save.ts';
import { applyDraft, type DraftValues } from '../../lib/drafting/write-back.ts';

/**
 * A drafting run end to end: live (request → parse → tone gate → write, a few at a
 * time) or as a Message Batches job (submit now, collect later through the same gate
 * and writer). File writes happen here; the stages it strings together are pure.
 */

/** What happened to one postmortem. */
export interface FileOutcome {
	/** The path to show people. */
	file: string;
	slug: string;
	status: 'drafted' | 'failed' | 'skipped';
	/** The fields written (drafted) or that were to be written. */
	fields: DraftableField[];
	/** Why it failed or was skipped. */
	reason?: string;
	/** Whether the tone gate sent the first draft back once. */
	retried?: boolean;
}

export interface RunSettings {
	client: Anthropic;
	model: string;
	blameWords: ReadonlyArray<string>;
	/** The clock: the `drafted.at` of every file this run writes. */
	now: () => Date;
	/** Aborted when the run's deadline passes: requests in flight stop, files not started are not sent. */
	signal?: AbortSignal;
}

/** Usage of a run, live and batch apart (batch tokens cost half). */
export interface RunUsage {
	live: UsageTotals;
	batch: UsageTotals;
}

export function emptyRunUsage(): RunUsage {
	return { live: emptyUsage(), batch: emptyUsage() };
}

function liveSender(plan: PlannedDraft, settings: RunSettings, usage: UsageTotals): GateContext['send'] {
	const params = draftRequestParams(settings.model, plan.prompt);
	return async (messages) => {
		const outcome = await requestDraft(settings.client, { ...params, messages }, settings.signal);
		addUsage(usage, outcome.usage);
		return outcome;
	};
}

function gateContext(plan: PlannedDraft, fields: DraftableField[], settings: RunSettings, usage: UsageTotals): GateContext {
	return { prompt: plan.prompt, fields, blameWords: settings.blameWords, pm: plan.target.entry.data, send: liveSender(plan, settings, usage) };
}

/** Writes a gated draft into its file (the fields asked for only); every failure is an outcome. */
export async function writeDraft(plan: PlannedDraft, fields: DraftableField[], gated: GatedDraft, settings: RunSettings): Promise<FileOutcome> {
	const base = { file: plan.file, slug: plan.target.entry.slug, fields };
	if (!gated.ok) return { ...base, status: 'failed', reason: gated.reason };
	const values: DraftValues = {};
	for (const f of fields) (values as Record<string, DraftOutput[typeof f]>)[f] = gated.draft[f];
	const edit = applyDraft(plan.text, values, { model: settings.model, at: settings.now() });
	if (!edit.ok) return { ...base, status: 'failed', reason: edit.reason };
	try {
		await saveAtomically(path.resolve(plan.file), edit.text, plan.text);
	} catch (error) {
		const reason = error instanceof FileChangedError || error instanceof ReadOnlyError ? error.message : `could not write the file: ${(error as Error).message}`;
		return { ...base, status: 'failed', reason };
	}
	return { ...base, status: 'drafted', retried: gated.retried };
}

/** Why a file failed when something threw (the run goes on; this file is left as it was). */
function thrownReason(error: unknown, signal: AbortSignal | undefined): string {
	if (signal?.aborted) return String(signal.reason instanceof Error ? signal.reason.message : signal.reason ?? 'the run was stopped');
	return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Live-run extras: how many at once, who hears each outcome, and who hears about a slow request. */
export interface LiveSettings extends RunSettings {
	concurrency: number;
	onOutcome?: (outcome: FileOutcome) => void;
	/** Called every `waitingEveryMs` while a file's request is still unanswered. */
	onWaiting?: (file: string, waitedMs: number) => void;
	waitingEveryMs?: number;
}

/**
 * Drafts every plan live, `concurrency` at a time; `onOutcome` hears each file as it
 * finishes. Every error in one file becomes that file's failure; it resolves only when
 * every worker has finished, so the caller's lock outlives every write.
 */
export async function draftLive(plans: ReadonlyArray<PlannedDraft>, settings: LiveSettings, usage: RunUsage = emptyRunUsage()): Promise<FileOutcome[]> {
	const outcomes: FileOutcome[] = [];
	await runPool(
		plans,
		settings.concurrency,
		async (plan) => {
			const fields = plan.target.fields;
			const base = { file: plan.file, slug: plan.target.entry.slug, fields };
			let outcome: FileOutcome;
			if (settings.signal?.aborted) {
				outcome = { ...base, status: 'failed', reason: `${thrownReason(undefined, settings.signal)}; not sent` };
			} else {
				const started = Date.now();
				const every = settings.waitingEveryMs ?? 30_000;
				const timer = settings.onWaiting ? setInterval(() => settings.onWaiting!(base.file, Date.now() - started), every) : undefined;
				try {
					const gated = await draftOne(gateContext(plan, fields, settings, usage.live));
					outcome = settings.signal?.aborted && !gated.ok ? { ...base, status: 'failed', reason: thrownReason(undefined, settings.signal) } : await writeDraft(plan, fields, gated, settings);
				} catch (error) {
					outcome = { ...base, status: 'failed', reason: thrownReason(error, settings.signal) };
				} finally {
					clearInterval(timer);
				}
			}
			outcomes.push(outcome);
			settings.onOutcome?.(outcome);
		},
		{ warmFirst: true },
	);
	return outcomes;
}

/** Submits every plan as one Message Batches job; returns the state to keep until collection. */
export async function submitDrafts(plans: ReadonlyArray<PlannedDraft>, settings: RunSettings & { force: boolean }): Promise<DraftBatchState> {
	const items: BatchItem[] = plans.map((plan, i) => ({
		customId: batchCustomId(i, plan.target.entry.slug),
		slug: plan.target.entry.slug,
		fields: plan.target.fields,
		params: draftRequestParams(settings.model, plan.prompt),
	}));
	return submitBatch(settings.client, items, settings.model, settings.force, settings.now());
}

/** The outcome of checking a batch: still running, or collected. */
export type CollectResult =
	| { ended: false; status: string; counts: Anthropic.Messages.MessageBatchRequestCounts }
	| { ended: true; outcomes: FileOutcome[] };

/**
 * Collects a finished batch. `replan` re-reads the archive now (a person may have
 * filled a field in since) and returns the plan for a slug with the fields that
 * are still to draft; each result then passes the tone gate (a rewrite is a live
 * request) and the writer, exactly as a live draft does.
 */
export async function collectDrafts(
	state: DraftBatchState,
	settings: RunSettings & { replan: (slug: string) => Promise<PlannedDraft | undefined>; onOutcome?: (outcome: FileOutcome) => void },
	usage: RunUsage = emptyRunUsage(),
): Promise<CollectResult> {
	const progress = await collectBatch(settings.client, state.batchId);
	if (!progress.ended) return progress;
	const outcomes: FileOutcome[] = [];
	const settle = (outcome: FileOutcome) => {
		outcomes.push(outcome);
		settings.onOutcome?.(outcome);
	};
	for (const request of state.requests) {
		const result = progress.results.get(request.customId);
		const plan = await settings.replan(request.slug);
		const stillMissing = plan ? request.fields.filter((f) => plan.target.fields.includes(f)) : [];
		if (result?.type === 'succeeded') addUsage(usage.batch, result.message.usage);
		if (!plan || stillMissing.length === 0) {
			settle({ file: plan ? plan.file : request.slug, slug: request.slug, status: 'skipped', fields: request.fields, reason: plan ? 'already filled in since the batch was submitted' : 'no longer in the archive, or not valid' });
			continue;
		}
		try {
			settle(await collectOne(plan, stillMissing, result, settings, usage));
		} catch (error) {
			settle({ file: plan.file, slug: request.slug, status: 'failed', fields: stillMissing, reason: thrownReason(error, settings.signal) });
		}
	}
	return { ended: true, outcomes };
}

/** One batch result through the tone gate and the writer. */
async function collectOne(plan: PlannedDraft, stillMissing: DraftableField[], result: Anthropic.Messages.MessageBatchResult | undefined, settings: RunSettings, usage: RunUsage): Promise<FileOutcome> {
	let gated: GatedDraft;
	if (!result) gated = { ok: false, reason: 'the batch returned no result for it' };
	else if (result.type === 'errored') gated = { ok: false, reason: `the batch request failed: ${result.error.error?.type ?? 'error'}: ${result.error.error?.message ?? ''}`.trim() };
	else if (result.type !== 'succeeded') gated = { ok: false, reason: `the batch request was ${result.type}` };
	else {
		const parsed = draftFromMessage(result.message);
		gated = parsed.ok ? await passToneGate(parsed, gateContext(plan, stillMissing, settings, usage.live)) : { ok: false, reason: parsed.reason };
	}
	return writeDraft(plan, stillMissing, gated, settings);
}
