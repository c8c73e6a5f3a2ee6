import { describe, expect, it } from 'vitest';
import { formatPath, friendlyZodMessage } from '../../src/lib/validation/findings.ts';
import { actionItemSchema } from '../../src/schemas/action-item.ts';

const item = (changes: Record<string, unknown> = {}) => ({ id: 'ENG-1', title: 'Add a canary', owner: '@dana', priority: 'P1', due: '2025-04-01', ...changes });

function problems(data: Record<string, unknown>): string[] {
	const result = actionItemSchema.safeParse(data, { error: friendlyZodMessage });
	return result.success ? [] : result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

describe('actionItemSchema', () => {
	it('accepts an item and defaults its status to open', () => {
		expect(actionItemSchema.parse(item()).status).toBe('open');
	});

	it('needs an owner, and says why', () => {
		const { owner: _, ...withoutOwner } = item();
		expect(problems(withoutOwner)).toEqual(['owner: is required: every action item needs an owner (a person or team handle)']);
		expect(problems(item({ owner: '   ' }))).toEqual(['owner: must not be empty: every action item needs an owner (a person or team handle)']);
		expect(problems(item({ owner: 42 }))).toEqual(['owner: must be a person or team handle']);
	});

	it('needs id, title, priority and due', () => {
		expect(problems({ owner: '@dana' }).map((l) => l.split(':')[0])).toEqual(['id', 'title', 'priority', 'due']);
	});

	it('knows the priorities and statuses', () => {
		expect(problems(item({ priority: 'high' }))).toEqual(['priority: must be one of P0, P1, P2, P3, not "high"']);
		expect(problems(item({ status: 'closed' }))).toEqual(['status: must be one of open, in-progress, done, wont-do, not "closed"']);
	});

	it.each(['done', 'wont-do'])('needs completedOn once %s', (status) => {
		expect(problems(item({ status }))).toEqual([`completedOn: is required when status is ${status}; add the date it was closed (YYYY-MM-DD)`]);
		expect(problems(item({ status, completedOn: '2025-03-30' }))).toEqual([]);
	});

	it('does not need completedOn while open or in progress', () => {
		expect(problems(item({ status: 'in-progress' }))).toEqual([]);
	});

	it('checks dates are real calendar dates', () => {
		expect(problems(item({ due: '2025-02-30' }))[0]).toContain('due: "2025-02-30" is not a date; write it as YYYY-MM-DD');
		expect(actionItemSchema.parse(item({ due: new Date('2025-04-01T00:00:00Z') })).due).toBe('2025-04-01');
	});

	it('accepts only http and https ticket links', () => {
		expect(problems(item({ ticket: 'https://tracker.example.com/browse/ENG-1' }))).toEqual([]);
		expect(problems(item({ ticket: 'javascript:alert(1)' }))).toEqual(['ticket: "javascript:alert(1)" must be an http or https URL']);
		expect(problems(item({ ticket: 'ENG-1' }))).toEqual(['ticket: "ENG-1" must be an http or https URL']);
	});
});
