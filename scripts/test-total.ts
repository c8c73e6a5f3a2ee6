import { readFile } from 'node:fs/promises';

// Prints "N passed, N failed" from Vitest JSON reports (used by .ci/run).
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
	const report = JSON.parse(await readFile(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
	passed += report.numPassedTests;
	failed += report.numFailedTests;
	skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
