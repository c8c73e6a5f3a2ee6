import { describe, expect, it } from 'vitest';
import { artefactSourceOf, artefactSourcesOf } from '../../../src/lib/format/artefact-source.ts';

describe('the artefact source of a ref', () => {
	it.each([
		['slack/incident-4411/2026-07-22.json#1784686380.000100', 'chat'],
		['exports/war-room/2026-07-22.json#1784686380.000100', 'chat'],
		['pagerduty.json#Q1TRIG', 'pager'],
		['deploys.csv#3', 'deploy'],
		['github-deployments.json#88213', 'deploy'],
		['alertmanager.json#4f2a9c1e', 'alert'],
		['grafana-annotations.json#551', 'dashboard'],
		['zendesk-tickets.json#90211', 'ticket'],
		['notes.md#14', 'notes'],
		['responder-log.txt#3', 'notes'],
	])('%s is %s', (ref, kind) => {
		expect(artefactSourceOf(ref)).toBe(kind);
	});

	it('says nothing when nothing tells, and lists each kind once', () => {
		expect(artefactSourceOf('export.json#x')).toBeUndefined();
		expect(artefactSourcesOf(['pagerduty.json#A', 'slack/c/2026-07-22.json#1784686380.000100', 'pagerduty.json#B'])).toEqual(['pager', 'chat']);
		expect(artefactSourcesOf(undefined)).toEqual([]);
	});
});
