import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { pagerDutyEvents } from '../../../../src/lib/artefacts/readers/pagerduty.ts';

const ctx = { file: 'pd.json', timeZone: 'UTC' };

describe('PagerDuty log entries reader', () => {
	it('reads trigger, acknowledge and resolve entries with their offsets in UTC, the incident title without its number', async () => {
		const data = JSON.parse(await readFile(new URL('../../../fixtures/artefacts/small/pd.json', import.meta.url), 'utf8'));
		expect(pagerDutyEvents(data, ctx)).toEqual({
			problems: [],
			events: [
				{ at: '2026-03-10T09:01:00Z', source: 'pagerduty', ref: 'pd.json#LE1TRIG', actor: 'Alertmanager', text: 'Triggered: Search API error rate above 5%', kind: 'page' },
				{ at: '2026-03-10T09:03:30Z', source: 'pagerduty', ref: 'pd.json#LE2ACK', actor: 'Ben Okafor', text: 'Acknowledged: Search API error rate above 5%', kind: 'acknowledge' },
				{ at: '2026-03-10T09:20:00Z', source: 'pagerduty', ref: 'pd.json#LE3RES', actor: 'Ben Okafor', text: 'Resolved: Search API error rate above 5%', kind: 'resolve' },
			],
		});
	});

	it('reads notify, annotate, escalate and unknown entry types', () => {
		const base = { created_at: '2026-03-10T09:00:00Z', incident: { summary: '[#9] Disk full' } };
		const data = {
			log_entries: [
				{ ...base, id: 'N1', type: 'notify_log_entry', agent: { summary: 'Search' }, user: { summary: 'Ben Okafor' }, channel: { type: 'notification', notification: { type: 'sms_notification' } } },
				{ ...base, id: 'A1', type: 'annotate_log_entry', agent: { summary: 'Ana Lima' }, channel: { type: 'note', summary: 'Cleaned /var/log' } },
				{ ...base, id: 'E1', type: 'escalate_log_entry', agent: { summary: 'Search' } },
				{ ...base, id: 'S1', type: 'snooze_log_entry', summary: 'Snoozed for 1h by Ana Lima.' },
			],
		};
		expect(pagerDutyEvents(data, ctx).events.map((e) => [e.text, e.kind])).toEqual([
			['Notified Ben Okafor by sms notification', 'notify'],
			['Note: Cleaned /var/log', 'note'],
			['Escalated: Disk full', 'escalate'],
			['Snoozed for 1h by Ana Lima.', undefined],
		]);
	});

	it('names an entry without a usable created_at', () => {
		const result = pagerDutyEvents({ log_entries: [{ id: 'X', type: 'trigger_log_entry', created_at: 'soon' }] }, ctx);
		expect(result.problems).toEqual([{ file: 'pd.json', path: 'log_entries[0]', level: 'error', message: 'created_at "soon" is not a time' }]);
	});
});
