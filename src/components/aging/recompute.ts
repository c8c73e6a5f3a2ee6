/**
 * Recomputes the aging page against the viewer's own clock and time zone, so a page
 * built last month is still right today. Reads the facts the build left in data
 * attributes (due date, status, closing date), reuses the same aging and label code
 * as the build, and rewrites only text and attributes. Without JavaScript the
 * build-time figures stay as they are.
 */
import { AGE_BUCKETS, ageBucket, closedRecently, itemState, localCalendarDate, type DatedItem, type ItemState } from '../../lib/aging/item-state.ts';
import { daysBetween } from '../../lib/format/dates.ts';
import { median } from '../../lib/stats/median.ts';
import { barHeight, barY, chartDescription } from './chart.ts';
import { daysLabel, formatDay, medianLabel, oldestLabel } from '../../lib/aging/labels.ts';

interface RowFacts {
	id: string;
	priority: string;
	state: ItemState;
	daysOverdue: number;
	daysLeft: number;
}

/** Recomputes states, days and counts of a row and rewrites its "days" cell. */
function recomputeRow(row: HTMLElement, today: string): RowFacts {
	const { due = '', status = 'open', id = '', priority = '' } = row.dataset;
	const state = itemState({ status: status as DatedItem['status'], due }, today);
	const toDue = daysBetween(today, due);
	const facts = { id, priority, state, daysOverdue: state === 'overdue' ? -toDue : 0, daysLeft: state === 'open' ? toDue : 0 };
	row.dataset.state = state;
	if (state === 'open') row.dataset.daysLeft = String(facts.daysLeft);
	else delete row.dataset.daysLeft;
	const cell = row.querySelector('[data-days]');
	if (cell) cell.textContent = daysLabel(state, facts.daysOverdue, facts.daysLeft);
	return facts;
}

/** The figures of one scope (a table of open items), by the names the page's data-fig attributes use. */
function figuresOf(rows: RowFacts[]): Map<string, string> {
	const overdue = rows.filter((r) => r.state === 'overdue');
	const figures = new Map<string, string>([
		['open', String(rows.length)],
		['overdue', String(overdue.length)],
		['overdueUrgent', String(overdue.filter((r) => r.priority === 'P0' || r.priority === 'P1').length)],
		['medianDaysOverdue', medianLabel(median(overdue.map((r) => r.daysOverdue)) ?? null)],
	]);
	// Rows are sorted by due date at build time, so the first is the oldest on any day.
	const first = rows[0];
	figures.set('oldest', first ? oldestLabel(first.id, first.state, first.daysOverdue, first.daysLeft) : '—');
	for (const b of AGE_BUCKETS) figures.set(`bucket:${b.key}`, String(rows.filter((r) => ageBucket(r.daysOverdue) === b.key).length));
	return figures;
}

function updateChart(root: HTMLElement, all: Map<string, string>): void {
	const buckets = AGE_BUCKETS.map((b) => ({ key: b.key, label: b.label, count: Number(all.get(`bucket:${b.key}`) ?? 0) }));
	const max = Math.max(0, ...buckets.map((b) => b.count));
	for (const b of buckets) {
		const group = root.querySelector(`[data-bucket="${b.key}"]`);
		const rect = group?.querySelector('[data-bar]');
		const value = group?.querySelector('[data-bar-value]');
		if (!rect || !value) continue;
		const h = barHeight(b.count, max);
		rect.setAttribute('y', String(barY(h)));
		rect.setAttribute('height', String(h));
		value.setAttribute('y', String(barY(h) - 6));
		value.textContent = String(b.count);
	}
	const desc = root.querySelector('[data-chart-desc]');
	if (desc) desc.textContent = chartDescription(buckets);
}

/** Recomputes the whole page for the viewer's `now`. */
export function recomputeAging(root: HTMLElement, now: Date): void {
	const today = localCalendarDate(now);
	// Scope "all" is the page's open-items table; "owner:<handle>" and "priority:<P>" group its rows.
	const groups = new Map<string, RowFacts[]>([['all', []]]);
	const add = (scope: string, facts: RowFacts) => {
		const list = groups.get(scope);
		if (list) list.push(facts);
		else groups.set(scope, [facts]);
	};
	for (const row of root.querySelectorAll<HTMLElement>('[data-scope-rows="all"] tr[data-due]')) {
		const facts = recomputeRow(row, today);
		add('all', facts);
		add(`owner:${row.dataset.owner ?? ''}`, facts);
		add(`priority:${facts.priority}`, facts);
	}
	const scopes = new Map([...groups].map(([scope, rows]) => [scope, figuresOf(rows)]));
	const all = scopes.get('all')!;
	const closes = (root.dataset.recentCloses ?? '').split(' ').filter(Boolean);
	all.set('closedLast90Days', String(closes.filter((d) => closedRecently(d, today)).length));

	for (const el of root.querySelectorAll<HTMLElement>('[data-fig][data-scope]')) {
		// A group with no open rows left on the page has nothing open or overdue.
		const value = (scopes.get(el.dataset.scope ?? '') ?? figuresOf([])).get(el.dataset.fig ?? '');
		if (value !== undefined) el.textContent = value;
	}
	for (const box of root.querySelectorAll<HTMLElement>('[data-figure-box]')) {
		const fig = box.dataset.figureBox ?? '';
		if (fig === 'overdue' || fig === 'overdueUrgent') box.classList.toggle('alarm', Number(all.get(fig)) > 0);
	}
	updateChart(root, all);

	const asOf = root.querySelector<HTMLElement>('[data-as-of]');
	if (asOf) {
		const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'your time zone';
		const built = root.dataset.buildDay ?? '';
		const builtZone = root.dataset.timeZone ?? '';
		asOf.textContent = `As of ${formatDay(today)} in your time zone (${zone}), recomputed in your browser. The site was built on ${formatDay(built)} (${builtZone}).`;
	}
	root.dataset.recomputedFor = today;
}

const root = document.querySelector<HTMLElement>('[data-aging]');
if (root) recomputeAging(root, new Date());
