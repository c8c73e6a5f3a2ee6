/** Small statistics over benchmark samples. */

/** The median of a list of numbers; NaN for an empty list. */
export function median(values: ReadonlyArray<number>): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

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
