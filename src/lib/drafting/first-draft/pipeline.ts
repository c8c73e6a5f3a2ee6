import type Anthropic from '@anthropic-ai/sdk';
import type { FirstDraftOutput } from '../../../schemas/first-draft-output.ts';
import type { DraftPrompt } from '../prompt.ts';
import type { ArtefactEvent } from './events.ts';
import { checkNumbers, checkRefs, firstDraftRewriteRequest, rejections, type Dropped, type ToneContext } from './guards.ts';

/**
 * A first draft from request to a guarded answer: send, guard (drop what cites
 * nothing, drop invented numbers, reject self-narration and blame), and on a
 * rejection one rewrite request with the problems; a second rejection is final.
 */

/** The parsed answer of one request, or why there is none. */
export type FirstDraftOutcome =
	{ ok: true; draft: FirstDraftOutput; text: string; usage: Anthropic.Usage } | { ok: false; reason: string; usage?: Anthropic.Usage };

export interface FirstDraftContext {
	prompt: DraftPrompt;
	index: ReadonlyMap<string, ArtefactEvent>;
	/** Every number the artefacts state. */
	knownNumbers: ReadonlySet<string>;
	tone: ToneContext;
	send: (messages: Anthropic.MessageParam[]) => Promise<FirstDraftOutcome>;
}

export type GuardedFirstDraft =
	{ ok: true; draft: FirstDraftOutput; dropped: Dropped[]; retried: boolean } | { ok: false; reason: string; retried: boolean; problems: string[] };

/** The guards that repair, then the ones that reject. */
export function guardDraft(
	d: FirstDraftOutput,
	ctx: Pick<FirstDraftContext, 'index' | 'knownNumbers' | 'tone'>,
): { draft: FirstDraftOutput; dropped: Dropped[]; problems: string[] } {
	const refs = checkRefs(d, ctx.index);
	const numbers = checkNumbers(refs.draft, ctx.knownNumbers);
	const draft = numbers.draft;
	return {
		draft,
		dropped: [...refs.dropped, ...numbers.dropped],
		problems: rejections(draft, ctx.tone, draft.timeline.length),
	};
}

export async function draftFromArtefacts(ctx: FirstDraftContext): Promise<GuardedFirstDraft> {
	const first = await ctx.send(ctx.prompt.messages);
	if (!first.ok) return { ok: false, reason: first.reason, retried: false, problems: [] };
	const once = guardDraft(first.draft, ctx);
	if (once.problems.length === 0)
		return {
			ok: true,
			draft: once.draft,
			dropped: once.dropped,
			retried: false,
		};
	const second = await ctx.send([
		...ctx.prompt.messages,
		{ role: 'assistant', content: first.text },
		{ role: 'user', content: firstDraftRewriteRequest(once.problems) },
	]);
	if (!second.ok)
		return {
			ok: false,
			reason: `the draft was sent back (${once.problems[0]}) and the rewrite failed: ${second.reason}`,
			retried: true,
			problems: once.problems,
		};
	const twice = guardDraft(second.draft, ctx);
	if (twice.problems.length > 0)
		return {
			ok: false,
			reason: `the draft still fails after one rewrite: ${twice.problems[0]}${twice.problems.length > 1 ? ` (and ${twice.problems.length - 1} more)` : ''}`,
			retried: true,
			problems: twice.problems,
		};
	return {
		ok: true,
		draft: twice.draft,
		dropped: twice.dropped,
		retried: true,
	};
}
