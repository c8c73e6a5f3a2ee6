import { startStandIn, type StandIn } from './http.ts';

/**
 * A loopback stand-in for a Slack incoming webhook (api.slack.com/messaging/webhooks):
 * POST JSON to the webhook's secret path; 200 with the body `ok`, or an error status
 * with a plain-text reason (`invalid_payload`, `no_service`, `invalid_blocks` …).
 */
export interface SlackStandIn extends StandIn {
	/** The webhook URL, with its secret path. */
	webhook: string;
	/** The JSON payloads received. */
	messages: Array<{ text?: string; blocks?: Array<Record<string, unknown>> }>;
}

export async function startSlack(secretPath = '/services/T0000TEST/B0000TEST/s3cr3tW3bh00kPath'): Promise<SlackStandIn> {
	const messages: SlackStandIn['messages'] = [];
	const standIn = await startStandIn((req, url) => {
		if (req.method !== 'POST' || url.pathname !== secretPath) return { status: 404, body: 'no_service' };
		let payload;
		try {
			payload = JSON.parse(req.body);
		} catch {
			return { status: 400, body: 'invalid_payload' };
		}
		if (!payload.text && !payload.blocks) return { status: 400, body: 'no_text' };
		if (Array.isArray(payload.blocks) && payload.blocks.length > 50) return { status: 400, body: 'invalid_blocks' };
		messages.push(payload);
		return { status: 200, body: 'ok' };
	});
	return { ...standIn, webhook: standIn.url + secretPath, messages };
}
