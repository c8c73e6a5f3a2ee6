import { describe, expect, it } from 'vitest';
import { friendlyZodMessage, formatPath } from '../../src/lib/validation/findings.ts';
import { postmortemSchema } from '../../src/schemas/postmortem.ts';
import { validPostmortem } from '../support/validation.ts';

/** Parses with the validator's error map; returns `path: message` lines, or [] when valid. */
function problems(data: Record<string, unknown>): string[] {
	const result = postmortemSchema.safeParse(data, { error: friendlyZodMessage });
	return result.success ? [] : result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

function withChanges(changes: Record<string, unknown>, drop: string[] = []): Record<string, unknown> {
	const data = { ...validPostmortem(), ...changes };
	for (const key of drop) delete data[key];
	return data;
}

describe('postmortemSchema', () => {
	it('accepts a complete published postmortem and fills the defaults', () => {
		expect(problems(validPostmortem())).toEqual([]);
		const minimal = postmortemSchema.parse({
			title: 'Minimal',
			severity: 'SEV4',
			startedAt: '2025-01-01T00:00:00Z',
			services: ['a'],
			authors: ['b'],
			impact: { summary: 'x' },
		});
		expect(minimal.status).toBe('draft');
		expect(minimal.tags).toEqual([]);
		expect(minimal.timeline).toEqual([]);
		expect(minimal.actionItems).toEqual([]);
		expect(minimal.reviews).toEqual([]);
	});

	it.each(['title', 'severity', 'startedAt', 'services', 'authors', 'impact'])('requires %s', (field) => {
		const lines = problems(withChanges({}, [field]));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(new RegExp(`^${field}: is required`));
	});

	it('requires impact.summary', () => {
		expect(problems(withChanges({ impact: { usersAffected: 3 } }))).toEqual(['impact.summary: is required']);
	});

	it('checks the title length after trimming', () => {
		expect(problems(withChanges({ title: '  ab  ' }))).toEqual(['title: must be at least 3 characters']);
		expect(problems(withChanges({ title: 'x'.repeat(201) }))).toEqual(['title: must be at most 200 characters']);
		expect(postmortemSchema.parse(withChanges({ title: '  Padded title  ' })).title).toBe('Padded title');
	});

	it('names the allowed severities and statuses', () => {
		expect(problems(withChanges({ severity: 'sev2' }))).toEqual(['severity: must be one of SEV1, SEV2, SEV3, SEV4, not "sev2"']);
		expect(problems(withChanges({ status: 'done' }))).toEqual(['status: must be one of draft, review, published, not "done"']);
	});

	it('rejects a timestamp it cannot read, saying what it should look like', () => {
		const [line] = problems(withChanges({ startedAt: 'yesterday 9am' }));
		expect(line).toContain('startedAt: "yesterday 9am" is not a timestamp');
		expect(line).toContain('2025-03-14T09:30:00Z');
	});

	it('keeps the incident timestamps in order', () => {
		expect(problems(withChanges({ detectedAt: '2025-03-14T09:00:00Z' }))).toEqual([
			'detectedAt: (2025-03-14T09:00:00Z) must not be before startedAt (2025-03-14T09:30:00Z)',
		]);
		expect(problems(withChanges({ mitigatedAt: '2025-03-14T09:34:00Z' }))).toEqual([
			'mitigatedAt: (2025-03-14T09:34:00Z) must not be before detectedAt (2025-03-14T09:35:00Z)',
		]);
		// Without detectedAt, mitigatedAt is compared with startedAt.
		expect(problems(withChanges({ mitigatedAt: '2025-03-14T09:00:00Z' }, ['detectedAt']))).toEqual([
			'mitigatedAt: (2025-03-14T09:00:00Z) must not be before startedAt (2025-03-14T09:30:00Z)',
		]);
		expect(problems(withChanges({ resolvedAt: '2025-03-14T09:40:00Z' }))).toEqual([
			'resolvedAt: (2025-03-14T09:40:00Z) must not be before mitigatedAt (2025-03-14T09:50:00Z)',
		]);
	});

	it('allows equal timestamps (an incident detected the moment it began)', () => {
		expect(problems(withChanges({ detectedAt: '2025-03-14T09:30:00Z', mitigatedAt: '2025-03-14T09:30:00Z' }))).toEqual([]);
	});

	it('reads a timestamp without a zone as UTC and honours an explicit zone', () => {
		const pm = postmortemSchema.parse(withChanges({ startedAt: '2025-03-14 09:30', detectedAt: '2025-03-14T10:35:00+01:00' }));
		expect(pm.startedAt.toISOString()).toBe('2025-03-14T09:30:00.000Z');
		expect(pm.detectedAt?.toISOString()).toBe('2025-03-14T09:35:00.000Z');
	});

	it('requires resolvedAt once published, and only then', () => {
		expect(problems(withChanges({}, ['resolvedAt']))).toEqual(['resolvedAt: is required when status is published; add when the incident was resolved']);
		expect(problems(withChanges({ status: 'draft' }, ['resolvedAt']))).toEqual([]);
		expect(problems(withChanges({ status: 'review' }, ['resolvedAt']))).toEqual([]);
	});

	it('needs at least one service, each a lower-case slug, with a suggestion', () => {
		expect(problems(withChanges({ services: [] }))).toEqual(['services: must list at least one service']);
		expect(problems(withChanges({ services: ['Checkout API'] }))).toEqual([
			'services[0]: "Checkout API" must be a lower-case slug (letters, digits and dashes), e.g. checkout-api',
		]);
		expect(problems(withChanges({ tags: ['ok', 'Not OK'] }))).toEqual(['tags[1]: "Not OK" must be a lower-case slug (letters, digits and dashes), e.g. not-ok']);
	});

	it('needs at least one non-empty author', () => {
		expect(problems(withChanges({ authors: [] }))).toEqual(['authors: must list at least one author']);
		expect(problems(withChanges({ authors: ['  '] }))).toEqual(['authors[0]: must not be empty']);
	});

	it('checks impact numbers and flags', () => {
		expect(problems(withChanges({ impact: { summary: 'x', usersAffected: -1 } }))).toEqual(['impact.usersAffected: must be 0 or more']);
		expect(problems(withChanges({ impact: { summary: 'x', usersAffected: 2.5 } }))).toEqual(['impact.usersAffected: must be a whole number']);
		expect(problems(withChanges({ impact: { summary: 'x', customerFacing: 'yes' } }))).toEqual(['impact.customerFacing: must be true or false']);
	});

	it('keeps the timeline in chronological order', () => {
		const timeline = [
			{ at: '2025-03-14T09:35:00Z', event: 'Alert fires' },
			{ at: '2025-03-14T09:30:00Z', event: 'Deploy starts' },
		];
		expect(problems(withChanges({ timeline }))).toEqual([
			'timeline[1].at: (2025-03-14T09:30:00Z) is earlier than the entry before it (2025-03-14T09:35:00Z); keep the timeline in chronological order',
		]);
	});

	it('knows the contributing factor kinds', () => {
		expect(problems(withChanges({ contributingFactors: [{ kind: 'human', description: 'x' }] }))).toEqual([
			'contributingFactors[0].kind: must be one of technical, process, operational, not "human"',
		]);
	});

	it('knows the review roles and needs a date', () => {
		expect(problems(withChanges({ reviews: [{ role: 'approver', by: '@li', on: '2025-03-18' }] }))).toEqual([
			'reviews[0].role: must be one of responder, lead, manager, director, not "approver"',
		]);
		expect(problems(withChanges({ reviews: [{ role: 'lead', by: '@li', on: '18/03/2025' }] }))[0]).toContain('reviews[0].on: "18/03/2025" is not a date');
	});

	it('does not let an action item be completed before the incident started', () => {
		const actionItems = [{ id: 'ENG-1', title: 't', owner: '@a', priority: 'P1', due: '2025-04-01', status: 'done', completedOn: '2025-03-13' }];
		expect(problems(withChanges({ actionItems }))).toEqual(['actionItems[0].completedOn: (2025-03-13) must not be before the incident started (2025-03-14)']);
		actionItems[0]!.completedOn = '2025-03-14';
		expect(problems(withChanges({ actionItems }))).toEqual([]);
	});

	it('checks drafted: known fields only, reviewed defaults to false', () => {
		const drafted = { model: 'claude-x', at: '2025-03-20T10:00:00Z', fields: ['summary'] };
		expect(postmortemSchema.parse(withChanges({ drafted })).drafted?.reviewed).toBe(false);
		expect(postmortemSchema.parse(withChanges({ drafted: { ...drafted, fields: ['title', 'timeline'], sources: ['slack/'] } })).drafted?.fields).toEqual(['title', 'timeline']);
		expect(problems(withChanges({ drafted: { ...drafted, fields: ['body'] } }))[0]).toMatch(/^drafted\.fields\[0\]: must be one of title, summary, lessons, .*not "body"$/);
	});

	it('takes artefact refs on timeline entries and factors, and blameless exceptions with who judged them and why', () => {
		const parsed = postmortemSchema.parse(
			withChanges({
				timeline: [{ at: '2025-03-14T09:30:00Z', event: 'Alert fired', refs: ['alerts.json#abc'] }],
				contributingFactors: [{ kind: 'technical', description: 'No lock timeout', refs: ['deploys.csv#3'] }],
				blamelessExceptions: [{ sentence: 'Dana fixed it.', by: '@lee', reason: 'credit, not blame' }],
			}),
		);
		expect(parsed.timeline[0]?.refs).toEqual(['alerts.json#abc']);
		expect(parsed.contributingFactors[0]?.refs).toEqual(['deploys.csv#3']);
		expect(parsed.blamelessExceptions).toHaveLength(1);
		expect(problems(withChanges({ blamelessExceptions: [{ sentence: 'Dana fixed it.', by: '@lee' }] }))).toEqual(['blamelessExceptions[0].reason: is required']);
	});

	it('reports every problem of a file at once', () => {
		const lines = problems(withChanges({ severity: 'SEV9', services: [], authors: [] }, ['title']));
		expect(lines.map((l) => l.split(':')[0])).toEqual(['title', 'severity', 'services', 'authors']);
	});
});
