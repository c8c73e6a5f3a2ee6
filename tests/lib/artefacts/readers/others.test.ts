import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/lib/artefacts/csv.ts';
import { alertmanagerEvents } from '../../../../src/lib/artefacts/readers/alertmanager.ts';
import { deploysCsvEvents, gitHubDeploymentEvents } from '../../../../src/lib/artefacts/readers/deploys.ts';
import { grafanaEvents } from '../../../../src/lib/artefacts/readers/grafana.ts';
import { ticketsCsvEvents, zendeskEvents } from '../../../../src/lib/artefacts/readers/tickets.ts';

const fixture = (name: string) => readFile(new URL(`../../../fixtures/artefacts/small/${name}`, import.meta.url), 'utf8');
const json = async (name: string) => JSON.parse(await fixture(name));
const records = async (name: string) => {
	const table = parseCsv(await fixture(name));
	if (!table.ok) throw new Error(table.message);
	return table.records;
};

describe('deploys readers', () => {
	it('reads GitHub deployments: ref and short sha, environment, creator, the service from the repository', async () => {
		expect(gitHubDeploymentEvents(await json('github-deploys.json'), { file: 'gh.json', timeZone: 'UTC' })).toEqual({
			problems: [],
			events: [
				{
					at: '2026-03-10T09:10:00Z',
					source: 'deploys',
					ref: 'gh.json#7001',
					actor: 'ben-okafor',
					text: 'Deployed search-api v1.7.9 @ c0ffee0 to production: Roll back to 1.7.9',
					kind: 'deploy',
					services: ['search-api'],
				},
			],
		});
	});

	it('reads a deploys CSV by column name, a zone-less time in the given zone, quoted commas kept', async () => {
		expect(deploysCsvEvents(await records('deploys.csv'), { file: 'deploys.csv', timeZone: 'Europe/Berlin' })).toEqual({
			problems: [],
			events: [
				{ at: '2026-03-10T08:55:00Z', source: 'deploys', ref: 'deploys.csv#L2', actor: 'ana', text: 'Deployed search-api 1.8.0: Cache TTL 0, see #812', kind: 'deploy', services: ['search-api'] },
			],
		});
	});

	it('names the line of a deploy whose time cannot be read', () => {
		const table = parseCsv('time,service,version,actor,description\n2026-03-10T09:00:00Z,a,1,x,ok\nlast tuesday,a,2,x,bad\n');
		if (!table.ok) throw new Error('parse');
		expect(deploysCsvEvents(table.records, { file: 'd.csv', timeZone: 'UTC' }).problems).toEqual([
			{ file: 'd.csv', path: '', line: 3, level: 'error', message: 'time "last tuesday" is not a time; write it like 2026-07-22T02:14:00Z' },
		]);
	});
});

describe('Alertmanager reader', () => {
	it('gives the start of a resolved alert and its end, under the fingerprint', async () => {
		expect(alertmanagerEvents(await json('alerts.json'), { file: 'alerts.json', timeZone: 'UTC' })).toEqual({
			problems: [],
			events: [
				{ at: '2026-03-10T08:58:00Z', source: 'alerts', ref: 'alerts.json#aa11bb22cc33dd44', actor: null, text: 'Firing: SearchErrorRate: Search API error rate above 5%', kind: 'alert-firing', services: ['search-api'] },
				{
					at: '2026-03-10T09:15:00Z',
					source: 'alerts',
					ref: 'alerts.json#aa11bb22cc33dd44/resolved',
					actor: null,
					text: 'Resolved: SearchErrorRate: Search API error rate above 5%',
					kind: 'alert-resolved',
					services: ['search-api'],
				},
			],
		});
	});

	it('counts a repeated notification once, a new firing of the same alert apart, and no end for a firing alert', () => {
		const alert = (startsAt: string, status = 'firing', endsAt = '0001-01-01T00:00:00Z') => ({ status, labels: { alertname: 'Down' }, annotations: {}, startsAt, endsAt, fingerprint: 'f1' });
		const payloads = [{ alerts: [alert('2026-03-10T09:00:00Z')] }, { alerts: [alert('2026-03-10T09:00:00Z')] }, { alerts: [alert('2026-03-10T11:00:00Z')] }];
		expect(alertmanagerEvents(payloads, { file: 'a.json', timeZone: 'UTC' }).events.map((e) => [e.at, e.ref, e.text])).toEqual([
			['2026-03-10T09:00:00Z', 'a.json#f1', 'Firing: Down'],
			['2026-03-10T11:00:00Z', 'a.json#f1@2026-03-10T11:00:00Z', 'Firing: Down'],
		]);
	});
});

describe('Grafana annotations reader', () => {
	it('reads epoch milliseconds to the second, with tags and the login', async () => {
		expect(grafanaEvents(await json('grafana.json'), { file: 'g.json', timeZone: 'UTC' })).toEqual({
			problems: [],
			events: [{ at: '2026-03-10T09:05:00Z', source: 'annotations', ref: 'g.json#17', actor: 'ana', text: 'Error rate spike [search]', kind: 'annotation' }],
		});
	});
});

describe('tickets readers', () => {
	it('reads a Zendesk export: subject only, never the description', async () => {
		const result = zendeskEvents(await json('zendesk.json'), { file: 'z.json', timeZone: 'UTC' });
		expect(result).toEqual({
			problems: [],
			events: [{ at: '2026-03-10T09:04:00Z', source: 'tickets', ref: 'z.json#501', actor: null, text: 'Ticket #501 opened: Search returns nothing', kind: 'ticket' }],
		});
	});

	it('reads a tickets CSV with an offset', async () => {
		expect(ticketsCsvEvents(await records('tickets.csv'), { file: 't.csv', timeZone: 'UTC' }).events).toEqual([
			{ at: '2026-03-10T09:06:00Z', source: 'tickets', ref: 't.csv#ZD-502', actor: null, text: 'Ticket ZD-502 opened: Search slow for some users', kind: 'ticket' },
		]);
	});
});
