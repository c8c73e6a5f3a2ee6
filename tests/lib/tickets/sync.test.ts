import { describe, expect, it } from 'vitest';
import { githubState, jiraState, syncChange } from '../../../src/lib/tickets/sync.ts';
import { actionItemSchema } from '../../../src/schemas/action-item.ts';

const item = (extra: Record<string, unknown> = {}) => actionItemSchema.parse({ id: 'OPS-1', title: 'T', owner: '@p', priority: 'P1', due: '2026-07-10', ...extra });
const closed = (reason: string | null, at = '2026-11-20T23:30:00Z') => ({ state: 'closed', state_reason: reason, closed_at: at });
const done = (resolution: string, at: string | null = '2026-11-18T16:20:00.000+0000') => ({ status: { statusCategory: { key: 'done' } }, resolution: { name: resolution }, resolutiondate: at });

describe('ticket states', () => {
	it('reads GitHub: completed (or no reason) → done, not planned or duplicate → wont-do, open or reopened → open', () => {
		expect(githubState(closed('completed')).state).toBe('done');
		expect(githubState(closed(null)).state).toBe('done');
		expect(githubState(closed('not_planned')).state).toBe('wont-do');
		expect(githubState(closed('duplicate')).state).toBe('wont-do');
		expect(githubState({ state: 'open', state_reason: 'reopened', closed_at: null })).toEqual({ state: 'open' });
	});

	it("reads Jira: the Done category with its resolution; Won't Do, Declined, Duplicate → wont-do", () => {
		expect(jiraState(done('Done')).state).toBe('done');
		expect(jiraState(done('Fixed')).state).toBe('done');
		for (const r of ["Won't Do", 'Wont Do', 'Declined', 'Duplicate', "Won't Fix"]) expect(jiraState(done(r)).state).toBe('wont-do');
		expect(jiraState({ status: { statusCategory: { key: 'indeterminate' } }, resolution: null })).toEqual({ state: 'open' });
	});
});

describe('what a ticket changes in the file', () => {
	it('closes an open or in-progress item on the close date in the configured time zone', () => {
		expect(syncChange(item({ status: 'in-progress' }), githubState(closed('completed')), 'UTC', '2026-11-21')).toMatchObject({
			to: { status: 'done', completedOn: '2026-11-20' },
			edit: { set: { status: 'done', completedOn: '2026-11-20' } },
		});
		// 23:30 UTC is already the next day in Berlin.
		expect(syncChange(item(), githubState(closed('completed')), 'Europe/Berlin', '2026-11-21')?.to.completedOn).toBe('2026-11-21');
		// No close date from the tracker: today.
		expect(syncChange(item(), jiraState(done('Done', null)), 'UTC', '2026-11-21')?.to.completedOn).toBe('2026-11-21');
	});

	it('reopens a closed item, removing completedOn', () => {
		expect(syncChange(item({ status: 'done', completedOn: '2026-11-01' }), { state: 'open' }, 'UTC', '2026-11-21')).toMatchObject({
			from: { status: 'done', completedOn: '2026-11-01' },
			to: { status: 'open' },
			edit: { set: { status: 'open' }, remove: ['completedOn'] },
		});
	});

	it('leaves agreeing items alone: in progress with an open ticket, done with a closed one (its own completedOn kept)', () => {
		expect(syncChange(item({ status: 'in-progress' }), { state: 'open' }, 'UTC', '2026-11-21')).toBeUndefined();
		expect(syncChange(item({ status: 'done', completedOn: '2026-11-01' }), githubState(closed('completed')), 'UTC', '2026-11-21')).toBeUndefined();
		expect(syncChange(item({ status: 'done', completedOn: '2026-11-01' }), githubState(closed('not_planned')), 'UTC', '2026-11-21')?.to).toEqual({ status: 'wont-do', completedOn: '2026-11-20' });
	});
});
