import { defineConfig } from 'vitest/config';

// Browser tests: headless Chromium (Debian's `chromium`) driven by playwright-core against built fixture sites.
export default defineConfig({
	test: {
		// In CI, also write a JSON report; .ci/run prints its one-line total from it.
		reporters: process.env.PM_TEST_REPORT ? ['default', ['json', { outputFile: `${process.env.PM_TEST_REPORT}/e2e.json` }]] : ['default'],
		include: ['tests/e2e/**/*.e2e.ts'],
		testTimeout: 60_000,
		hookTimeout: 240_000,
		fileParallelism: false,
	},
});
