/**
 * The median of a list of numbers (the mean of the middle two for an even count), or
 * `undefined` for an empty list: there is no median of nothing, and callers say what to
 * show instead (a dash, `null` in a JSON export, NaN in a benchmark sum). Does not
 * reorder its input. Pure: the aging page's in-browser script bundles it too.
 */
export function median(values: ReadonlyArray<number>): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
