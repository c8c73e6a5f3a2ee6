import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { batchCustomId, batchStatePath, collectBatch, readBatchState, submitBatch, writeBatchState } from '../../../src/cli/drafting/batch.ts';
import { draftFromMessage } from '../../../src/lib/drafting/parse.ts';
import { draftPrompt } from '../../../src/lib/drafting/prompt.ts';
import { createDraftClient, draftRequestParams } from '../../../src/cli/drafting/request.ts';
import { draftReply, errorReply, startFakeAnthropic, type FakeAnthropic } from '../../support/fake-anthropic.ts';

let fake: FakeAnthropic;
beforeAll(async () => {
	fake = await startFakeAnthropic();
	vi.stubEnv('ANTHROPIC_API_KEY', 'test-key');
	vi.stubEnv('ANTHROPIC_BASE_URL', fake.url);
});
afterAll(async () => {
	vi.unstubAllEnvs();
	await fake.close();
});

const params = draftRequestParams('claude-sonnet-5-5', draftPrompt([], { text: '---\ntitle: T\n---\n', body: '', fields: ['summary'] }));
const good = { summary: 'A summary.', lessons: ['A lesson.'] };

describe('Message Batches', () => {
	it('makes custom ids the API accepts', () => {
		expect(batchCustomId(3, '2025-03-14-checkout.lock')).toBe('3-2025-03-14-checkout-lock');
		expect(batchCustomId(12, 'x'.repeat(100))).toHaveLength(64);
	});

	it('submits one job, then collects every result by custom id once it has ended', async () => {
		fake.batchesEndImmediately(false);
		fake.queue(draftReply(good), errorReply(500, 'api_error', 'overloaded'));
		const client = createDraftClient();
		const state = await submitBatch(
			client,
			[
				{ customId: '0-a', slug: 'a', fields: ['summary'], params },
				{ customId: '1-b', slug: 'b', fields: ['summary'], params },
			],
			'claude-sonnet-5-5',
			false,
			new Date('2025-06-01T00:00:00Z'),
		);
		expect(state).toMatchObject({ version: 1, batchId: expect.stringMatching(/^msgbatch_/), submittedAt: '2025-06-01T00:00:00.000Z', requests: [{ customId: '0-a' }, { customId: '1-b' }] });
		const submitted = fake.requests.find((r) => r.path === '/v1/messages/batches')!;
		expect(submitted.body.requests[0].params.output_config.format.type).toBe('json_schema');

		expect(await collectBatch(client, state.batchId)).toMatchObject({ ended: false, status: 'in_progress' });
		fake.finishBatches();
		const done = await collectBatch(client, state.batchId);
		if (!done.ended) throw new Error('expected the batch to have ended');
		const a = done.results.get('0-a')!;
		expect(a.type).toBe('succeeded');
		if (a.type === 'succeeded') expect(draftFromMessage(a.message)).toMatchObject({ ok: true, draft: good });
		expect(done.results.get('1-b')).toMatchObject({ type: 'errored', error: { error: { type: 'api_error' } } });
	});

	it('keeps the batch id in a small state file, and reports a damaged one', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-batch-'));
		const file = batchStatePath(dir);
		expect(await readBatchState(file)).toBeUndefined();
		const state = { version: 1 as const, batchId: 'msgbatch_1', model: 'm', submittedAt: '2025-06-01T00:00:00Z', force: false, requests: [{ customId: '0-a', slug: 'a', fields: ['summary' as const] }] };
		await writeBatchState(file, state);
		expect(await readBatchState(file)).toEqual(state);
		await writeFile(file, '{"nope": true}');
		await expect(readBatchState(file)).rejects.toThrow(/is not a drafting batch state/);
	});
});
