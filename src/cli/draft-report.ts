import { estimateCostUsd, PRICES_CHECKED, type UsageTotals } from '../lib/drafting/cost.ts';
import type { PlannedDraft } from '../lib/drafting/plan.ts';
import { promptSize } from '../lib/drafting/prompt.ts';
import type { FileOutcome, RunUsage } from './drafting/run.ts';
import { countOf } from '../lib/format/labels.ts';
import { colours, sanitiseForTerminal as clean } from './terminal.ts';

/** The words and numbers `npm run draft` prints. Pure formatting; the command decides where they go. */

const n = (value: number) => value.toLocaleString('en-US');

/** The one line printed when there is no key: what is pending and how to draft it. */
export function noKeyLine(pending: number): string {
	return `draft: ${countOf(pending, 'postmortem')} ${pending === 1 ? 'awaits' : 'await'} a drafted summary or lessons; set ANTHROPIC_API_KEY to draft ${pending === 1 ? 'it' : 'them'} with Claude (npm run draft). Until then the site shows ${pending === 1 ? 'it' : 'them'} as pending.`;
}

export function startLine(count: number, model: string, concurrency: number): string {
	return `draft: drafting ${countOf(count, 'postmortem')} with ${model}, up to ${concurrency} at a time`;
}

/** `[2/5] drafted summary, lessons: content/postmortems/x.md` */
export function outcomeLine(outcome: FileOutcome, done: number, total: number, stream: NodeJS.WriteStream = process.stderr): string {
	const c = colours(stream);
	const counter = c.dim(`[${done}/${total}]`);
	const fields = outcome.fields.join(', ');
	// File names and reasons (which may quote the model or the file) are cleaned of terminal control sequences.
	const file = clean(outcome.file);
	const reason = clean(outcome.reason ?? '');
	if (outcome.status === 'drafted') return `${counter} ${c.green('drafted')} ${fields}: ${file}${outcome.retried ? ' (rewritten once by the tone gate)' : ''}`;
	if (outcome.status === 'skipped') return `${counter} skipped ${file}: ${reason}`;
	return `${counter} ${c.red('failed')} ${file}: ${reason}; the file was left as it was`;
}

/** What `--dry-run` prints: each file, its fields and its prompt size; nothing is sent. */
export function dryRunLines(plans: ReadonlyArray<PlannedDraft>, model: string): string[] {
	const lines = plans.map((plan) => {
		const size = promptSize(plan.prompt);
		return `would draft ${plan.target.fields.join(', ')}${plan.target.redraft.length ? ` (redrafting ${plan.target.redraft.join(', ')})` : ''}: ${clean(plan.target.entry.file)} — prompt ≈ ${n(size.prefixTokens + size.subjectTokens)} tokens (${n(size.prefixTokens)} cacheable prefix + ${n(size.subjectTokens)} for this postmortem)`;
	});
	lines.push(`dry run: ${countOf(plans.length, 'postmortem')} would be drafted with ${model}; nothing was sent (token counts are estimates, about 4 characters a token).`);
	return lines;
}

function tokens(u: UsageTotals): string {
	return `${n(u.inputTokens)} input, ${n(u.cacheWriteTokens)} cache-write, ${n(u.cacheReadTokens)} cache-read, ${n(u.outputTokens)} output tokens`;
}

/** The total cost estimate of a run in USD, undefined for a model the price table does not know. */
export function runCostUsd(usage: RunUsage, model: string): number | undefined {
	const live = estimateCostUsd(model, usage.live);
	const batch = estimateCostUsd(model, usage.batch, { batch: true });
	return live === undefined || batch === undefined ? undefined : live + batch;
}

/** `usage: 4 requests, … tokens; estimated cost $0.0123 (…)` */
export function usageLine(usage: RunUsage, model: string): string {
	const parts: string[] = [];
	if (usage.live.requests > 0) parts.push(`${countOf(usage.live.requests, 'request')}: ${tokens(usage.live)}`);
	if (usage.batch.requests > 0) parts.push(`${countOf(usage.batch.requests, 'batch result')} (half price): ${tokens(usage.batch)}`);
	if (parts.length === 0) return 'usage: no requests';
	const cost = runCostUsd(usage, model);
	const estimate = cost === undefined ? `no cost estimate: ${model} is not in the price table` : `estimated cost $${cost.toFixed(4)} at ${model} list prices (prices checked ${PRICES_CHECKED}; an estimate, not a bill)`;
	return `usage: ${parts.join('; ')}; ${estimate}`;
}

/** The closing line: counts, and what to do next. */
export function summaryLine(outcomes: ReadonlyArray<FileOutcome>): string {
	const drafted = outcomes.filter((o) => o.status === 'drafted').length;
	const failed = outcomes.filter((o) => o.status === 'failed').length;
	const skipped = outcomes.filter((o) => o.status === 'skipped').length;
	const parts = [`${n(drafted)} drafted`, `${n(failed)} failed`];
	if (skipped) parts.push(`${n(skipped)} skipped`);
	const next = drafted > 0 ? ' Review the drafts in a pull request; once a person has read and edited them, set drafted.reviewed: true.' : '';
	return `draft: ${parts.join(', ')}.${next}`;
}

/** The JSON shape of `draft --json`. */
export function reportJson(outcomes: ReadonlyArray<FileOutcome>, usage: RunUsage, model: string, extra: Record<string, unknown> = {}) {
	return {
		model,
		drafted: outcomes.filter((o) => o.status === 'drafted').map(({ file, slug, fields, retried }) => ({ file, slug, fields, retried: Boolean(retried) })),
		failed: outcomes.filter((o) => o.status === 'failed').map(({ file, slug, fields, reason }) => ({ file, slug, fields, reason })),
		skipped: outcomes.filter((o) => o.status === 'skipped').map(({ file, slug, fields, reason }) => ({ file, slug, fields, reason })),
		usage,
		estimatedCostUsd: runCostUsd(usage, model) ?? null,
		...extra,
	};
}
