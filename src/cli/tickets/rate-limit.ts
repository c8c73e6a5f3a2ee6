/**
 * Waiting out rate limits. GitHub answers 403 or 429 with `retry-after` (secondary
 * limits) or with `x-ratelimit-remaining: 0` and `x-ratelimit-reset` (the hourly
 * budget); Jira Cloud answers 429 with `Retry-After`. The request is tried again
 * after the wait, a few times; a wait longer than `maxWaitMs` is not sat out.
 */

export interface RateLimitOptions {
	/** Retries after the first attempt. */
	retries: number;
	/** The longest single wait sat out; longer ones fail the request with a message. */
	maxWaitMs: number;
	sleep: (ms: number) => Promise<void>;
	/** Told about every wait, for the progress output. */
	onWait?: (ms: number) => void;
}

export const defaultRateLimitOptions: RateLimitOptions = {
	retries: 3,
	maxWaitMs: 120_000,
	sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** How long a rate-limited response asks to wait, in ms; undefined when the error is no rate limit. */
export type RateLimitReader = (error: unknown) => number | undefined;

/** Runs `op`, waiting and retrying while `readWait` says it was rate limited. */
export async function withRateLimit<T>(op: () => Promise<T>, readWait: RateLimitReader, options: RateLimitOptions = defaultRateLimitOptions): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await op();
		} catch (error) {
			const wait = readWait(error);
			if (wait === undefined || attempt >= options.retries || wait > options.maxWaitMs) throw error;
			options.onWait?.(wait);
			await options.sleep(wait);
		}
	}
}

/** Milliseconds from a `retry-after` header (seconds, or an HTTP date), given the clock. */
export function retryAfterMs(value: string | undefined | null, now: number = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
