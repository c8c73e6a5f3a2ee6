import { describe, expect, it } from 'vitest';
import { getConfig } from '../../../src/config.ts';
import { describeFinding, draftFindings, draftTexts, gateFindings, rewriteRequest } from '../../../src/lib/drafting/tone-gate.ts';

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
		expect(findings.map((f) => [f.path, f.who])).toEqual([
			['summary', 'Li'],
			['lessons[0]', 'Priya'],
		]);
		expect(describeFinding(findings[0]!)).toBe('summary: "Li\'s migration caused the outage." ties "migration caused" to Li');
	});

	it('checks only the fields that would be written', () => {
		const draft = { summary: '@dana forgot the lint.', lessons: ['Fine.'] };
		expect(draftFindings(draft, ['lessons'], blameWords, pm)).toEqual([]);
	});

	it('feeds the findings back in the rewrite request', () => {
		const findings = draftFindings({ summary: '@dana forgot the lint.', lessons: [] }, ['summary'], blameWords, pm);
		const text = rewriteRequest(findings);
		expect(text).toContain('summary: "@dana forgot the lint." ties "forgot" to @dana');
		expect(text).toContain(findings[0]!.hint);
		expect(text).toMatch(/Rewrite all the fields/);
	});

	it('gates any list of drafted text fields, and every text inside a drafted value', () => {
		const texts = [
			{ field: 'contributingFactors[0].description', text: 'The intern ran the script against production.' },
			{ field: 'impact.summary', text: 'Checkout failed for 4 minutes.' },
		];
		expect(gateFindings(texts, { knownPeople: [] }).map((f) => [f.path, f.kind])).toEqual([['contributingFactors[0].description', 'role-as-person']]);
		const draft = { summary: 'Fine.', lessons: [], contributingFactors: [{ kind: 'process', description: 'Human error.' }], actionItems: [{ title: 'Add a lint', rationale: 'Priya single-handedly saved the day.' }] };
		expect(draftTexts(draft, ['contributingFactors', 'actionItems']).map((t) => t.field)).toEqual(['contributingFactors[0].description', 'actionItems[0].title', 'actionItems[0].rationale']);
		expect(draftFindings(draft, ['contributingFactors', 'actionItems'], blameWords, pm).map((f) => `${f.path} ${f.kind}`)).toEqual(['contributingFactors[0].description human-error', 'actionItems[0].rationale hero']);
	});
});
