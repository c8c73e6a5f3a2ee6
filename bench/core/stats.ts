/** Small statistics over benchmark samples (the median is src/lib/stats/median.ts). */

/** The largest value; NaN for an empty list. */
export function maximum(values: ReadonlyArray<number>): number {
	return values.length === 0 ? Number.NaN : values.reduce((a, b) => (b > a ? b : a));
}

/** Rounds to `digits` decimals (for reports: 1.2345 → 1.23). */
export function round(value: number, digits = 2): number {
	if (!Number.isFinite(value)) return value;
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
