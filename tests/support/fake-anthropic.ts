import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Messages API and the Message Batches API, as far as the
 * official SDK uses them for drafting. Listens on 127.0.0.1 (port 0); tests point
 * the SDK at it with ANTHROPIC_BASE_URL. Scriptable per test: queue replies
 * (429 then success, 500 forever, malformed output, a blaming draft); every request
 * body is captured.
 */

/** A draft the stand-in answers with. */
export interface FakeDraft {
	summary: string;
	lessons: string[];
}

/** What the stand-in answers to one Messages request (or one batch item). */
export type FakeReply =
	| { kind: 'draft'; draft: FakeDraft }
	| { kind: 'text'; text: string; stopReason?: string }
	| { kind: 'error'; status: number; type: string; message: string }
	/** Never answers (until the stand-in closes): a request in flight, for interrupting a run. */
	| { kind: 'hang' }
	| FaultReply;

export const draftReply = (draft: FakeDraft): FakeReply => ({ kind: 'draft', draft });
export const textReply = (text: string, stopReason?: string): FakeReply => ({ kind: 'text', text, stopReason });
export const hangReply = (): FakeReply => ({ kind: 'hang' });
export const errorReply = (status: number, type = status === 429 ? 'rate_limit_error' : 'api_error', message = `stand-in ${status}`): FakeReply => ({
	kind: 'error',
	status,
	type,
	message,
});

/** One HTTP request the stand-in received. */
export interface CapturedRequest {
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: any;
}

interface FakeBatch {
	id: string;
	createdAt: string;
	ended: boolean;
	lines: string[];
}

export interface FakeAnthropic {
	/** Base URL for ANTHROPIC_BASE_URL. */
	url: string;
	/** Every request, in arrival order. */
	requests: CapturedRequest[];
	/** The bodies of POST /v1/messages requests. */
	messageBodies(): any[];
	/** Queues replies: each Messages request or batch item takes the next one; then the fallback answers. */
	queue(...replies: FakeReply[]): void;
	/** The reply once the queue is empty; by default a blameless draft naming the postmortem's title. */
	fallback(reply: FakeReply | ((body: any) => FakeReply)): void;
	/** Whether new batches end at once (default) or stay in progress until `finishBatches()`. */
	batchesEndImmediately(value: boolean): void;
	finishBatches(): void;
	close(): Promise<void>;
}

/** The stand-in's default answer: a plain, blameless draft that names the postmortem's title. */
export function defaultDraft(body: any): FakeDraft {
	const user = JSON.stringify(body?.messages?.[0]?.content ?? '');
	const title = /\\ntitle: ['"]?([^'"\\]+)/.exec(user)?.[1]?.trim() ?? 'the incident';
	return {
		summary: `Stand-in draft for ${title}: the safeguards in the deploy pipeline did not stop the change before users were affected, and the rollback in the runbook restored service.`,
		lessons: ['Checks that run in the pipeline catch what a checklist misses.', 'Alerts on user-facing symptoms shorten the time to detect.'],
	};
}

const approxTokens = (text: string) => Math.ceil(text.length / 4);

function validationError(body: any): string | undefined {
	if (!body || typeof body !== 'object') return 'the body must be a JSON object';
	if (typeof body.model !== 'string' || !body.model) return 'model: field required';
	if (typeof body.max_tokens !== 'number') return 'max_tokens: field required';
	if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: field required';
	if (body.output_config?.format?.type !== 'json_schema' || typeof body.output_config.format.schema !== 'object') {
		return 'stand-in: expected structured output (output_config.format of type json_schema)';
	}
	return undefined;
}

export async function startFakeAnthropic(): Promise<FakeAnthropic> {
	const requests: CapturedRequest[] = [];
	const queued: FakeReply[] = [];
	let fallback: FakeReply | ((body: any) => FakeReply) = (body) => draftReply(defaultDraft(body));
	let endImmediately = true;
	const batches = new Map<string, FakeBatch>();
	const cachedPrefixes = new Set<string>();
	let counter = 0;
	let url = '';

	const nextReply = (body: any): FakeReply => queued.shift() ?? (typeof fallback === 'function' ? fallback(body) : fallback);

	/** A Message for a reply, with usage that imitates prompt caching of the system prefix. */
	const messageFor = (body: any, reply: Extract<FakeReply, { kind: 'draft' | 'text' }>) => {
		const text = reply.kind === 'draft' ? JSON.stringify(reply.draft) : reply.text;
		const system: Array<{ text: string; cache_control?: unknown }> = Array.isArray(body.system) ? body.system : [];
		const breakpoint = system.findLastIndex((b) => b.cache_control);
		const prefix = breakpoint === -1 ? '' : system.slice(0, breakpoint + 1).map((b) => b.text).join('\n');
		const prefixTokens = approxTokens(prefix);
		const total = approxTokens(JSON.stringify({ system: body.system, messages: body.messages }));
		const hit = prefix !== '' && cachedPrefixes.has(prefix);
		if (prefix) cachedPrefixes.add(prefix);
		return {
			id: `msg_stand_in_${++counter}`,
			type: 'message',
			role: 'assistant',
			model: body.model,
			content: [{ type: 'text', text, citations: null }],
			stop_reason: reply.kind === 'text' && reply.stopReason ? reply.stopReason : 'end_turn',
			stop_sequence: null,
			stop_details: null,
			container: null,
			diagnostics: null,
			usage: {
				input_tokens: total - prefixTokens,
				output_tokens: approxTokens(text),
				cache_creation_input_tokens: prefix && !hit ? prefixTokens : 0,
				cache_read_input_tokens: hit ? prefixTokens : 0,
				cache_creation: null,
				inference_geo: null,
				output_tokens_details: null,
				server_tool_use: null,
				service_tier: 'standard',
				speed: null,
			},
		};
	};

	const errorBody = (type: string, message: string) => ({ type: 'error', error: { type, message }, request_id: `req_stand_in_${++counter}` });

	const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
		res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_stand_in_${++counter}`, ...headers });
		res.end(JSON.stringify(body));
	};
	// Retries in tests wait 1 ms: the SDK honours retry-after-ms.
	const sendError = (res: ServerResponse, status: number, type: string, message: string) => send(res, status, errorBody(type, message), { 'retry-after-ms': '1' });

	const batchJson = (b: FakeBatch) => ({
		id: b.id,
		type: 'message_batch',
		processing_status: b.ended ? 'ended' : 'in_progress',
		request_counts: { processing: b.ended ? 0 : b.lines.length, succeeded: b.ended ? b.lines.filter((l) => l.includes('"succeeded"')).length : 0, errored: b.ended ? b.lines.filter((l) => l.includes('"errored"')).length : 0, canceled: 0, expired: 0 },
		created_at: b.createdAt,
		ended_at: b.ended ? new Date().toISOString() : null,
		expires_at: new Date(Date.now() + 86_400_000).toISOString(),
		archived_at: null,
		cancel_initiated_at: null,
		results_url: b.ended ? `${url}/v1/messages/batches/${b.id}/results` : null,
	});

	const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
		const path = (req.url ?? '/').split('?')[0]!;
		let body: any;
		try {
			body = raw ? JSON.parse(raw) : undefined;
		} catch {
			return sendError(res, 400, 'invalid_request_error', 'the body is not JSON');
		}
		requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });

		if (req.method === 'POST' && path === '/v1/messages') {
			const invalid = validationError(body);
			if (invalid) return sendError(res, 400, 'invalid_request_error', invalid);
			const reply = nextReply(body);
			if (reply.kind === 'hang') return;
			if (isFault(reply)) return sendFault(res, reply, JSON.stringify(messageFor(body, { kind: 'draft', draft: defaultDraft(body) })));
			if (reply.kind === 'error') return sendError(res, reply.status, reply.type, reply.message);
			return send(res, 200, messageFor(body, reply));
		}
		if (req.method === 'POST' && path === '/v1/messages/batches') {
			if (!Array.isArray(body?.requests) || body.requests.length === 0) return sendError(res, 400, 'invalid_request_error', 'requests: field required');
			const lines: string[] = [];
			for (const item of body.requests) {
				if (typeof item.custom_id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(item.custom_id)) return sendError(res, 400, 'invalid_request_error', `custom_id: "${item.custom_id}" does not match ^[a-zA-Z0-9_-]{1,64}$`);
				const invalid = validationError(item.params);
				if (invalid) return sendError(res, 400, 'invalid_request_error', `requests.${item.custom_id}.params: ${invalid}`);
				const reply = nextReply(item.params);
				if (reply.kind === 'hang' || isFault(reply)) return sendError(res, 400, 'invalid_request_error', 'stand-in: a batch item cannot hang or break');
				const result = reply.kind === 'error' ? { type: 'errored', error: errorBody(reply.type, reply.message) } : { type: 'succeeded', message: messageFor(item.params, reply) };
				lines.push(JSON.stringify({ custom_id: item.custom_id, result }));
			}
			const batch: FakeBatch = { id: `msgbatch_stand_in_${++counter}`, createdAt: new Date().toISOString(), ended: endImmediately, lines };
			batches.set(batch.id, batch);
			return send(res, 200, batchJson(batch));
		}
		const m = /^\/v1\/messages\/batches\/([^/]+)(\/results)?$/.exec(path);
		if (req.method === 'GET' && m) {
			const batch = batches.get(decodeURIComponent(m[1]!));
			if (!batch) return sendError(res, 404, 'not_found_error', `no batch ${m[1]}`);
			if (!m[2]) return send(res, 200, batchJson(batch));
			if (!batch.ended) return sendError(res, 400, 'invalid_request_error', 'the batch is still in progress');
			res.writeHead(200, { 'content-type': 'application/binary' });
			return res.end(batch.lines.map((l) => `${l}\n`).join(''));
		}
		return sendError(res, 404, 'not_found_error', `the stand-in does not serve ${req.method} ${path}`);
	};

	const server = createServer((req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => handle(req, res, raw));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		url,
		requests,
		messageBodies: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages').map((r) => r.body),
		queue: (...replies) => void queued.push(...replies),
		fallback: (reply) => void (fallback = reply),
		batchesEndImmediately: (value) => void (endImmediately = value),
		finishBatches: () => {
			for (const b of batches.values()) b.ended = true;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/*
 * Transport faults (issue 14): what a flaky network or a proxy in between does to an
 * answer. Kept apart so other modes can be added above without touching these.
 */

/** A reply that breaks the transport instead of answering. */
export type FaultReply =
	/** 200 and the JSON headers, then half the body, then the connection is destroyed. */
	| { kind: 'cutoff' }
	/** 200 with an HTML page, as a captive portal or a misconfigured proxy sends. */
	| { kind: 'html' }
	/** The connection is reset (RST) before any answer. */
	| { kind: 'reset' };

export const cutoffReply = (): FakeReply => ({ kind: 'cutoff' });
export const htmlReply = (): FakeReply => ({ kind: 'html' });
export const resetReply = (): FakeReply => ({ kind: 'reset' });

function isFault(reply: FakeReply): reply is FaultReply {
	return reply.kind === 'cutoff' || reply.kind === 'html' || reply.kind === 'reset';
}

/** Sends a fault; `fullBody` is the answer a healthy server would have sent (half of it is cut off). */
function sendFault(res: ServerResponse, reply: FaultReply, fullBody: string): void {
	if (reply.kind === 'reset') {
		res.socket?.resetAndDestroy();
		return;
	}
	if (reply.kind === 'html') {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end('<!doctype html><html><head><title>Proxy</title></head><body><h1>Please sign in to the network</h1></body></html>');
		return;
	}
	res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(fullBody)) });
	res.write(fullBody.slice(0, Math.floor(fullBody.length / 2)));
	// Flushed first, so the client has headers and half a body when the connection drops.
	setTimeout(() => res.socket?.destroy(), 20);
}
