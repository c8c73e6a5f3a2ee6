import { describe, expect, it } from 'vitest';
import { artefactFolder, TIMELINE_BENCH_SIZES } from '../../../bench/core/artefact-folder.ts';
import { readArtefacts } from '../../../src/lib/artefacts/read-artefacts.ts';

describe('the timeline benchmark folder', () => {
	it('has the issue\'s sizes', () => {
		expect(TIMELINE_BENCH_SIZES).toEqual({ chatMessages: 100_000, chatDays: 30, pagerEntries: 10_000, deployments: 1_000 });
	});

	it('holds exactly the chat messages, days, pager entries and deployments asked for, same for the same seed, and every file reads', () => {
		const sizes = { chatMessages: 600, chatDays: 3, pagerEntries: 50, deployments: 10 };
		const files = artefactFolder(sizes, '7');
		expect(artefactFolder(sizes, '7')).toEqual(files);
		const days = files.filter((f) => f.path.startsWith('slack/incident/'));
		expect(days).toHaveLength(3);
		expect(days.reduce((n, f) => n + JSON.parse(f.text).length, 0)).toBe(600);
		const reading = readArtefacts(files, { timeZone: 'UTC' });
		expect(reading.errors).toEqual([]);
		expect(reading.files.map((f) => f.format).sort()).toEqual(['deploys-csv', 'deploys-github', 'pagerduty', 'slack', 'slack', 'slack', 'slack-users']);
		expect(reading.events.filter((e) => e.source === 'pagerduty')).toHaveLength(50);
		expect(reading.events.filter((e) => e.source === 'deploys')).toHaveLength(10);
		expect(reading.redactions.total).toBeGreaterThan(0);
	});
});
