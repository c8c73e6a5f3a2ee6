import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../../src/config.ts';
import { itemState } from '../../src/lib/aging/aged-items.ts';
import { readPostmortemSources } from '../../src/cli/content-dir.ts';
import { validateArchive, type ArchiveResult } from '../../src/lib/validation/validate-archive.ts';
import { ROOT } from '../support/build-site.ts';

/** The demo archive must stay valid and keep showing every state the site can display. */
const DIR = path.join(ROOT, 'content', 'postmortems');
const TODAY = '2026-11-21';

let result: ArchiveResult;
beforeAll(async () => {
	result = validateArchive(await readPostmortemSources(DIR), getConfig().policy);
});

describe('the sample archive', () => {
	it('validates with no errors and no warnings', () => {
		expect(result.findings).toEqual([]);
		expect(result.entries.length).toBeGreaterThanOrEqual(12);
	});

	it('names every file <YYYY-MM-DD>-<slug>', () => {
		for (const e of result.entries) expect(e.slug).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/);
	});

	it('spans every severity, about two years, and several services', () => {
		const data = result.entries.map((e) => e.data);
		expect(new Set(data.map((d) => d.severity))).toEqual(new Set(['SEV1', 'SEV2', 'SEV3', 'SEV4']));
		const starts = data.map((d) => d.startedAt.toISOString().slice(0, 10)).sort();
		expect(starts[0]! < '2025-01-01').toBe(true);
		expect(starts.at(-1)! >= '2026-11-01').toBe(true);
		expect(new Set(data.flatMap((d) => d.services)).size).toBeGreaterThanOrEqual(8);
	});

	it('tells each published incident with a realistic timeline and the review roles it needs', () => {
		for (const e of result.entries.filter((x) => x.data.status === 'published')) {
			expect(e.data.timeline.length, e.slug).toBeGreaterThanOrEqual(4);
			expect(e.data.timeline.length, e.slug).toBeLessThanOrEqual(10);
			expect(e.data.contributingFactors.length, e.slug).toBeGreaterThanOrEqual(2);
			for (const heading of ['What happened', 'Detection', 'Response', 'Recovery', 'Customer communication', 'What went well', 'What was hard', 'Where we got lucky']) {
				expect(e.body, `${e.slug}: ${heading}`).toContain(`## ${heading}`);
			}
		}
		const kinds = new Set(result.entries.flatMap((e) => e.data.contributingFactors.map((f) => f.kind)));
		expect(kinds).toEqual(new Set(['technical', 'process', 'operational']));
	});

	it('has drafts and postmortems in review next to published ones', () => {
		const statuses = result.entries.map((e) => e.data.status);
		expect(statuses.filter((s) => s !== 'published').length).toBeGreaterThanOrEqual(2);
		expect(statuses).toContain('draft');
		expect(statuses).toContain('review');
	});

	it('leaves summary or lessons out of some published ones, for the drafting step', () => {
		const published = result.entries.filter((e) => e.data.status === 'published').map((e) => e.data);
		expect(published.some((d) => !d.summary)).toBe(true);
		expect(published.some((d) => !d.lessons)).toBe(true);
	});

	it('has action items done, won’t do, overdue and not yet due (as of the demo date)', () => {
		const states = new Set(result.entries.filter((e) => e.data.status === 'published').flatMap((e) => e.data.actionItems.map((i) => itemState(i, TODAY))));
		expect(states).toEqual(new Set(['done', 'wont-do', 'overdue', 'open']));
	});

	it('has customer-facing and internal incidents, and one with data loss and a remediation item', () => {
		const data = result.entries.map((e) => e.data);
		expect(data.some((d) => d.impact.customerFacing === true)).toBe(true);
		expect(data.some((d) => d.impact.customerFacing === false)).toBe(true);
		const loss = data.filter((d) => d.impact.dataLoss === true);
		expect(loss).toHaveLength(1);
		expect(loss[0]!.actionItems.some((i) => i.priority === 'P0' && /remediation/i.test(i.rationale ?? ''))).toBe(true);
	});

	it('includes the scenarios from the seed material', () => {
		const text = result.entries.map((e) => JSON.stringify(e.data) + e.body).join('\n');
		expect(text).toMatch(/92 seconds/);
		expect(text).toMatch(/340/);
		const migration = result.entries.find((e) => e.data.impact.dataLoss);
		expect(migration?.body).toMatch(/second week/);
		expect(JSON.stringify(migration?.data)).toMatch(/staging/i);
		expect(migration?.body).toMatch(/null/i);
	});

	it('keeps one postmortem as a folder with an attachment that is not a postmortem', async () => {
		const folder = result.entries.find((e) => e.file.endsWith(`${path.sep}index.md`));
		expect(folder).toBeDefined();
		const siblings = await readdir(path.dirname(path.join(ROOT, folder!.file)));
		expect(siblings).toContain('chat-export.md');
		expect(result.entries.some((e) => e.file.endsWith('chat-export.md'))).toBe(false);
	});
});
