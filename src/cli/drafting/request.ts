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
/**
 * Per attempt. A draft's answer is a few hundred tokens plus thinking, well within a
 * minute; a hung connection is cut off and retried rather than waited on (the SDK's
 * default is ten minutes, and five such attempts held a run for a quarter of an hour).
 * `npm run draft -- --timeout S` changes it.
 */
export const TIMEOUT_MS = 60_000;
/** The JSON answer is a few hundred tokens; the rest is room for the model's adaptive thinking, which counts against it. Tokens are billed as used, not as allowed; a draft cut off here is reported, never written. */
export const MAX_TOKENS = 8192;

/**
 * The client, created the SDK's default way: `ANTHROPIC_API_KEY` (or another
 * credential the SDK knows) and `ANTHROPIC_BASE_URL` come from the environment.
 */
export function createDraftClient(options: { timeoutMs?: number; maxRetries?: number } = {}): Anthropic {
	return new Anthropic({ maxRetries: options.maxRetries ?? MAX_RETRIES, timeout: options.timeoutMs ?? TIMEOUT_MS, fetch: wholeAnswerFetch });
}

/** A 2xx answer that is an HTML page: a proxy or captive portal answered instead of the API. */
export class NotTheApiError extends Error {}
/** The connection broke after the headers, while the body was arriving. */
export class CutOffError extends Error {}

/**
 * `fetch` that reads the whole body before handing the response to the SDK, so a
 * body cut off mid-way, or an HTML page where JSON belongs, fails inside `fetch`:
 * the SDK then retries it like any dropped connection, and reports it as one.
 */
async function wholeAnswerFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
	const response = await fetch(input, init);
	const type = response.headers.get('content-type') ?? '';
	if (response.ok && /text\/html/i.test(type)) {
		await response.body?.cancel().catch(() => {});
		throw new NotTheApiError(`the API answered ${response.status} with text/html instead of a Messages response (a proxy or captive portal in between?)`);
	}
	let body: ArrayBuffer;
	try {
		body = await response.arrayBuffer();
	} catch (error) {
		if (init?.signal?.aborted) throw error;
		const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
		throw new CutOffError(`the connection broke while the answer was arriving (${cause})`);
	}
	return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
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
	const attempts = `after ${maxRetries + 1} ${maxRetries === 0 ? 'attempt' : 'attempts'}`;
	if (error instanceof APIUserAbortError) return 'the request was cancelled';
	if (error instanceof APIConnectionTimeoutError) return `the request timed out ${attempts}`;
	if (error instanceof APIConnectionError) {
		const cause = (error as { cause?: unknown }).cause;
		if (cause instanceof NotTheApiError || cause instanceof CutOffError) return `${cause.message} ${attempts}`;
		return `could not reach the Messages API ${attempts}: ${describeConnectionError(error)}`;
	}
	if (error instanceof APIError && error.status !== undefined) {
		const what = [error.type, error.apiMessage].filter(Boolean).join(': ') || error.message;
		return `the API answered ${error.status} (${what})${RETRIED(error.status) ? ` ${attempts}` : ''}`;
	}
	throw error;
}

/** The SDK's "Connection error." with the reason underneath (ECONNRESET, other side closed). */
function describeConnectionError(error: APIConnectionError): string {
	let cause = (error as { cause?: unknown }).cause;
	const parts = [error.message];
	for (let depth = 0; cause instanceof Error && depth < 3; depth++) {
		parts.push((cause as NodeJS.ErrnoException).code ?? cause.message);
		cause = (cause as { cause?: unknown }).cause;
	}
	return [...new Set(parts)].join(' ');
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
		// Anything else (an answer of the wrong shape) is this file's failure, never the run's.
		return { ok: false, reason: `the answer could not be read: ${error instanceof Error ? error.message : String(error)}` };
	}
	const stopped = stopFailure(message);
	if (stopped) return { ok: false, reason: stopped, usage: message.usage };
	const draft = message.parsed_output;
	if (!draft) return { ok: false, reason: 'the answer had no text', usage: message.usage };
	const text = message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
	return { ok: true, draft, text, usage: message.usage };
}
