import { describe, expect, it } from 'vitest';
import { buildPostmortemsJson } from '../../../src/lib/exports/postmortems-json.ts';
import { ACTIONS_AS_OF, loadFixtureArchive } from '../../support/fixture-archive.ts';

describe('postmortems.json', async () => {
	const archive = await loadFixtureArchive();
	const json = JSON.parse(JSON.stringify(buildPostmortemsJson(archive.entries, ACTIONS_AS_OF, { url: 'https://pm.example.com', base: '/', title: 'T', description: 'D' })));

	it('lists the published postmortems, newest first', () => {
		expect(json).toMatchObject({ schemaVersion: 1, asOf: '2026-11-21', count: 3, site: { title: 'T', url: 'https://pm.example.com/' } });
		expect(json.postmortems.map((p: { slug: string }) => p.slug)).toEqual(['2026-10-01-login-outage', '2026-09-01-payment-retries', '2026-06-10-queue-backlog']);
	});
	it('holds metadata, summaries and action item counts, not bodies', () => {
		expect(json.postmortems[0]).toMatchObject({
			url: 'https://pm.example.com/postmortems/2026-10-01-login-outage/',
			severity: 'SEV1',
			incident: 'INC-3001',
			startedAt: '2026-10-01T08:00:00.000Z',
			minutesToDetect: 4,
			minutesToMitigate: 70,
			minutesToResolve: 120,
			summary: 'An expired intermediate certificate broke sign-in until the chain was replaced.',
			lessons: ['Certificate chains need the same expiry monitoring as leaf certificates.'],
			impact: { usersAffected: 12000, customerFacing: true, dataLoss: null },
			actionItems: { total: 4, open: 2, overdue: 1, done: 1, wontDo: 1 },
		});
		expect(json.postmortems[1]).toMatchObject({ detectedAt: null, minutesToDetect: null, summary: null, lessons: [], incident: null });
		expect(JSON.stringify(json)).not.toContain('Retries were not keyed'); // body text
	});
});
