import type Anthropic from '@anthropic-ai/sdk';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { draftBatchStateSchema, type DraftBatchRequest, type DraftBatchState } from '../../schemas/draft-batch-state.ts';

/**
 * Backfill at half price: every draft of a run as one Message Batches job. The
 * job id is kept in a small state file until a later run collects the results,
 * which then go through the same parse, tone gate and writer as live drafts.
 */

/** The state file, kept beside the postmortems (one archive, one pending batch; gitignored). */
export function batchStatePath(contentDir: string): string {
	return path.join(contentDir, '.draft-batch.json');
}

/** A batch `custom_id`: position plus slug, within the API's 64 characters of `[A-Za-z0-9_-]`. */
export function batchCustomId(index: number, slug: string): string {
	return `${index}-${slug.replace(/[^A-Za-z0-9_-]+/g, '-')}`.slice(0, 64);
}

/** The pending batch, undefined when there is none; a damaged file is reported, not guessed at. */
export async function readBatchState(file: string): Promise<DraftBatchState | undefined> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new Error(`${file} is not valid JSON; delete it if no batch is pending`);
	}
	const parsed = draftBatchStateSchema.safeParse(data);
	if (!parsed.success) throw new Error(`${file} is not a drafting batch state (${parsed.error.issues[0]!.message}); delete it if no batch is pending`);
	return parsed.data;
}

export async function writeBatchState(file: string, state: DraftBatchState): Promise<void> {
	const tmp = `${file}.draft-${process.pid}.tmp`;
	await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
	await rename(tmp, file);
}

export async function removeBatchState(file: string): Promise<void> {
	await unlink(file).catch(() => {});
}

/** One request of a batch: its id, the postmortem, the fields, the request body. */
export interface BatchItem extends DraftBatchRequest {
	params: Anthropic.MessageCreateParamsNonStreaming;
}

/** Submits the batch; returns the state to save. */
export async function submitBatch(client: Anthropic, items: ReadonlyArray<BatchItem>, model: string, force: boolean, now: Date): Promise<DraftBatchState> {
	const batch = await client.messages.batches.create({
		requests: items.map((item) => ({ custom_id: item.customId, params: item.params })),
	});
	return {
		version: 1,
		batchId: batch.id,
		model,
		submittedAt: now.toISOString(),
		force,
		requests: items.map(({ customId, slug, fields }) => ({ customId, slug, fields })),
	};
}

/** Where a batch stands. */
export type BatchProgress =
	| { ended: false; status: string; counts: Anthropic.Messages.MessageBatchRequestCounts }
	| { ended: true; results: Map<string, Anthropic.Messages.MessageBatchResult> };

/** Checks the batch once; when it has ended, reads every result by `custom_id`. */
export async function collectBatch(client: Anthropic, batchId: string): Promise<BatchProgress> {
	const batch = await client.messages.batches.retrieve(batchId);
	if (batch.processing_status !== 'ended') return { ended: false, status: batch.processing_status, counts: batch.request_counts };
	const results = new Map<string, Anthropic.Messages.MessageBatchResult>();
	for await (const line of await client.messages.batches.results(batchId)) results.set(line.custom_id, line.result);
	return { ended: true, results };
}
