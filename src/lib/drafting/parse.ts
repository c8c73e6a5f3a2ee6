import type Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { draftOutputSchema, type DraftOutput } from '../../schemas/draft-output.ts';

/**
 * The structured-output format of every draft request: the SDK turns the Zod schema
 * into `output_config.format` (a JSON schema the API constrains the answer to) and
 * parses the answer back through the same schema, rejecting what does not fit.
 */
export const draftFormat = zodOutputFormat(draftOutputSchema);

/** A parsed draft, or why there is none. */
export type ParsedDraft = { ok: true; draft: DraftOutput; text: string } | { ok: false; reason: string };

/** Shortens the SDK's parse error to one line: the JSON error, or the failing fields. */
export function parseFailureReason(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const issues = message.split('Validation issues:')[1];
	const detail = issues
		? issues
				.split('\n')
				.map((l) => l.trim().replace(/^- /, ''))
				.filter(Boolean)
				.join('; ')
		: message.replace(/^Failed to parse structured output( as JSON)?: /, '').split('\n')[0]!;
	return `the answer did not parse as {summary, lessons}: ${detail}`;
}

/** Why a finished message holds no usable answer, judged by its stop reason; undefined when it may. */
export function stopFailure(message: Pick<Anthropic.Message, 'stop_reason'>): string | undefined {
	switch (message.stop_reason) {
		case 'refusal':
			return 'the model declined to answer (stop reason: refusal)';
		case 'max_tokens':
			return 'the answer was cut off at max_tokens before it was complete';
		case 'model_context_window_exceeded':
			return 'the postmortem is too long for the model';
		default:
			return undefined;
	}
}

/** The answer text of a message: its text blocks, joined. */
export function answerText(message: Pick<Anthropic.Message, 'content'>): string {
	return message.content
		.filter((b): b is Anthropic.TextBlock => b.type === 'text')
		.map((b) => b.text)
		.join('');
}

/** Parses a finished message (a batch result) the way `messages.parse` does for live requests. */
export function draftFromMessage(message: Pick<Anthropic.Message, 'content' | 'stop_reason'>): ParsedDraft {
	const stopped = stopFailure(message);
	if (stopped) return { ok: false, reason: stopped };
	const text = answerText(message);
	if (!text.trim()) return { ok: false, reason: 'the answer had no text' };
	try {
		return { ok: true, draft: draftFormat.parse(text), text };
	} catch (error) {
		return { ok: false, reason: parseFailureReason(error) };
	}
}
