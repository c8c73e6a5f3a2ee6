import { describe, expect, it } from 'vitest';
import {
	breaksDueWindow,
	dueWindowDays,
	latestAllowedDue,
	missingReviewRoles,
	policyFindings,
	requiredReviewRoles,
	unknownKeyFindings,
} from '../../../src/lib/validation/policies.ts';
import { archiveConfigSchema } from '../../../src/schemas/config.ts';
import { postmortemSchema } from '../../../src/schemas/postmortem.ts';
import { DEFAULT_POLICY, validPostmortem } from '../../support/validation.ts';

const parse = (changes: Record<string, unknown> = {}) => {
	const raw = { ...validPostmortem(), ...changes };
	return { pm: postmortemSchema.parse(raw), raw };
};
const findings = (changes: Record<string, unknown> = {}, body = '', policy = DEFAULT_POLICY) => {
	const { pm, raw } = parse(changes);
	return policyFindings(pm, raw, body, policy).map((f) => `${f.level} ${f.path}: ${f.message}`);
};

describe('the contract defaults', () => {
	it('match the numbers in the format', () => {
		expect(DEFAULT_POLICY.requiredReviews).toEqual(['responder', 'lead', 'manager']);
		expect(DEFAULT_POLICY.sev1ExtraReviews).toEqual(['director']);
		expect(DEFAULT_POLICY.urgentDueWindowDays).toEqual({ SEV1: 15, SEV2: 30, SEV3: 56, SEV4: 56 });
		expect(DEFAULT_POLICY.otherDueWindowDays).toBe(90);
	});
});

describe('review roles', () => {
	it('needs responder, lead and manager, and director for a SEV1', () => {
		expect(requiredReviewRoles('SEV2', DEFAULT_POLICY)).toEqual(['responder', 'lead', 'manager']);
		expect(requiredReviewRoles('SEV1', DEFAULT_POLICY)).toEqual(['responder', 'lead', 'manager', 'director']);
	});

	it('is an error for a published postmortem only', () => {
		expect(findings({ reviews: [] })).toEqual(['error reviews: a published SEV3 postmortem needs reviews by responder, lead, manager; missing: responder, lead, manager']);
		expect(findings({ reviews: [], status: 'review' })).toEqual([]);
		expect(findings({ reviews: [], status: 'draft' })).toEqual([]);
	});

	it('lists the missing roles as a to-do for unpublished postmortems', () => {
		const { pm } = parse({ status: 'review', severity: 'SEV1', reviews: [{ role: 'lead', by: '@li', on: '2025-03-18' }] });
		expect(missingReviewRoles(pm, DEFAULT_POLICY)).toEqual(['responder', 'manager', 'director']);
	});

	it('follows the config', () => {
		const policy = archiveConfigSchema.parse({ policy: { requiredReviews: ['director'] } }).policy;
		expect(findings({}, '', policy)).toEqual(['error reviews: a published SEV3 postmortem needs reviews by director; missing: director']);
	});
});

describe('due-date windows', () => {
	it.each([
		['SEV1', 'P0', 15],
		['SEV1', 'P1', 15],
		['SEV2', 'P1', 30],
		['SEV3', 'P0', 56],
		['SEV4', 'P1', 56],
		['SEV1', 'P2', 90],
		['SEV4', 'P3', 90],
	] as const)('%s %s: %i days', (severity, priority, days) => {
		expect(dueWindowDays(severity, priority, DEFAULT_POLICY)).toBe(days);
	});

	it('allows the last day of the window and warns the day after', () => {
		const startedAt = new Date('2025-03-14T09:30:00Z');
		expect(latestAllowedDue(startedAt, 'SEV2', 'P1', DEFAULT_POLICY)).toBe('2025-04-13');
		const pm = { startedAt, severity: 'SEV2' as const };
		expect(breaksDueWindow({ due: '2025-04-13', priority: 'P1' }, pm, DEFAULT_POLICY)).toBe(false);
		expect(breaksDueWindow({ due: '2025-04-14', priority: 'P1' }, pm, DEFAULT_POLICY)).toBe(true);
	});

	it('is a warning naming the item, the window and the date that would fit', () => {
		const actionItems = [{ id: 'E-1', title: 't', owner: '@a', priority: 'P1', due: '2025-06-30' }];
		expect(findings({ actionItems, impact: { summary: 'x' } })).toEqual([
			'warning actionItems[0].due: (2025-06-30) is more than 56 days after a SEV3 incident for a P1 item; due by 2025-05-09 or lower the priority',
		]);
	});

	it('follows the config numbers', () => {
		const policy = archiveConfigSchema.parse({ policy: { otherDueWindowDays: 30 } }).policy;
		expect(findings({}, '', policy)).toEqual([
			'warning actionItems[0].due: (2025-05-01) is more than 30 days after a SEV3 incident for a P2 item; due by 2025-04-13 or lower the priority',
		]);
	});
});

describe('customer-facing incidents', () => {
	const customerFacing = { impact: { summary: 'Checkout failed.', customerFacing: true } };

	it('warns when a published one has no P0 or P1 item', () => {
		expect(findings(customerFacing)).toEqual(['warning actionItems: a customer-facing incident should have at least one P0 or P1 action item']);
	});

	it('is satisfied by one P1 item', () => {
		const actionItems = [{ id: 'E-1', title: 't', owner: '@a', priority: 'P1', due: '2025-04-01' }];
		expect(findings({ ...customerFacing, actionItems })).toEqual([]);
	});

	it('does not apply to drafts, internal incidents, or when switched off', () => {
		expect(findings({ ...customerFacing, status: 'draft' })).toEqual([]);
		expect(findings({ impact: { summary: 'x', customerFacing: false } })).toEqual([]);
		const policy = archiveConfigSchema.parse({ policy: { customerFacingNeedsUrgentItem: false } }).policy;
		expect(findings(customerFacing, '', policy)).toEqual([]);
	});
});

describe('blame language', () => {
	const blaming = {
		summary: 'Dana forgot the lock timeout.',
		timeline: [{ at: '2025-03-14T09:31:00Z', event: '@dana forgot to page the lead.' }],
		contributingFactors: [{ kind: 'process', description: 'The new hire made a mistake in the config.' }],
	};

	it('is an error in a published postmortem, in every human-written field, with its path', () => {
		const lines = findings(blaming, 'Jordan should have checked the staging data.');
		expect(lines.map((l) => l.split(':')[0])).toEqual(['error summary', 'error timeline[0].event', 'error contributingFactors[0].description', 'error (body)']);
		expect(lines[0]).toContain('ties "forgot" to Dana');
		expect(lines[0]).toContain('blamelessExceptions');
		expect(lines[2]).toContain('the new hire, a role standing for one person');
	});

	it('is a warning in a draft or a postmortem in review', () => {
		for (const status of ['draft', 'review']) {
			const lines = findings({ ...blaming, status }, 'Jordan should have checked the staging data.');
			expect(lines.map((l) => l.split(':')[0])).toEqual(['warning summary', 'warning timeline[0].event', 'warning contributingFactors[0].description', 'warning (body)']);
		}
	});

	it('lets a sentence a reviewer listed in blamelessExceptions pass, spacing and curly quotes aside', () => {
		const blamelessExceptions = [{ sentence: 'Dana  forgot the lock timeout', by: '@li', reason: 'Dana wrote this about herself and asked to keep it.' }];
		expect(findings({ summary: 'Dana forgot the lock timeout.', blamelessExceptions })).toEqual([]);
	});

	it('warns about an exception that matches no flagged sentence', () => {
		const blamelessExceptions = [{ sentence: 'Nothing like this is in the text.', by: '@li', reason: 'old' }];
		expect(findings({ blamelessExceptions })).toEqual([
			'warning blamelessExceptions[0].sentence: matches no sentence the blame check flags in this postmortem; remove it, or copy the sentence exactly as it stands',
		]);
	});

	it('names human-error framing and hero narratives', () => {
		expect(findings({ summary: 'The root cause was human error.' })[0]).toContain('is human-error framing ("human error")');
		expect(findings({ lessons: ['Priya single-handedly saved the day.'] })[0]).toMatch(/^error lessons\[0\]: .*hero narrative/);
	});

	it('leaves the timeline naming who did what alone', () => {
		expect(findings({ timeline: [{ at: '2025-03-14T09:31:00Z', event: 'PagerDuty paged Sarah; Sarah acknowledged at 09:33.' }] })).toEqual([]);
	});

	it('skips fields the model drafted and nobody reviewed yet (the drafting gate checks those)', () => {
		const drafted = { model: 'm', at: '2025-03-20T00:00:00Z', fields: ['summary'], reviewed: false };
		expect(findings({ status: 'draft', summary: 'Dana forgot the lock timeout.', drafted })).toEqual([]);
		expect(findings({ status: 'review', summary: 'Dana forgot the lock timeout.', drafted: { ...drafted, reviewed: true } })).toHaveLength(1);
	});
});

describe('unknown fields', () => {
	it('suggests the field probably meant, at any depth', () => {
		const raw = {
			...validPostmortem(),
			Severity: 'SEV1',
			impact: { summary: 'x', usersAfected: 3 },
			reviews: [{ role: 'lead', by: '@li', on: '2025-03-18', date: '2025-03-18' }],
			notes: 'free text',
		};
		expect(unknownKeyFindings(raw).map((f) => `${f.path}: ${f.message}`)).toEqual([
			'Severity: is not a field of the format and is ignored; did you mean "severity"?',
			'notes: is not a field of the format and is ignored',
			'impact.usersAfected: is not a field of the format and is ignored; did you mean "usersAffected"?',
			'reviews[0].date: is not a field of the format and is ignored',
		]);
	});
});

describe('template placeholders', () => {
	it('warns while the placeholders of npm run new are still there', () => {
		const lines = findings({ status: 'draft', services: ['service-name'], authors: ['@your-handle'], impact: { summary: 'TODO: what did users experience, and for how long?' } });
		expect(lines.map((l) => l.split(':')[0])).toEqual(['warning services[0]', 'warning authors[0]', 'warning impact.summary']);
	});

	it('refuses to publish a scaffold TODO: title, summary, impact, an action item\'s owner or title', () => {
		const changes = {
			title: 'TODO: what happened',
			summary: 'TODO: a paragraph',
			impact: { summary: 'TODO: what did users experience?' },
			actionItems: [
				{ id: 'ENG-1', title: 'Add a canary step', owner: 'TODO', priority: 'P2', due: '2025-05-01' },
				{ id: 'ENG-2', title: 'TODO: follow up with the users already affected', owner: '@support', priority: 'P1', due: '2025-04-01' },
			],
		};
		const published = findings(changes);
		expect(published.map((l) => l.split(':')[0])).toEqual(['error title', 'error impact.summary', 'error summary', 'error actionItems[0].owner', 'error actionItems[1].title']);
		expect(published[3]).toContain('"TODO" is still the template\'s placeholder; write the person or team handle who will do it before publishing');
		expect(findings({ ...changes, status: 'review' }).every((l) => l.startsWith('warning'))).toBe(true);
	});
});

describe('unreviewed model drafts', () => {
	const drafted = { model: 'm', at: '2025-03-20T00:00:00Z', fields: ['summary', 'timeline'], reviewed: false, sources: ['chat.json'] };

	it('cannot be published', () => {
		expect(findings({ summary: 'The lock queued writes.', drafted })).toEqual([
			'error drafted.reviewed: is false: the model drafted summary, timeline and nobody has reviewed it; a published postmortem needs people to review the draft and set drafted.reviewed: true',
		]);
		expect(findings({ summary: 'The lock queued writes.', drafted: { ...drafted, reviewed: true } })).toEqual([]);
	});

	it('is a warning in review and nothing in a draft', () => {
		expect(findings({ summary: 'The lock queued writes.', drafted, status: 'review' }).map((l) => l.split(':')[0])).toEqual(['warning drafted.reviewed']);
		expect(findings({ summary: 'The lock queued writes.', drafted, status: 'draft' })).toEqual([]);
	});
});
