import Anthropic, { AnthropicError, APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { draftFormat, parseFailureReason, stopFailure } from '../../lib/drafting/parse.ts';
import type { RequestOutcome } from '../../lib/drafting/draft-one.ts';
import type { DraftPrompt } from '../../lib/drafting/prompt.ts';

/**
 * The request stage: one Messages API call through the official SDK, with the
 * SDK's own retries for 429, 5xx, timeouts and dropped connections.
 */

/** Retries after the first attempt. The SDK backs off exponentially (0.5 s to 8 s) and honours `retry-after`; four retries ride out a short rate-limit burst without stalling a run for minutes. */
export const MAX_RETRIES = 4;
/** Per attempt. Even a full `MAX_TOKENS` answer arrives well within three minutes; a hung connection is retried rather than waited on for the SDK's default ten. */
export const TIMEOUT_MS = 180_000;
/** The JSON answer is a few hundred tokens; the rest is room for the model's adaptive thinking, which counts against it. Tokens are billed as used, not as allowed; a draft cut off here is reported, never written. */
export const MAX_TOKENS = 8192;

/**
 * The client, created the SDK's default way: `ANTHROPIC_API_KEY` (or another
 * credential the SDK knows) and `ANTHROPIC_BASE_URL` come from the environment.
 */
export function createDraftClient(): Anthropic {
	return new Anthropic({ maxRetries: MAX_RETRIES, timeout: TIMEOUT_MS });
}

/** The request body for one draft: the model, the prompt, and the structured-output format. */
export function draftRequestParams(model: string, prompt: DraftPrompt) {
	return {
		model,
		max_tokens: MAX_TOKENS,
		system: prompt.system,
		messages: prompt.messages,
		output_config: { format: draftFormat },
	} satisfies Anthropic.MessageCreateParamsNonStreaming;
}

const RETRIED = (status: number) => status === 408 || status === 409 || status === 429 || status >= 500;

/** Turns what the SDK threw into one line for people; unknown errors are rethrown. */
export function apiFailureReason(error: unknown, maxRetries = MAX_RETRIES): string {
	const attempts = `after ${maxRetries + 1} attempts`;
	if (error instanceof APIUserAbortError) return 'the request was cancelled';
	if (error instanceof APIConnectionTimeoutError) return `the request timed out ${attempts}`;
	if (error instanceof APIConnectionError) return `could not reach the Messages API ${attempts}: ${error.message}`;
	if (error instanceof APIError && error.status !== undefined) {
		const what = [error.type, error.apiMessage].filter(Boolean).join(': ') || error.message;
		return `the API answered ${error.status} (${what})${RETRIED(error.status) ? ` ${attempts}` : ''}`;
	}
	throw error;
}

/**
 * Sends one draft request with `messages.parse`, which validates the answer against
 * the Zod schema; every failure becomes a reason, never an exception.
 */
export async function requestDraft(client: Anthropic, params: ReturnType<typeof draftRequestParams>, signal?: AbortSignal): Promise<RequestOutcome> {
	let message: Awaited<ReturnType<typeof client.messages.parse<typeof params>>>;
	try {
		message = await client.messages.parse(params, { signal });
	} catch (error) {
		if (error instanceof APIError) return { ok: false, reason: apiFailureReason(error, client.maxRetries) };
		if (error instanceof AnthropicError) return { ok: false, reason: parseFailureReason(error) };
		throw error;
	}
	const stopped = stopFailure(message);
	if (stopped) return { ok: false, reason: stopped, usage: message.usage };
	const draft = message.parsed_output;
	if (!draft) return { ok: false, reason: 'the answer had no text', usage: message.usage };
	const text = message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
	return { ok: true, draft, text, usage: message.usage };
}
