import { describe, expect, it } from 'vitest';
import { addUsage, emptyUsage, estimateCostUsd, pricesFor } from '../../../src/lib/drafting/cost.ts';

describe('the cost estimate', () => {
	it('prices a model by family and version, the most specific row first', () => {
		expect(pricesFor('claude-sonnet-5-5')).toMatchObject({ input: 2, output: 10 });
		expect(pricesFor('claude-sonnet-4-6')).toMatchObject({ input: 3, output: 15 });
		expect(pricesFor('claude-opus-5-5')).toMatchObject({ input: 4, output: 20 });
		expect(pricesFor('claude-haiku-4-5-20251001')).toMatchObject({ input: 1, output: 5 });
		expect(pricesFor('gpt-something')).toBeUndefined();
	});

	it('adds up usage, cache reads and writes apart', () => {
		const totals = emptyUsage();
		addUsage(totals, { input_tokens: 100, output_tokens: 50, cache_creation_input_tokens: 1000, cache_read_input_tokens: null });
		addUsage(totals, { input_tokens: 120, output_tokens: 40, cache_creation_input_tokens: 0, cache_read_input_tokens: 1000 });
		addUsage(totals, undefined);
		expect(totals).toEqual({ requests: 3, inputTokens: 220, outputTokens: 90, cacheWriteTokens: 1000, cacheReadTokens: 1000 });
	});

	it('estimates at list prices, half for batches', () => {
		const usage = { inputTokens: 1_000_000, outputTokens: 100_000, cacheWriteTokens: 0, cacheReadTokens: 1_000_000 };
		expect(estimateCostUsd('claude-sonnet-5-5', usage)).toBeCloseTo(2 + 1 + 0.2);
		expect(estimateCostUsd('claude-sonnet-5-5', usage, { batch: true })).toBeCloseTo(1.6);
		expect(estimateCostUsd('unknown-model', usage)).toBeUndefined();
	});
});
