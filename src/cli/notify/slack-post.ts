import { IncomingWebhook, IncomingWebhookHTTPError, IncomingWebhookRequestError } from '@slack/webhook';
import type { SlackMessage } from '../../lib/notify/slack-digest.ts';
import { redact } from '../tickets/tracker-error.ts';

/**
 * Posts a message to a Slack incoming webhook. The webhook URL is a secret (anyone
 * holding it can post to the channel): no message this returns contains it.
 */
export async function postToSlack(webhookUrl: string, message: SlackMessage): Promise<{ ok: true } | { ok: false; message: string }> {
	const webhook = new IncomingWebhook(webhookUrl, { timeout: 15_000 });
	try {
		await webhook.send({ text: message.text, blocks: message.blocks as never });
		return { ok: true };
	} catch (error) {
		let said: string;
		if (error instanceof IncomingWebhookHTTPError) said = `Slack answered ${error.statusCode}${error.body ? `: ${error.body.trim().slice(0, 300)}` : ''}`;
		else if (error instanceof IncomingWebhookRequestError) said = `could not reach Slack (${error.original.message})`;
		else said = `could not post to Slack (${(error as Error).message})`;
		const path = safePath(webhookUrl);
		return { ok: false, message: redact(said, [webhookUrl, path]) };
	}
}

function safePath(url: string): string | undefined {
	try {
		const p = new URL(url).pathname;
		return p.length > 1 ? p : undefined;
	} catch {
		return undefined;
	}
}
