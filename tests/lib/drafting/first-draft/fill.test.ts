import { describe, expect, it } from 'vitest';
import { archiveConfigSchema } from '../../../../src/schemas/config.ts';
import { refIndex, type ArtefactEvent } from '../../../../src/lib/drafting/first-draft/events.ts';
import { chooseOwner, fillDraft, historicalOwners, incidentTimes, namedInArtefacts, nextActionIds } from '../../../../src/lib/drafting/first-draft/fill.ts';
import { goodFirstDraft } from '../../../support/first-draft-replies.ts';
import timeline from '../../../fixtures/first-draft/incident/timeline.json' with { type: 'json' };

const events = timeline.events as ArtefactEvent[];
const index = refIndex(events);
const policy = archiveConfigSchema.parse({}).policy;

describe('action-item ids', () => {
	it("continue the archive's most used prefix after its highest number", () => {
		expect(nextActionIds(['ENG-41', 'ENG-57', 'OPS-3', 'ENG-9'], 3)).toEqual(['ENG-58', 'ENG-59', 'ENG-60']);
	});

	it('skip ids taken in any case, and start at ACT-1 in an empty archive', () => {
		expect(nextActionIds(['eng-2', 'ENG-1', 'ENG-3', 'Eng-4'], 1)).toEqual(['ENG-5']);
		expect(nextActionIds(['INC 7', 'weird'], 2)).toEqual(['ACT-1', 'ACT-2']);
	});
});

describe('owners', () => {
	const archive = [
		{ services: ['orders-api'], actionItems: [{ owner: '@orders-team' }, { owner: '@orders-team' }, { owner: '@orders-team' }, { owner: '@dba' }] },
		{ services: ['orders-api', 'search'], actionItems: [{ owner: '@dba' }, { owner: 'TODO' }] },
	] as never;
	const ctx = { configured: { 'orders-db': '@data-platform' }, archive, events };
	const history = historicalOwners(archive);

	it('come from the config first, then the handle that owned most items for the service', () => {
		expect(chooseOwner({ service: 'orders-db', suggestedOwner: 'Sarah Chen' }, ['orders-db', 'orders-api'], ctx, history)).toEqual({ owner: '@data-platform', from: 'config' });
		expect(chooseOwner({ service: 'orders-api', suggestedOwner: null }, ['orders-db', 'orders-api'], ctx, history)).toEqual({ owner: '@orders-team', from: 'history' });
		expect(history.get('search')).toBe('@dba');
	});

	it("take the model's suggestion only when the artefacts name that person, else TODO", () => {
		expect(chooseOwner({ service: 'payments', suggestedOwner: 'Rui Costa' }, ['payments'], ctx, history)).toEqual({ owner: 'Rui Costa', from: 'artefacts' });
		expect(chooseOwner({ service: 'payments', suggestedOwner: '@finance-oncall' }, ['payments'], ctx, history)).toEqual({ owner: 'TODO', from: 'todo' });
		expect(namedInArtefacts('@sarah', [{ ...events[0]!, text: 'cc @sarah on this' }])).toBe(true);
		expect(namedInArtefacts('@sarah', [{ ...events[0]!, text: 'cc @sarahk on this' }])).toBe(false);
	});
});

describe('timestamps from the cited events', () => {
	it('read each moment from its event, and fall back to the first event for the start', () => {
		const { times } = incidentTimes(goodFirstDraft().moments, index, events[0]!.at);
		expect(times).toEqual({ startedAt: '2026-07-22T02:05:00Z', detectedAt: '2026-07-22T02:10:00Z', mitigatedAt: '2026-07-22T02:27:00Z', resolvedAt: '2026-07-22T02:40:00Z' });
		expect(incidentTimes({ startedAt: '', detectedAt: null, mitigatedAt: null, resolvedAt: null }, index, '2026-07-22T02:05:00Z').times).toEqual({ startedAt: '2026-07-22T02:05:00Z' });
	});

	it('leave out a moment that would come before the one before it', () => {
		const { times, notes } = incidentTimes({ startedAt: 'pagerduty.json#Q3RES', detectedAt: 'pagerduty.json#Q1TRIG', mitigatedAt: null, resolvedAt: null }, index, events[0]!.at);
		expect(times).toEqual({ startedAt: '2026-07-22T02:40:00Z' });
		expect(notes[0]).toContain('detectedAt');
	});
});

describe('the filled frontmatter', () => {
	it('has policy due dates from startedAt, a TODO author, status draft and the drafted field list', () => {
		const filled = fillDraft(goodFirstDraft(), {
			severity: 'SEV1',
			policy,
			owners: { configured: {}, archive: [], events },
			existingIds: ['ENG-1'],
			index,
			firstEventAt: events[0]!.at,
			author: '@your-handle',
		});
		const fm = filled.frontmatter as Record<string, any>;
		expect(fm.status).toBe('draft');
		expect(fm.authors).toEqual(['@your-handle']);
		// SEV1: P0/P1 within 15 days, P2/P3 within 90, from the start date (2026-07-22).
		expect(fm.actionItems.map((a: any) => [a.priority, a.due])).toEqual([
			['P1', '2026-08-06'],
			['P2', '2026-10-20'],
			['P1', '2026-08-06'],
		]);
		expect(fm.actionItems.map((a: any) => a.owner)).toEqual(['TODO', 'TODO', 'Rui Costa']);
		expect(filled.fields).toEqual(['title', 'summary', 'lessons', 'impact', 'timeline', 'contributingFactors', 'actionItems', 'services', 'startedAt', 'detectedAt', 'mitigatedAt', 'resolvedAt']);
		expect(filled.remediationAdded).toBe(false);
	});
});
