import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from './fake-anthropic.ts';

/**
 * Starts the Messages API stand-in for a test file and points the real SDK at it the
 * SDK's default way (key and base URL from the environment); clears its request log
 * before each test. Returns a getter for the running stand-in.
 */
export function useFakeAnthropic(): () => FakeAnthropic {
	let fake: FakeAnthropic | undefined;
	beforeAll(async () => {
		fake = await startFakeAnthropic();
		vi.stubEnv('ANTHROPIC_API_KEY', 'test-key');
		vi.stubEnv('ANTHROPIC_AUTH_TOKEN', '');
		vi.stubEnv('ANTHROPIC_BASE_URL', fake.url);
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await fake?.close();
	});
	beforeEach(() => {
		if (fake) fake.requests.length = 0;
	});
	return () => {
		if (!fake) throw new Error('the stand-in is not running yet (use it inside a test)');
		return fake;
	};
}
