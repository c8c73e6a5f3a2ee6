import type Anthropic from '@anthropic-ai/sdk';

/**
 * Token counts and an estimated cost for a run. The price table is a small,
 * hand-kept list of public list prices (USD per million tokens) and is only an
 * estimate: billing is what the Anthropic Console says.
 */

/** List prices in USD per million tokens. */
export interface Prices {
	input: number;
	output: number;
	/** Writing the prompt cache with the default five-minute lifetime. */
	cacheWrite: number;
	cacheRead: number;
}

/** When the table was last checked against the public pricing page. */
export const PRICES_CHECKED = '2026-11';

// Longest matching prefix wins; the bare family names are the fallback for newer versions.
const PRICE_TABLE: ReadonlyArray<[prefix: string, prices: Prices]> = [
	['claude-fable-5-', { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 0.25 }],
	['claude-fable-5', { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 1 }],
	['claude-mythos-5-', { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 0.25 }],
	['claude-mythos', { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 1 }],
	['claude-opus-5-5', { input: 4, output: 20, cacheWrite: 5, cacheRead: 0.2 }],
	['claude-opus', { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 }],
	['claude-sonnet-5', { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 }],
	['claude-sonnet', { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 }],
	['claude-haiku-5-5', { input: 0.1, output: 0.5, cacheWrite: 0.125, cacheRead: 0.01 }],
	['claude-haiku', { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 }],
];

/** The Message Batches API bills half the list price. */
export const BATCH_DISCOUNT = 0.5;

/** The list prices of a model, by its family and version; undefined for a model the table does not know. */
export function pricesFor(model: string): Prices | undefined {
	let best: [string, Prices] | undefined;
	for (const row of PRICE_TABLE) if (model.startsWith(row[0]) && (!best || row[0].length > best[0].length)) best = row;
	return best?.[1];
}

/** Tokens used by a run, summed over its requests (live and batch requests are kept apart: batch costs half). */
export interface UsageTotals {
	requests: number;
	/** Input tokens billed at the full rate (not read from or written to the cache). */
	inputTokens: number;
	outputTokens: number;
	cacheWriteTokens: number;
	cacheReadTokens: number;
}

export function emptyUsage(): UsageTotals {
	return { requests: 0, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 };
}

/** Adds one response's usage to the totals (mutates and returns `totals`). */
export function addUsage(totals: UsageTotals, usage: Partial<Anthropic.Usage> | null | undefined): UsageTotals {
	totals.requests += 1;
	if (!usage) return totals;
	totals.inputTokens += usage.input_tokens ?? 0;
	totals.outputTokens += usage.output_tokens ?? 0;
	totals.cacheWriteTokens += usage.cache_creation_input_tokens ?? 0;
	totals.cacheReadTokens += usage.cache_read_input_tokens ?? 0;
	return totals;
}

/** Estimated cost in USD of some usage at a model's list prices; undefined when the model is not in the table. */
export function estimateCostUsd(model: string, usage: Omit<UsageTotals, 'requests'>, options: { batch?: boolean } = {}): number | undefined {
	const p = pricesFor(model);
	if (!p) return undefined;
	const perMillion = usage.inputTokens * p.input + usage.outputTokens * p.output + usage.cacheWriteTokens * p.cacheWrite + usage.cacheReadTokens * p.cacheRead;
	return (perMillion / 1_000_000) * (options.batch ? BATCH_DISCOUNT : 1);
}
