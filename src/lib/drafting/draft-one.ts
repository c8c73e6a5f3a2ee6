import type Anthropic from '@anthropic-ai/sdk';
import type { DraftOutput } from '../../schemas/draft-output.ts';
import type { DraftableField } from '../../schemas/drafted.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { DraftPrompt } from './prompt.ts';
import { describeFinding, draftFindings, rewriteRequest } from './tone-gate.ts';

/** The outcome of one request (sent by the CLI's client, src/cli/drafting/request.ts): the parsed draft and the raw answer (for a follow-up turn), or why not. */
export type RequestOutcome =
	| { ok: true; draft: DraftOutput; text: string; usage: Anthropic.Usage }
	| { ok: false; reason: string; usage?: Anthropic.Usage };

/** A draft that passed the tone gate, or why there is none. */
export type GatedDraft = { ok: true; draft: DraftOutput; retried: boolean } | { ok: false; reason: string };

/** What the gate needs to judge a draft and, once, to ask for a rewrite. */
export interface GateContext {
	prompt: DraftPrompt;
	fields: ReadonlyArray<DraftableField>;
	blameWords: ReadonlyArray<string>;
	pm: Pick<Postmortem, 'authors' | 'reviews' | 'actionItems'>;
	/** Sends a conversation (the prompt's messages plus any follow-up) and returns the parsed answer. */
	send: (messages: Anthropic.MessageParam[]) => Promise<RequestOutcome>;
}

/**
 * The tone gate around a first answer: a draft that blames a person is sent back
 * once with the findings; if the rewrite blames too (or fails), nothing is written.
 */
export async function passToneGate(first: { draft: DraftOutput; text: string }, ctx: GateContext): Promise<GatedDraft> {
	const findings = draftFindings(first.draft, ctx.fields, ctx.blameWords, ctx.pm);
	if (findings.length === 0) return { ok: true, draft: first.draft, retried: false };
	const messages: Anthropic.MessageParam[] = [
		...ctx.prompt.messages,
		{ role: 'assistant', content: first.text },
		{ role: 'user', content: rewriteRequest(findings) },
	];
	const second = await ctx.send(messages);
	if (!second.ok) return { ok: false, reason: `the draft blamed a person (${describeFinding(findings[0]!)}) and the rewrite failed: ${second.reason}` };
	const again = draftFindings(second.draft, ctx.fields, ctx.blameWords, ctx.pm);
	if (again.length > 0) return { ok: false, reason: `the draft still blames a person after one rewrite: ${describeFinding(again[0]!)}` };
	return { ok: true, draft: second.draft, retried: true };
}

/** The live pipeline for one postmortem: request, parse (in the SDK), tone gate with one rewrite. */
export async function draftOne(ctx: GateContext): Promise<GatedDraft> {
	const first = await ctx.send(ctx.prompt.messages);
	if (!first.ok) return { ok: false, reason: first.reason };
	return passToneGate(first, ctx);
}
