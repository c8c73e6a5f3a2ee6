/**
 * A tracker's refusal, in words for people. `fatal` errors (bad credentials, no
 * permission) stop the run: every further request would fail the same way.
 */
export class TrackerError extends Error {
	readonly status: number | undefined;
	readonly fatal: boolean;
	constructor(message: string, status: number | undefined, fatal: boolean) {
		super(message);
		this.status = status;
		this.fatal = fatal;
	}
}

/** Removes every secret from a text before it is printed (defence in depth: messages are built without them). */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
	let out = text;
	for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
	return out;
}

/** The first line of what a server said, trimmed, for a message. */
export function serverSaid(body: unknown): string {
	if (body === undefined || body === null || body === '') return '';
	if (typeof body === 'string') return body.split('\n')[0]!.trim().slice(0, 300);
	const b = body as { message?: unknown; errorMessages?: unknown; errors?: unknown };
	if (typeof b.message === 'string') return b.message.slice(0, 300);
	const parts = [
		...(Array.isArray(b.errorMessages) ? b.errorMessages.map(String) : []),
		...(b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors) ? Object.entries(b.errors).map(([k, v]) => `${k}: ${String(v)}`) : []),
	];
	return (parts.length ? parts.join('; ') : JSON.stringify(body)).slice(0, 300);
}
