import { describe, expect, it } from 'vitest';
import { getConfig } from '../../../src/config.ts';
import { describeFinding, draftFindings, rewriteRequest } from '../../../src/lib/drafting/tone-gate.ts';

const blameWords = getConfig().policy.blameWords;
const pm = {
	authors: ['@dana', 'Li Wei'],
	reviews: [{ role: 'lead' as const, by: '@priya', on: '2025-03-19' }],
	actionItems: [{ id: 'X-1', title: 't', owner: '@platform-team', priority: 'P1' as const, due: '2025-04-01', status: 'open' as const }],
};

describe('the tone gate', () => {
	it('passes a blameless draft', () => {
		const draft = { summary: 'The migration took an exclusive lock and checkout requests timed out for 92 seconds.', lessons: ['Lock levels need a check in review.'] };
		expect(draftFindings(draft, ['summary', 'lessons'], blameWords, pm)).toEqual([]);
	});

	it("catches a person from the postmortem's own frontmatter named next to a mistake", () => {
		const draft = { summary: "Li's migration caused the outage.", lessons: ['Priya should have caught the lock in review.', 'Fine lesson.'] };
		const findings = draftFindings(draft, ['summary', 'lessons'], blameWords, pm);
		expect(findings.map((f) => [f.path, f.person])).toEqual([
			['summary', 'Li'],
			['lessons[0]', 'Priya'],
		]);
		expect(describeFinding(findings[0]!)).toBe('summary: "Li\'s migration caused the outage." ties "caused" to Li');
	});

	it('checks only the fields that would be written', () => {
		const draft = { summary: '@dana forgot the lint.', lessons: ['Fine.'] };
		expect(draftFindings(draft, ['lessons'], blameWords, pm)).toEqual([]);
	});

	it('feeds the findings back in the rewrite request', () => {
		const findings = draftFindings({ summary: '@dana forgot the lint.', lessons: [] }, ['summary'], blameWords, pm);
		const text = rewriteRequest(findings);
		expect(text).toContain('summary: "@dana forgot the lint." ties "forgot" to @dana');
		expect(text).toMatch(/Rewrite both fields/);
	});
});
