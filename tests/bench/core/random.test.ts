import { describe, expect, it } from 'vitest';
import { createRng } from '../../../bench/core/random.ts';

describe('createRng', () => {
	it('gives the same sequence for the same seed', () => {
		const a = createRng('seed-1');
		const b = createRng('seed-1');
		expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
	});
	it('gives a different sequence for another seed', () => {
		const a = createRng(1);
		const b = createRng(2);
		expect(Array.from({ length: 5 }, () => a.next())).not.toEqual(Array.from({ length: 5 }, () => b.next()));
	});
	it('keeps int() inside its bounds and reaches both ends', () => {
		const rng = createRng(7);
		const seen = new Set<number>();
		for (let i = 0; i < 2000; i++) {
			const v = rng.int(2, 8);
			expect(v).toBeGreaterThanOrEqual(2);
			expect(v).toBeLessThanOrEqual(8);
			seen.add(v);
		}
		expect([...seen].sort()).toEqual([2, 3, 4, 5, 6, 7, 8]);
	});
	it('follows the weights roughly and never picks a zero weight', () => {
		const rng = createRng(3);
		const counts = { a: 0, b: 0, c: 0 };
		for (let i = 0; i < 10_000; i++) counts[rng.weighted({ a: 1, b: 3, c: 0 })]++;
		expect(counts.c).toBe(0);
		expect(counts.b / counts.a).toBeGreaterThan(2.5);
		expect(counts.b / counts.a).toBeLessThan(3.5);
	});
	it('samples distinct elements', () => {
		const rng = createRng(4);
		const picked = rng.sample(['a', 'b', 'c', 'd', 'e'], 3);
		expect(new Set(picked).size).toBe(3);
		expect(rng.sample(['a'], 3)).toEqual(['a']);
	});
});
