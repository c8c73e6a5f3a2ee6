import { describe, expect, it } from 'vitest';
import type { ArtefactEvent } from '../../../src/schemas/artefact-event.ts';
import { incidentFacts } from '../../../src/lib/artefacts/incident-facts.ts';

const ev = (at: string, kind: ArtefactEvent['kind'], ref: string, services?: string[]): ArtefactEvent => ({
	at: `2026-07-22T${at}Z`,
	source: 'alerts',
	ref,
	actor: null,
	text: ref,
	kind,
	...(services ? { services } : {}),
});

describe('incidentFacts', () => {
	it('takes start, detection, mitigation and resolution from alerts and pages, services from labels and deploys', () => {
		const facts = incidentFacts([
			ev('02:01:00', 'deploy', 'd#1', ['orders-api']),
			ev('02:03:00', 'alert-firing', 'a#1', ['checkout-api']),
			ev('02:03:30', 'alert-firing', 'a#2'),
			ev('02:04:12', 'page', 'p#1'),
			ev('02:05:00', 'message', 's#1', ['ignored']),
			ev('02:14:00', 'alert-resolved', 'a#2/resolved'),
			ev('02:16:30', 'alert-resolved', 'a#1/resolved', ['checkout-api']),
			ev('02:25:40', 'resolve', 'p#2'),
		]);
		expect(facts).toEqual({
			firstEvent: { at: '2026-07-22T02:01:00Z', ref: 'd#1' },
			startedAt: { at: '2026-07-22T02:03:00Z', ref: 'a#1', why: 'the first alert' },
			detectedAt: { at: '2026-07-22T02:04:12Z', ref: 'p#1', why: 'the first page' },
			mitigatedAt: { at: '2026-07-22T02:16:30Z', ref: 'a#1/resolved', why: 'the last alert to resolve' },
			resolvedAt: { at: '2026-07-22T02:25:40Z', ref: 'p#2', why: "the pager's last resolve entry" },
			services: { names: ['checkout-api', 'orders-api'], refs: ['d#1', 'a#1'] },
		});
	});

	it('settles nothing it cannot tell: an alert still firing, a page after the last resolve', () => {
		const facts = incidentFacts([ev('02:03:00', 'alert-firing', 'a#1'), ev('02:04:00', 'page', 'p#1'), ev('02:10:00', 'resolve', 'p#2'), ev('02:20:00', 'page', 'p#3')]);
		expect(facts.mitigatedAt).toBeUndefined();
		expect(facts.resolvedAt).toBeUndefined();
		expect(facts.services).toEqual({ names: [], refs: [] });
	});

	it('drops a time that would come before an earlier field (the format forbids it)', () => {
		const facts = incidentFacts([ev('02:00:00', 'resolve', 'p#0'), ev('02:03:00', 'alert-firing', 'a#1'), ev('02:04:00', 'alert-resolved', 'a#1/resolved')]);
		expect(facts.startedAt?.ref).toBe('a#1');
		expect(facts.mitigatedAt?.ref).toBe('a#1/resolved');
		expect(facts.resolvedAt).toBeUndefined();
	});

	it('knows nothing from no events', () => {
		expect(incidentFacts([])).toEqual({ services: { names: [], refs: [] } });
	});
});
