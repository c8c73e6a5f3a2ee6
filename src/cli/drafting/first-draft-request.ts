import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { firstDraftOutputSchema } from '../../schemas/first-draft-output.ts';
import type { FirstDraftOutcome } from '../../lib/drafting/first-draft/pipeline.ts';
import { answerText, parseFailureReason, stopFailure } from '../../lib/drafting/parse.ts';
import type { DraftPrompt } from '../../lib/drafting/prompt.ts';
import { apiFailureReason } from './request.ts';

/**
 * The request stage of a first draft: the same SDK client (retries, timeout) and
 * failure wording as summary drafting, with the first-draft output format and room
 * for a longer answer. Every failure becomes a reason, never an exception.
 */

export const firstDraftFormat = zodOutputFormat(firstDraftOutputSchema);

/** The answer is a whole postmortem (a few thousand tokens) plus room for adaptive thinking; billed as used. */
export const FIRST_DRAFT_MAX_TOKENS = 16_384;

export function firstDraftRequestParams(model: string, prompt: DraftPrompt) {
	return {
		model,
		max_tokens: FIRST_DRAFT_MAX_TOKENS,
		system: prompt.system,
		messages: prompt.messages,
		output_config: { format: firstDraftFormat },
	} satisfies Anthropic.MessageCreateParamsNonStreaming;
}

export async function requestFirstDraft(
	client: Anthropic,
	params: ReturnType<typeof firstDraftRequestParams>,
	signal?: AbortSignal,
): Promise<FirstDraftOutcome> {
	let message: Anthropic.Message;
	try {
		// create, then parse through the same format: a stop reason (max_tokens, refusal) explains a broken answer better than the JSON error would.
		message = await client.messages.create(params, { signal });
	} catch (error) {
		if (error instanceof APIError) return { ok: false, reason: apiFailureReason(error, client.maxRetries) };
		// A body cut off mid-stream or a proxy's HTML page: a failure of this draft, not a crash.
		return { ok: false, reason: `the answer could not be read: ${error instanceof Error ? error.message : String(error)}` };
	}
	const stopped = stopFailure(message);
	if (stopped) return { ok: false, reason: stopped, usage: message.usage };
	const text = answerText(message);
	if (!text.trim()) return { ok: false, reason: 'the answer had no text', usage: message.usage };
	try {
		return { ok: true, draft: firstDraftFormat.parse(text), text, usage: message.usage };
	} catch (error) {
		return { ok: false, reason: parseFailureReason(error).replace('as {summary, lessons}', 'as a first draft'), usage: message.usage };
	}
}
