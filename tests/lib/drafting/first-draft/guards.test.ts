import { describe, expect, it } from 'vitest';
import { refIndex, type ArtefactEvent } from '../../../../src/lib/drafting/first-draft/events.ts';
import { checkNumbers, checkRefs, numbersIn, rejections, selfNarration, toneProblems } from '../../../../src/lib/drafting/first-draft/guards.ts';
import { goodFirstDraft } from '../../../support/first-draft-replies.ts';
import timeline from '../../../fixtures/first-draft/incident/timeline.json' with { type: 'json' };

const events = timeline.events as ArtefactEvent[];
const index = refIndex(events);
const known = numbersIn(events.map((e) => e.text));
const tone = { blameWords: ['caused', 'forgot', 'failed to', 'mistake', 'fault', 'careless', 'should have', 'blame'], people: ['Sarah Chen', 'Rui Costa'] };

describe('the ref guard', () => {
	it('keeps a good draft whole, with each entry at its cited event\'s time', () => {
		const { draft, dropped } = checkRefs(goodFirstDraft(), index);
		expect(dropped).toEqual([]);
		expect(draft.timeline).toHaveLength(7);
		// The entry citing the page (02:10:00) and the alert (02:09:30) keeps the page's time, the one it gave.
		expect(draft.timeline[1]!.at).toBe('2026-07-22T02:10:00Z');
	});

	it('accepts a ref that names the same event in another file (alsoIn)', () => {
		const d = goodFirstDraft();
		d.timeline[1]!.refs = ['slack/incident-4411/2026-07-22.json#1784686205.000050'];
		expect(checkRefs(d, index).dropped).toEqual([]);
	});

	it('drops entries and factors citing refs that do not exist or a time no cited event has', () => {
		const d = goodFirstDraft();
		d.timeline[0]!.refs = ['deploys.csv#99'];
		d.timeline[2]!.at = '2026-07-22T03:15:00Z';
		d.contributingFactors[0]!.refs = ['runbook.md#12'];
		d.moments.detectedAt = 'pagerduty.json#NOPE';
		const { draft, dropped } = checkRefs(d, index);
		expect(dropped.map((x) => x.path)).toEqual(['timeline[0]', 'timeline[2]', 'contributingFactors[0]', 'moments.detectedAt']);
		expect(dropped[1]!.reason).toBe('is at 2026-07-22T03:15:00Z, but the events it cites are at 2026-07-22T02:15:00Z');
		expect(draft.timeline).toHaveLength(5);
		expect(draft.moments.detectedAt).toBeNull();
	});

	it('sorts what is kept into chronological order', () => {
		const d = goodFirstDraft();
		d.timeline.reverse();
		expect(checkRefs(d, index).draft.timeline.map((e) => e.at)).toEqual([...goodFirstDraft().timeline.map((e) => e.at)]);
	});
});

describe('the number guard', () => {
	it('keeps numbers the artefacts state, with or without thousands separators, and durations', () => {
		const { draft, dropped } = checkNumbers(goodFirstDraft(), known);
		expect(dropped).toEqual([]);
		expect(draft.impact.usersAffected).toBe(1240);
	});

	it('drops an invented count of affected users and the impact sentence that states one', () => {
		const d = goodFirstDraft();
		d.impact.usersAffected = 5000;
		d.impact.summary = 'Checkout hung for about 20 minutes. About 5,000 customers could not pay.';
		const { draft, dropped } = checkNumbers(d, known);
		expect(draft.impact.usersAffected).toBeNull();
		expect(draft.impact.summary).toBe('Checkout hung for about 20 minutes.');
		expect(dropped.map((x) => x.reason)).toEqual(['5000 appears nowhere in the artefacts', 'the sentence "About 5,000 customers could not pay." states 5,000, which appears nowhere in the artefacts']);
	});

	it('leaves a visible placeholder when nothing of the impact summary is left', () => {
		const d = goodFirstDraft();
		d.impact.summary = '73% of checkouts failed.';
		expect(checkNumbers(d, known).draft.impact.summary).toMatch(/^TODO: /);
	});
});

describe('the rejecting guards', () => {
	it('finds self-narration in any narrative field', () => {
		for (const text of ['Here is a draft of the postmortem.', 'Owners are left as placeholders for the reviewers.', 'The template sections on detection are filled in below.', 'As an AI, I cannot know the cause.', 'This draft leaves the owners open.', '[Insert the customer count here]', 'Based on the artefacts provided, the lock began at 02:05.']) {
			const d = goodFirstDraft();
			d.lessons[1] = text;
			expect(selfNarration(d).map((n) => n.path), text).toEqual(['lessons[1]']);
		}
		expect(selfNarration(goodFirstDraft())).toEqual([]);
		// An incident about placeholders or templates is not self-narration.
		for (const text of ['A placeholder API key from the config template reached production.', 'The email template rendered without the order number.', 'The release notes draft was published early.']) {
			const d = goodFirstDraft();
			d.summary = text;
			expect(selfNarration(d), text).toEqual([]);
		}
	});

	it('sends every narrative field through the tone gate, with its own path', () => {
		const d = goodFirstDraft();
		d.contributingFactors[1]!.description = 'Rui Costa forgot to ask for a review.';
		d.actionItems[0]!.rationale = 'Sarah Chen should have seen the lock sooner.';
		const problems = toneProblems(d, tone);
		expect(problems.map((p) => p.split(':')[0])).toEqual(['contributingFactors[1].description', 'actionItems[0].rationale']);
		// Naming who did what in the timeline is not blame.
		expect(toneProblems(goodFirstDraft(), tone)).toEqual([]);
	});

	it('rejects a draft with no timeline left', () => {
		expect(rejections(goodFirstDraft(), tone, 0)).toEqual(['no timeline entry cites an event that exists with its time; cite refs exactly as the events give them']);
		expect(rejections(goodFirstDraft(), tone, 7)).toEqual([]);
	});
});
