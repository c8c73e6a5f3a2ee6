import type Anthropic from '@anthropic-ai/sdk';
import type { DraftOutput } from '../../schemas/draft-output.ts';
import type { DraftableField } from '../../schemas/drafted.ts';
import type { DraftPrompt } from './prompt.ts';
import type { ToneReviewer } from '../tone/model-review.ts';
import { describeFinding, draftFindings, draftTexts, rewriteRequest, type DraftFinding, type GatePostmortem } from './tone-gate.ts';

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
	pm: GatePostmortem;
	/**
	 * The model tone reviewer, run after the deterministic check passes. A draft passes only
	 * if both do; when the review cannot run (an API error, a malformed answer) nothing is written.
	 */
	review?: ToneReviewer;
	/** Sends a conversation (the prompt's messages plus any follow-up) and returns the parsed answer. */
	send: (messages: Anthropic.MessageParam[]) => Promise<RequestOutcome>;
}

/** The findings of both layers for one draft: the deterministic check, then (when it passes) the model reviewer. */
async function toneFindings(draft: DraftOutput, ctx: GateContext): Promise<{ ok: true; findings: DraftFinding[] } | { ok: false; reason: string }> {
	const findings = draftFindings(draft, ctx.fields, ctx.blameWords, ctx.pm);
	if (findings.length > 0 || !ctx.review) return { ok: true, findings };
	const reviewed = await ctx.review(draftTexts(draft, ctx.fields));
	if (!reviewed.ok) return { ok: false, reason: `the tone review could not run: ${reviewed.reason}` };
	return { ok: true, findings: reviewed.findings.map((f) => ({ ...f, path: f.field })) };
}

/**
 * The tone gate around a first answer: a draft that does not read as blameless (by the
 * deterministic check, then the model reviewer) is sent back once with the findings;
 * if the rewrite fails either layer too, or a review cannot run, nothing is written.
 */
export async function passToneGate(first: { draft: DraftOutput; text: string }, ctx: GateContext): Promise<GatedDraft> {
	const judged = await toneFindings(first.draft, ctx);
	if (!judged.ok) return judged;
	const findings = judged.findings;
	if (findings.length === 0) return { ok: true, draft: first.draft, retried: false };
	const messages: Anthropic.MessageParam[] = [
		...ctx.prompt.messages,
		{ role: 'assistant', content: first.text },
		{ role: 'user', content: rewriteRequest(findings) },
	];
	const second = await ctx.send(messages);
	if (!second.ok) return { ok: false, reason: `the draft did not read as blameless (${describeFinding(findings[0]!)}) and the rewrite failed: ${second.reason}` };
	const again = await toneFindings(second.draft, ctx);
	if (!again.ok) return again;
	if (again.findings.length > 0) return { ok: false, reason: `the draft still does not read as blameless after one rewrite: ${describeFinding(again.findings[0]!)}` };
	return { ok: true, draft: second.draft, retried: true };
}

/** The live pipeline for one postmortem: request, parse (in the SDK), tone gate with one rewrite. */
export async function draftOne(ctx: GateContext): Promise<GatedDraft> {
	const first = await ctx.send(ctx.prompt.messages);
	if (!first.ok) return { ok: false, reason: first.reason };
	return passToneGate(first, ctx);
}
