import { monthLabel, quarterLabel } from '../../lib/insights/figures.ts';
import { SEVERITIES } from '../../schemas/severity.ts';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** x-axis categories for months `YYYY-MM`: "Mar" under its year, "March 2025" in full. */
export function monthCategories(months: ReadonlyArray<{ month: string }>) {
	return months.map((m) => ({ label: SHORT_MONTHS[Number(m.month.slice(5, 7)) - 1]!, group: m.month.slice(0, 4), full: monthLabel(m.month) }));
}

/** x-axis categories for quarters `YYYY-Qn`. */
export function quarterCategories(quarters: ReadonlyArray<{ quarter: string }>) {
	return quarters.map((q) => ({ label: q.quarter.slice(5), group: q.quarter.slice(0, 4), full: quarterLabel(q.quarter) }));
}

/** One chart series per severity, coloured by its tone. */
export const SEVERITY_SERIES = SEVERITIES.map((s) => ({ label: s, tone: s.toLowerCase() }));

/** How many months and quarters the charts look back. */
export const MONTHS = 24;
export const QUARTERS = 8;
