import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		// In CI, also write a JSON report; .ci/run prints its one-line total from it.
		reporters: process.env.PM_TEST_REPORT ? ['default', ['json', { outputFile: `${process.env.PM_TEST_REPORT}/unit.json` }]] : ['default'],
		include: ['tests/**/*.test.ts'],
		exclude: ['tests/e2e/**', 'node_modules/**'],
		testTimeout: 60_000,
		hookTimeout: 180_000,
	},
});
