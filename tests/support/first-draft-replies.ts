import type { FirstDraftOutput } from '../../src/schemas/first-draft-output.ts';
import { textReply, type FakeReply } from './fake-anthropic.ts';

/**
 * Scripted first-draft answers for the Messages API stand-in, written for the
 * events of tests/fixtures/first-draft/incident/timeline.json (a migration that
 * locked the orders table). Each is sent as the answer's JSON text, so the real
 * SDK parses it through the real output format. Kept apart from fake-anthropic.ts
 * so the stand-in's own modes can change without touching these.
 */

const SLACK = 'slack/incident-4411/2026-07-22.json';

/** A good draft: every ref exists, times match, numbers are in the artefacts, blameless. */
export function goodFirstDraft(): FirstDraftOutput {
	return {
		title: 'Checkout stalled while an index build locked the orders table',
		summary:
			'Migration 0142 built an index on orders without CONCURRENTLY and held a write lock on the orders table for about 20 minutes. Checkout requests queued behind the lock and customers saw spinning pages; some retried and were charged twice. The first hypothesis, an exhausted connection pool, cost several minutes before pg_stat_activity showed the lock. Cancelling the index build released it.',
		impact: {
			summary: 'Checkout hung for about 20 minutes: 1,240 orders stayed pending, and some customers who retried were charged twice.',
			usersAffected: 1240,
			customerFacing: true,
			dataLoss: false,
		},
		services: ['orders-api', 'orders-db', 'payments'],
		moments: {
			startedAt: 'deploys.csv#3',
			detectedAt: 'pagerduty.json#Q1TRIG',
			mitigatedAt: 'alerts.json#4f2a9c1e/resolved',
			resolvedAt: 'pagerduty.json#Q3RES',
		},
		timeline: [
			{ at: '2026-07-22T02:05:00Z', event: 'The deploy pipeline started migration 0142, an index build on orders.customer_id.', refs: ['deploys.csv#3'] },
			{ at: '2026-07-22T02:10:00Z', event: 'PagerDuty paged Sarah Chen: Orders API p99 latency above 5 s.', refs: ['pagerduty.json#Q1TRIG', 'alerts.json#4f2a9c1e'] },
			{ at: '2026-07-22T02:15:00Z', event: 'Responders suspected an exhausted connection pool and restarted two orders-api pods; latency did not change.', refs: [`${SLACK}#1784686500.000200`] },
			{ at: '2026-07-22T02:19:00Z', event: 'pg_stat_activity showed 212 sessions waiting on a lock on the orders table.', refs: [`${SLACK}#1784686740.000300`] },
			{ at: '2026-07-22T02:21:00Z', event: 'The lock was traced to migration 0142, which built its index without CONCURRENTLY.', refs: [`${SLACK}#1784686860.000400`] },
			{ at: '2026-07-22T02:24:00Z', event: 'Sarah Chen cancelled the index build.', refs: [`${SLACK}#1784687040.000500`] },
			{ at: '2026-07-22T02:27:00Z', event: 'The latency alert resolved.', refs: ['alerts.json#4f2a9c1e/resolved'] },
		],
		contributingFactors: [
			{ kind: 'technical', description: 'The migration runner allowed CREATE INDEX without CONCURRENTLY on a hot table.', refs: [`${SLACK}#1784686860.000400`] },
			{ kind: 'operational', description: 'The database team had one person on rota that week, so migrations shipped without a second reviewer.', refs: [`${SLACK}#1784686860.000400`] },
		],
		lessons: ['Lock-taking DDL on hot tables needs a guard in the pipeline, not a reviewer who may not be there.', 'A latency page that names lock waits would have skipped the pool hypothesis.'],
		actionItems: [
			{ title: 'Reject non-concurrent index builds on large tables in the migration linter', kind: 'prevent', priority: 'P1', rationale: 'The index build took a write lock on orders.', service: 'orders-db', suggestedOwner: null },
			{ title: 'Add lock-wait panels to the orders-api latency alert', kind: 'detect', priority: 'P2', rationale: 'Responders spent minutes on the pool hypothesis.', service: 'orders-api', suggestedOwner: null },
			{ title: 'Refund the customers charged twice', kind: 'remediation', priority: 'P1', rationale: 'Customers who retried were charged twice.', service: 'payments', suggestedOwner: 'Rui Costa' },
		],
	};
}

export const firstDraftReply = (draft: FirstDraftOutput): FakeReply => textReply(JSON.stringify(draft));

/** Cites a chat message that does not exist, and one with the wrong time. */
export function draftWithBadRefs(): FirstDraftOutput {
	const d = goodFirstDraft();
	d.timeline[2] = { ...d.timeline[2]!, refs: [`${SLACK}#1784686999.000900`] };
	d.timeline[3] = { ...d.timeline[3]!, at: '2026-07-22T02:45:00Z' };
	d.contributingFactors[1] = { ...d.contributingFactors[1]!, refs: ['oncall.csv#7'] };
	return d;
}

/** Claims a number of affected users that no artefact states. */
export function draftWithInventedNumber(): FirstDraftOutput {
	const d = goodFirstDraft();
	d.impact = { ...d.impact, usersAffected: 4800, summary: 'Checkout hung for about 20 minutes. Roughly 4,800 customers could not pay.' };
	return d;
}

/** Narrates itself instead of being the postmortem. */
export function selfNarratingDraft(): FirstDraftOutput {
	const d = goodFirstDraft();
	d.summary = `Here is a draft of the postmortem based on the artefacts provided. ${d.summary}`;
	return d;
}

/** Ties the failure to a person. */
export function blamingDraft(): FirstDraftOutput {
	const d = goodFirstDraft();
	d.summary = 'Rui Costa forgot to add CONCURRENTLY to the index build and caused the outage. Cancelling the build released the lock.';
	return d;
}

/** Data was lost and no remediation item was proposed. */
export function dataLossWithoutRemediation(): FirstDraftOutput {
	const d = goodFirstDraft();
	d.impact = { ...d.impact, dataLoss: true, customerFacing: null };
	d.actionItems = d.actionItems.filter((a) => a.kind !== 'remediation');
	return d;
}

/** One event line of the prompt: `at | source | ref[ (+n more: …)] | actor | text`. */
function promptEvents(body: any): Array<{ at: string; source: string; ref: string; actor: string; text: string }> {
	const user = String(body?.messages?.[0]?.content ?? '');
	const block = /<incident_events>\n([\s\S]*?)\n<\/incident_events>/.exec(user)?.[1] ?? '';
	return block
		.split('\n')
		.map((line) => line.split(' | '))
		.filter((parts) => parts.length >= 5)
		.map(([at, source, ref, actor, ...text]) => ({ at: at!, source: source!, ref: ref!.replace(/ \(\+\d+ more: .*\)$/, ''), actor: actor!, text: text.join(' | ') }));
}

/**
 * A stand-in answer written from whatever events the prompt carries, as a model
 * would: a timeline of a spread of the events citing their refs, the moments from
 * the first page and the last resolve, blameless text. For end-to-end runs on an
 * artefact folder whose refs a test does not hard-code.
 */
export function draftFromPrompt(body: any): FirstDraftOutput {
	const events = promptEvents(body);
	const pick = events.filter((_, i) => i % Math.max(1, Math.floor(events.length / 8)) === 0).slice(0, 10);
	const page = events.find((e) => e.source === 'pagerduty') ?? events[0]!;
	const resolve = [...events].reverse().find((e) => e.source === 'pagerduty' && /^Resolved/.test(e.text));
	const chat = events.find((e) => e.source === 'slack') ?? events[0]!;
	return {
		title: 'Checkout slowed while a migration held a lock on the orders table',
		summary:
			'A schema migration rewrote the orders table while holding an exclusive lock, and checkout requests queued behind it. Alerts on checkout latency and lock waits paged the on-call rota, responders traced the queue to the migration and cancelled it, and the lock was released. The migration pipeline allowed a table-rewriting change to run at peak time without a lock timeout.',
		impact: { summary: 'Checkout was slow or failed for customers while the lock was held.', usersAffected: null, customerFacing: true, dataLoss: false },
		services: ['orders-api', 'orders-db'],
		moments: { startedAt: events[0]!.ref, detectedAt: page.ref, mitigatedAt: null, resolvedAt: resolve?.ref ?? null },
		timeline: pick.map((e) => ({ at: e.at, event: `Recorded in ${e.source}: ${e.text.replace(/[.!?]?$/, '.')}`, refs: [e.ref] })),
		contributingFactors: [
			{ kind: 'technical', description: 'The migration runner set no lock timeout for statements that rewrite a table.', refs: [events[0]!.ref] },
			{ kind: 'process', description: 'Nothing in review or CI flagged a table rewrite scheduled at peak time.', refs: [chat.ref] },
		],
		lessons: ['A migration that rewrites a hot table needs a guard in the pipeline, not only a reviewer.', 'Lock-wait alerts pointed at the cause faster than latency alone.'],
		actionItems: [
			{ title: 'Set a lock_timeout for every migration in the runner', kind: 'prevent', priority: 'P1', rationale: 'The lock was held for minutes with nothing to stop it.', service: 'orders-db', suggestedOwner: null },
			{ title: 'Fail CI on table-rewriting migrations without an off-peak window', kind: 'process', priority: 'P2', rationale: 'Review did not catch the rewrite.', service: 'orders-api', suggestedOwner: null },
			{ title: 'Tell the customers who opened tickets what happened', kind: 'remediation', priority: 'P1', rationale: 'Customers saw checkout fail and asked support.', service: null, suggestedOwner: 'Priya Kaur' },
		],
	};
}
