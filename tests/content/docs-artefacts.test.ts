import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-site.ts';
import { runScript } from '../support/run-script.ts';

/** docs/artefacts.md must not drift from what `npm run timeline` prints for the shipped example. */
const EXAMPLE = 'examples/incidents/2026-07-22-orders-migration-lock';
const docs = () => readFile(path.join(ROOT, 'docs', 'artefacts.md'), 'utf8');

describe('docs/artefacts.md', () => {
	it('shows table lines and a summary line the example really prints', async () => {
		const text = await docs();
		const block = /## What `npm run timeline` prints\n\n```\n([\s\S]*?)\n```/.exec(text)?.[1];
		expect(block).toBeDefined();
		const run = await runScript('timeline', [EXAMPLE]);
		const printed = new Set([...run.stdout.split('\n'), ...run.stderr.split('\n')]);
		const shown = block!.split('\n').filter((line) => line !== '…');
		expect(shown.length).toBeGreaterThan(3);
		for (const line of shown) expect(printed, line).toContain(line);
	});

	it('shows JSON events the example really gives', async () => {
		const text = await docs();
		const json = /### The JSON\n\n```json\n([\s\S]*?)\n```/.exec(text)?.[1];
		const shown = JSON.parse(json!).events;
		const actual = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures/artefacts/orders-migration-lock.expected.json'), 'utf8')).events;
		expect(shown.length).toBeGreaterThan(0);
		for (const event of shown) expect(actual).toContainEqual(event);
	});
});
