/** Geometry of the age-bucket bar chart, shared by the build and the recompute script. */

export const CHART = { width: 560, height: 230, top: 26, barArea: 150, slot: 112, bar: 64 } as const;

/** Height of a bar for `count` when the tallest holds `max` (a sliver for any non-zero count). */
export function barHeight(count: number, max: number): number {
	if (max <= 0 || count <= 0) return 0;
	return Math.max(3, Math.round((count / max) * CHART.barArea));
}

/** The y of a bar's top edge. */
export function barY(height: number): number {
	return CHART.top + CHART.barArea - height;
}

/** The chart's text alternative: every bucket and its count. */
export function chartDescription(buckets: ReadonlyArray<{ label: string; count: number }>): string {
	return buckets.map((b, i) => `${b.label}${i === 0 ? '' : ' overdue'}: ${b.count}`).join('; ');
}
