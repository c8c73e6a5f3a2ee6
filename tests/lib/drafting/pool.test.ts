import { describe, expect, it } from 'vitest';
import { runPool } from '../../../src/lib/drafting/pool.ts';

describe('runPool', () => {
	it('runs at most `concurrency` at a time and every item once', async () => {
		let running = 0;
		let peak = 0;
		const seen: number[] = [];
		await runPool([1, 2, 3, 4, 5], 2, async (n) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setTimeout(resolve, 5));
			seen.push(n);
			running--;
		});
		expect(peak).toBe(2);
		expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);
	});

	it('when one item throws, waits for every worker in flight before it rejects (issue 14)', async () => {
		const finished: number[] = [];
		const run = runPool([1, 2, 3], 3, async (n) => {
			if (n === 1) throw new Error('boom');
			await new Promise((resolve) => setTimeout(resolve, 30));
			finished.push(n);
		});
		await expect(run).rejects.toThrow('boom');
		// Before the fix the pool rejected at once while items 2 and 3 were still being written.
		expect(finished.sort()).toEqual([2, 3]);
	});
});
