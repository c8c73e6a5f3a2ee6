import type Anthropic from '@anthropic-ai/sdk';
import { AnthropicError, APIError } from '@anthropic-ai/sdk';
import { stopFailure } from '../lib/drafting/parse.ts';
import { findingsFromReview, numberSentences, toneReviewParams, type NumberedSentence, type ToneCalibration, type ToneReviewer, type ToneReviewOutcome } from '../lib/tone/model-review.ts';
import { apiFailureReason } from './drafting/request.ts';

/**
 * The model tone reviewer's request: one Messages API call through the official SDK
 * (its retries for 429, 5xx and dropped connections), parsed against the review schema.
 */

/** Sends one review request; every failure (API error, malformed answer, cut-off) becomes a reason, never an exception. */
export async function requestToneReview(client: Anthropic, params: ReturnType<typeof toneReviewParams>, sentences: ReadonlyArray<NumberedSentence>): Promise<ToneReviewOutcome> {
	if (sentences.length === 0) return { ok: true, findings: [] };
	let message: Awaited<ReturnType<typeof client.messages.parse<typeof params>>>;
	try {
		message = await client.messages.parse(params);
	} catch (error) {
		if (error instanceof APIError) return { ok: false, reason: apiFailureReason(error, client.maxRetries) };
		if (error instanceof AnthropicError) return { ok: false, reason: `the answer was malformed: ${error.message.split('\n')[0]}` };
		throw error;
	}
	const stopped = stopFailure(message);
	if (stopped) return { ok: false, reason: stopped, usage: message.usage };
	if (!message.parsed_output) return { ok: false, reason: 'the answer had no text', usage: message.usage };
	const findings = findingsFromReview(message.parsed_output, sentences);
	if (typeof findings === 'string') return { ok: false, reason: `the answer was malformed: ${findings}`, usage: message.usage };
	return { ok: true, findings, usage: message.usage };
}

/** The reviewer for a client, model and calibration. */
export function modelToneReviewer(client: Anthropic, model: string, calibration: ToneCalibration): ToneReviewer {
	return (texts) => {
		const sentences = numberSentences(texts);
		return requestToneReview(client, toneReviewParams(model, calibration, sentences), sentences);
	};
}
