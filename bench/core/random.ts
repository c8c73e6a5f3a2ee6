/**
 * A small seeded pseudo-random generator (sfc32, seeded through a string hash),
 * so a benchmark archive is the same for the same seed on every machine.
 * Not for anything security-related.
 */

/** Random helpers over one seeded stream. */
export interface Rng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both included. */
	int(min: number, max: number): number;
	/** True with probability `p`. */
	chance(p: number): boolean;
	/** One element of a non-empty list. */
	pick<T>(items: ReadonlyArray<T>): T;
	/** One key of `weights`, with probability proportional to its weight. */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
	/** `count` distinct elements (fewer if the list is shorter), in random order. */
	sample<T>(items: ReadonlyArray<T>, count: number): T[];
}

/** Hashes a seed into four 32-bit words (cyrb128). */
function seedWords(seed: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < seed.length; i++) {
		const k = seed.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A generator seeded by `seed`; the same seed always gives the same sequence. */
export function createRng(seed: string | number): Rng {
	let [a, b, c, d] = seedWords(String(seed));
	const next = (): number => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	// Discard the first outputs: sfc32 needs a few rounds to mix a weak seed.
	for (let i = 0; i < 15; i++) next();

	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick<T>(items: ReadonlyArray<T>): T {
			if (items.length === 0) throw new Error('pick: empty list');
			return items[Math.floor(next() * items.length)]!;
		},
		weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
			const entries = Object.entries(weights) as Array<[K, number]>;
			const total = entries.reduce((sum, [, w]) => sum + w, 0);
			let r = next() * total;
			for (const [key, w] of entries) {
				r -= w;
				if (r < 0) return key;
			}
			return entries[entries.length - 1]![0];
		},
		sample<T>(items: ReadonlyArray<T>, count: number): T[] {
			const copy = [...items];
			const n = Math.min(count, copy.length);
			for (let i = 0; i < n; i++) {
				const j = i + Math.floor(next() * (copy.length - i));
				[copy[i], copy[j]] = [copy[j]!, copy[i]!];
			}
			return copy.slice(0, n);
		},
	};
}
