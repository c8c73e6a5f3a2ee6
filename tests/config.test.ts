import { describe, expect, it } from 'vitest';
import { ConfigError, parseArchiveConfig } from '../src/config.ts';

describe('configuration', () => {
	it('fills every default from the contract', () => {
		const config = parseArchiveConfig({});
		expect(config.policy.requiredReviews).toEqual(['responder', 'lead', 'manager']);
		expect(config.policy.sev1ExtraReviews).toEqual(['director']);
		expect(config.policy.urgentDueWindowDays).toEqual({ SEV1: 15, SEV2: 30, SEV3: 56, SEV4: 56 });
		expect(config.policy.otherDueWindowDays).toBe(90);
		expect(config.site.base).toBe('/');
	});
	it('reports a bad value with the file and the field path', () => {
		expect(() => parseArchiveConfig({ policy: { otherDueWindowDays: -3 } })).toThrow(ConfigError);
		const attempt = () => parseArchiveConfig({ policy: { urgentDueWindowDays: { SEV2: 'soon' } }, ticketUrlPattern: 'https://x/browse' });
		expect(attempt).toThrow(/postmortems\.config\.ts: policy\.urgentDueWindowDays\.SEV2: /);
		expect(attempt).toThrow('postmortems.config.ts: ticketUrlPattern: must contain {id}');
	});
	it('reports a bad tracker or people entry with the field path', () => {
		expect(() => parseArchiveConfig({ tracker: { kind: 'github', repo: 'no-slash' } })).toThrow('postmortems.config.ts: tracker.repo: must be owner/name, e.g. acme/reliability');
		expect(() => parseArchiveConfig({ tracker: { kind: 'gitlab' } })).toThrow("postmortems.config.ts: tracker.kind: must be { kind: 'github', repo: 'owner/name' } or { kind: 'jira', project: 'KEY' }");
		expect(() => parseArchiveConfig({ people: { '@sam': { slack: 'sam' } } })).toThrow(/people\.@sam\.slack: must be a Slack member id/);
		expect(parseArchiveConfig({ tracker: { kind: 'jira', project: 'OPS' } }).tracker).toEqual({
			kind: 'jira',
			project: 'OPS',
			issueType: 'Task',
			priorities: { P0: 'Highest', P1: 'High', P2: 'Medium', P3: 'Low' },
			labels: ['postmortem'],
		});
	});
});
