import { describe, expect, it } from 'vitest';
import { draftPrompt } from '../../../src/lib/drafting/prompt.ts';
import { createDraftClient, draftRequestParams, MAX_RETRIES, MAX_TOKENS, requestDraft, TIMEOUT_MS } from '../../../src/cli/drafting/request.ts';
import { cutoffReply, draftReply, errorReply, hangReply, htmlReply, resetReply, textReply } from '../../support/fake-anthropic.ts';
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
		expect(req!.headers['x-stainless-timeout']).toBe('60');
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

describe('transport faults become reasons, never exceptions (issue 14)', () => {
	it('a body cut off mid-answer', async () => {
		fake().queue(cutoffReply());
		const outcome = await requestDraft(createDraftClient({ maxRetries: 0 }), params());
		expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/^the connection broke while the answer was arriving/) });
	});

	it('a 200 with an HTML page from a proxy', async () => {
		fake().queue(htmlReply());
		const outcome = await requestDraft(createDraftClient({ maxRetries: 0 }), params());
		expect(outcome).toEqual({ ok: false, reason: 'the API answered 200 with text/html instead of a Messages response (a proxy or captive portal in between?) after 1 attempt' });
	});

	it('a connection reset is retried, then reported', async () => {
		fake().queue(resetReply(), draftReply(good));
		expect(await requestDraft(createDraftClient({ maxRetries: 1 }), params())).toMatchObject({ ok: true, draft: good });
		fake().queue(resetReply(), resetReply());
		const outcome = await requestDraft(createDraftClient({ maxRetries: 1 }), params());
		expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/^could not reach the Messages API after 2 attempts/) });
	});

	it('a hung attempt times out after the per-attempt timeout and is retried', async () => {
		fake().queue(hangReply(), draftReply(good));
		const outcome = await requestDraft(createDraftClient({ timeoutMs: 1000, maxRetries: 1 }), params());
		expect(outcome).toMatchObject({ ok: true, draft: good });
		expect(fake().requests).toHaveLength(2);
		expect(fake().requests[0]!.headers['x-stainless-timeout']).toBe('1');
	});

	it('the default per-attempt timeout is about a minute', () => {
		expect(TIMEOUT_MS).toBe(60_000);
	});
});
