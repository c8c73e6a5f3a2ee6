import { describe, expect, it } from 'vitest';
import { ageActionItems } from '../../../src/lib/aging/aged-items.ts';
import { buildActionsJson } from '../../../src/lib/exports/actions-json.ts';
import { policy } from '../../support/archive-entries.ts';
import { ACTIONS_AS_OF, loadFixtureArchive } from '../../support/fixture-archive.ts';

const ctx = { site: { url: 'https://pm.example.com', base: '/docs/' }, ticketUrlPattern: 'https://t.example.com/{id}' };

describe('actions.json', async () => {
	const archive = await loadFixtureArchive();
	const aged = ageActionItems(archive.actionItems, ACTIONS_AS_OF, policy);
	const json = JSON.parse(JSON.stringify(buildActionsJson(aged, ACTIONS_AS_OF, 'UTC', ctx)));

	it('says what day and zone it is computed for', () => {
		expect(json).toMatchObject({ schemaVersion: 1, asOf: '2026-11-21', timeZone: 'UTC' });
	});
	it('holds every item of the published postmortems, open ones first, most overdue on top', () => {
		expect(json.items.map((i: { id: string }) => i.id)).toEqual([
			'OPS-201', 'PAY-301', 'OPS-202', 'SEC-101', 'SEC-102', 'PAY-302', 'OPS-203',
			'SEC-104', 'SEC-103', 'PAY-303', 'OPS-204',
		]);
		expect(json.items.some((i: { id: string }) => i.id === 'WEB-401')).toBe(false); // the draft's item
	});
	it('gives each item its computed state, days and incident link', () => {
		expect(json.items[0]).toEqual({
			id: 'OPS-201',
			title: 'Autoscale queue consumers on backlog depth',
			owner: '@platform-team',
			priority: 'P1',
			status: 'open',
			state: 'overdue',
			due: '2026-07-10',
			completedOn: null,
			daysOverdue: 134,
			daysLeft: 0,
			ageDays: 164,
			daysToClose: null,
			daysLateAtClose: null,
			breaksDueWindow: false,
			ticket: 'https://tickets.example.com/OPS-201',
			rationale: null,
			incident: {
				slug: '2026-06-10-queue-backlog',
				title: 'Order queue backlog during the summer sale',
				severity: 'SEV2',
				id: 'INC-2810',
				startedOn: '2026-06-10',
				status: 'published',
				url: 'https://pm.example.com/docs/postmortems/2026-06-10-queue-backlog/',
			},
		});
		const byId = new Map(json.items.map((i: { id: string }) => [i.id, i]));
		expect(byId.get('SEC-102')).toMatchObject({ state: 'open', status: 'in-progress', daysLeft: 0, ticket: 'https://t.example.com/SEC-102' });
		expect(byId.get('OPS-204')).toMatchObject({ state: 'done', completedOn: '2026-07-01', daysToClose: 21, daysLateAtClose: 11 });
	});
	it('summarises as counted by hand', () => {
		expect(json.summary).toMatchObject({ total: 11, open: 7, overdue: 4, overdueUrgent: 3, notYetDue: 3, medianDaysOverdue: 35.5, closed: 4, closedLast90Days: 3 });
		expect(json.summary.buckets.map((b: { count: number }) => b.count)).toEqual([3, 1, 1, 1, 1]);
		expect(json.byOwner[0]).toMatchObject({ key: '@platform-team', open: 2, overdue: 2, oldestOpenId: 'OPS-201' });
		expect(json.byPriority.map((r: { key: string; overdue: number }) => [r.key, r.overdue])).toEqual([['P0', 1], ['P1', 2], ['P2', 1], ['P3', 0]]);
		expect(json.bySeverity.map((r: { key: string; total: number }) => [r.key, r.total])).toEqual([['SEV1', 4], ['SEV2', 4], ['SEV3', 3], ['SEV4', 0]]);
	});
});
