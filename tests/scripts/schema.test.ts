import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.ts';

describe('npm run schema (scripts/schema.ts)', () => {
	it('--check passes on the committed schema', async () => {
		const run = await runScript('schema', ['--check']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('schema/postmortem.schema.json is up to date');
	});

	it('prints help and exits 0; an unknown option exits 2', async () => {
		const help = await runScript('schema', ['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('Usage: npm run schema');
		expect((await runScript('schema', ['--bogus'])).code).toBe(2);
	});
});
