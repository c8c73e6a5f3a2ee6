import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The shared plumbing of the loopback stand-ins for GitHub, Jira and Slack: a
 * server on 127.0.0.1 and a free port, every request recorded, and faults that
 * tests queue for the next matching requests (a 500, a 429 with retry-after …).
 */

export interface Recorded {
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: string;
}

export interface Fault {
	method: string;
	path: RegExp;
	status: number;
	headers?: Record<string, string>;
	body?: unknown;
	/** How many matching requests get it (default 1). */
	times?: number;
}

export interface Reply {
	status: number;
	headers?: Record<string, string>;
	body?: unknown;
}

export type Handler = (req: Recorded, url: URL) => Reply | undefined;

export interface StandIn {
	url: string;
	requests: Recorded[];
	fail(fault: Fault): void;
	close(): Promise<void>;
}

function send(res: ServerResponse, reply: Reply): void {
	const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
	const type = typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
	res.writeHead(reply.status, { 'content-type': type, ...reply.headers });
	res.end(text);
}

/** Starts a stand-in whose routes are answered by `handle` (undefined → 404). */
export async function startStandIn(handle: Handler): Promise<StandIn> {
	const requests: Recorded[] = [];
	const faults: Array<Fault & { left: number }> = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const recorded: Recorded = { method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
			requests.push(recorded);
			const fault = faults.find((f) => f.left > 0 && f.method === recorded.method && f.path.test(url.pathname));
			if (fault) {
				fault.left--;
				send(res, fault);
				return;
			}
			try {
				send(res, handle(recorded, url) ?? { status: 404, body: { message: 'Not Found' } });
			} catch (error) {
				send(res, { status: 500, body: { message: String(error) } });
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		fail: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
