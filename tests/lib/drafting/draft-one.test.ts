import { describe, expect, it } from 'vitest';
import { getConfig } from '../../../src/config.ts';
import { draftOne } from '../../../src/lib/drafting/draft-one.ts';
import { draftPrompt } from '../../../src/lib/drafting/prompt.ts';
import { createDraftClient, draftRequestParams, requestDraft } from '../../../src/cli/drafting/request.ts';
import { modelToneReviewer } from '../../../src/cli/tone-review.ts';
import { draftReply, errorReply, textReply, toneReply } from '../../support/fake-anthropic.ts';
import { useFakeAnthropic } from '../../support/use-fake-anthropic.ts';

const fake = useFakeAnthropic();

const prompt = draftPrompt([], { text: '---\ntitle: Lock\n---\n', body: 'Body.', fields: ['summary', 'lessons'] });
const pm = { authors: ['@dana'], reviews: [], actionItems: [] };
const context = () => {
	const client = createDraftClient();
	const params = draftRequestParams('claude-sonnet-5-5', prompt);
	return { prompt, fields: ['summary', 'lessons'] as const, blameWords: getConfig().policy.blameWords, pm, send: (messages: typeof params.messages) => requestDraft(client, { ...params, messages }) };
};
const blaming = { summary: '@dana forgot to run the migration lint, which caused the outage.', lessons: ['Lint runs in CI.'] };
const clean = { summary: 'The migration took an exclusive lock that the review did not flag.', lessons: ['Lint runs in CI.'] };

describe('the tone gate around a live draft', () => {
	it('sends a blaming draft back once with the findings, and keeps the clean rewrite', async () => {
		fake().queue(draftReply(blaming), draftReply(clean));
		const result = await draftOne(context());
		expect(result).toEqual({ ok: true, draft: clean, retried: true });
		const second = fake().messageBodies()[1];
		expect(second.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user']);
		expect(second.messages[1].content).toBe(JSON.stringify(blaming));
		expect(second.messages[2].content).toContain('ties "forgot to run" to @dana');
	});

	it('gives up when the rewrite still blames, after exactly one retry', async () => {
		fake().queue(draftReply(blaming), draftReply({ ...blaming, summary: 'Dana caused the outage.' }));
		const result = await draftOne(context());
		expect(result).toEqual({ ok: false, reason: 'the draft still does not read as blameless after one rewrite: summary: "Dana caused the outage." ties "caused" to Dana' });
		expect(fake().messageBodies()).toHaveLength(2);
	});
});

describe('the model tone reviewer after the deterministic check', () => {
	const reviewed = () => {
		const client = createDraftClient();
		return { ...context(), review: modelToneReviewer(client, 'claude-sonnet-5-5', { styleExamples: [], sentences: [] }) };
	};
	const subtle = { summary: 'The deploy went out late on Friday because the usual approver was keen to start the weekend.', lessons: ['Lint runs in CI.'] };
	const finding = { index: 1, sentence: subtle.summary, kind: 'blame' as const, person: 'the usual approver', rewrite: 'The deploy went out late on Friday; nothing in the pipeline holds deploys at the end of the week.' };

	it('passes a draft only when the review finds nothing too', async () => {
		fake().queue(draftReply(clean));
		const result = await draftOne(reviewed());
		expect(result).toEqual({ ok: true, draft: clean, retried: false });
		const [review] = fake().toneBodies();
		expect(review.messages[0].content).toContain('1. The migration took an exclusive lock');
		expect(review.messages[0].content).toContain('2. Lint runs in CI.');
	});

	it('sends a draft the reviewer flags back once with its findings and rewrite, then reviews the rewrite', async () => {
		fake().queue(draftReply(subtle), draftReply(clean));
		fake().queueTone(toneReply([finding]), toneReply([]));
		const result = await draftOne(reviewed());
		expect(result).toEqual({ ok: true, draft: clean, retried: true });
		expect(fake().toneBodies()).toHaveLength(2);
		const rewrite = fake().messageBodies()[1].messages[2].content;
		expect(rewrite).toContain(`summary: "${subtle.summary}" reads to the tone reviewer as blame (the usual approver)`);
		expect(rewrite).toContain('nothing in the pipeline holds deploys');
	});

	it('does not review a draft the deterministic check already rejected', async () => {
		fake().queue(draftReply(blaming), draftReply(clean));
		await draftOne(reviewed());
		expect(fake().toneBodies()).toHaveLength(1);
	});

	it('writes nothing when the review answer is malformed', async () => {
		fake().queue(draftReply(clean));
		fake().queueTone(textReply('{"findings": "none"}'));
		const result = await draftOne(reviewed());
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(/^the tone review could not run: the answer was malformed/);
	});

	it('writes nothing when the review request fails with a 500', async () => {
		fake().queue(draftReply(clean));
		fake().toneFallback(errorReply(500));
		try {
			const result = await draftOne(reviewed());
			expect(result).toEqual({ ok: false, reason: 'the tone review could not run: the API answered 500 (api_error: stand-in 500) after 5 attempts' });
		} finally {
			fake().toneFallback(toneReply([]));
		}
	});
});
