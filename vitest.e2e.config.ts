import { defineConfig } from 'vitest/config';

// Browser tests: headless Chromium (Debian's `chromium`) driven by playwright-core against built fixture sites.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		testTimeout: 60_000,
		hookTimeout: 240_000,
		fileParallelism: false,
	},
});
