import { describe, expect, it } from 'vitest';
import { draftPrompt } from '../../../src/lib/drafting/prompt.ts';
import { createDraftClient, draftRequestParams, MAX_RETRIES, MAX_TOKENS, requestDraft } from '../../../src/cli/drafting/request.ts';
import { draftReply, errorReply, textReply } from '../../support/fake-anthropic.ts';
import { useFakeAnthropic } from '../../support/use-fake-anthropic.ts';

const fake = useFakeAnthropic();

const prompt = draftPrompt([], { text: '---\ntitle: Disk full\n---\n', body: 'The disk filled.', fields: ['summary', 'lessons'] });
const params = () => draftRequestParams('claude-sonnet-5-5', prompt);
const good = { summary: 'The log volume filled the disk and deliveries stalled.', lessons: ['Disk alerts need headroom.'] };

describe('one draft request through the SDK', () => {
	it('sends structured output, the cached system prefix and the key, and parses the answer', async () => {
		fake().queue(draftReply(good));
		const outcome = await requestDraft(createDraftClient(), params());
		expect(outcome).toMatchObject({ ok: true, draft: good });
		const [req] = fake().requests;
		expect(req!.path).toBe('/v1/messages');
		expect(req!.headers.authorization ?? req!.headers['x-api-key']).toContain('test-key');
		expect(req!.body).toMatchObject({ model: 'claude-sonnet-5-5', max_tokens: MAX_TOKENS });
		expect(req!.headers['x-stainless-timeout']).toBe('180');
		expect(req!.body.system.at(-1).cache_control).toEqual({ type: 'ephemeral' });
		expect(req!.body.output_config.format).toMatchObject({
			type: 'json_schema',
			schema: { type: 'object', required: ['summary', 'lessons'], additionalProperties: false },
		});
		expect(req!.body.messages).toHaveLength(1);
	});

	it('rides out a 429 with the SDK retry', async () => {
		fake().queue(errorReply(429), draftReply(good));
		const outcome = await requestDraft(createDraftClient(), params());
		expect(outcome.ok).toBe(true);
		expect(fake().requests).toHaveLength(2);
	});

	it('gives up on a 500 that never recovers, with a reason', async () => {
		fake().queue(...Array.from({ length: MAX_RETRIES + 1 }, () => errorReply(500, 'api_error', 'stand-in is down')));
		const outcome = await requestDraft(createDraftClient(), params());
		expect(outcome).toEqual({ ok: false, reason: `the API answered 500 (api_error: stand-in is down) after ${MAX_RETRIES + 1} attempts` });
		expect(fake().requests).toHaveLength(MAX_RETRIES + 1);
	});

	it('does not retry a request the API rejects', async () => {
		fake().queue(errorReply(400, 'invalid_request_error', 'bad model'));
		const outcome = await requestDraft(createDraftClient(), params());
		expect(outcome).toEqual({ ok: false, reason: 'the API answered 400 (invalid_request_error: bad model)' });
		expect(fake().requests).toHaveLength(1);
	});

	it('rejects output that does not parse', async () => {
		fake().queue(textReply('Here is your summary: all good.'));
		expect(await requestDraft(createDraftClient(), params())).toMatchObject({ ok: false, reason: expect.stringMatching(/^the answer did not parse as \{summary, lessons\}: .*JSON/) });
		fake().queue(textReply(JSON.stringify({ summary: '   ', lessons: [] })));
		expect(await requestDraft(createDraftClient(), params())).toMatchObject({ ok: false, reason: expect.stringMatching(/summary: .*; lessons: /) });
	});
});
