import { describe, expect, it } from 'vitest';
import { getConfig } from '../../../src/config.ts';
import { draftOne } from '../../../src/lib/drafting/draft-one.ts';
import { draftPrompt } from '../../../src/lib/drafting/prompt.ts';
import { createDraftClient, draftRequestParams, requestDraft } from '../../../src/cli/drafting/request.ts';
import { draftReply } from '../../support/fake-anthropic.ts';
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
		expect(second.messages[2].content).toContain('ties "forgot" to @dana');
	});

	it('gives up when the rewrite still blames, after exactly one retry', async () => {
		fake().queue(draftReply(blaming), draftReply({ ...blaming, summary: 'Dana caused the outage.' }));
		const result = await draftOne(context());
		expect(result).toEqual({ ok: false, reason: 'the draft still blames a person after one rewrite: summary: "Dana caused the outage." ties "caused" to Dana' });
		expect(fake().messageBodies()).toHaveLength(2);
	});
});
