import { describe, expect, it } from 'vitest';
import { chooseTracker } from '../../../src/lib/tickets/tracker-spec.ts';
import { ticketRef } from '../../../src/lib/tickets/ticket-ref.ts';
import { trackerSchema } from '../../../src/schemas/config.ts';

const jira = trackerSchema.parse({ kind: 'jira', project: 'OPS', issueType: 'Bug' });
const github = trackerSchema.parse({ kind: 'github', repo: 'acme/reliability' });

describe('choosing the tracker', () => {
	it('takes the config, or PM_TRACKER over it, keeping the config settings of the same kind', () => {
		expect(chooseTracker(github, undefined)).toEqual({ ok: true, tracker: github, source: 'config' });
		expect(chooseTracker(github, 'github:acme/other')).toMatchObject({ ok: true, tracker: { kind: 'github', repo: 'acme/other', labels: ['postmortem'] }, source: 'PM_TRACKER' });
		expect(chooseTracker(jira, 'jira:SEC')).toMatchObject({ ok: true, tracker: { kind: 'jira', project: 'SEC', issueType: 'Bug' } });
		expect(chooseTracker(github, 'jira:SEC')).toMatchObject({ ok: true, tracker: { kind: 'jira', project: 'SEC', issueType: 'Task' } });
	});

	it('says what is wrong with a missing tracker or a bad PM_TRACKER', () => {
		expect(chooseTracker(undefined, undefined)).toMatchObject({ ok: false, message: expect.stringContaining('PM_TRACKER=github:owner/name') });
		expect(chooseTracker(github, 'gitlab:acme/x')).toEqual({ ok: false, message: 'PM_TRACKER "gitlab:acme/x" is not github:owner/name or jira:KEY' });
		expect(chooseTracker(github, 'jira:ops')).toMatchObject({ ok: false, message: expect.stringContaining('project key in capitals') });
	});
});

describe('which tickets belong to the tracker', () => {
	it('knows GitHub issue pages of the configured repository (any host, any case)', () => {
		expect(ticketRef('https://github.com/acme/reliability/issues/12', github)).toEqual({ kind: 'github', number: 12 });
		expect(ticketRef('https://ghe.example.com/Acme/Reliability/issues/3', github)).toEqual({ kind: 'github', number: 3 });
		expect(ticketRef('https://github.com/acme/other/issues/12', github)).toBeUndefined();
		expect(ticketRef('https://github.com/acme/reliability/pull/12', github)).toBeUndefined();
	});

	it("knows Jira browse URLs on JIRA_HOST's site only", () => {
		expect(ticketRef('https://acme.atlassian.net/browse/OPS-7', jira, 'https://acme.atlassian.net')).toEqual({ kind: 'jira', key: 'OPS-7' });
		expect(ticketRef('https://other.atlassian.net/browse/OPS-7', jira, 'https://acme.atlassian.net')).toBeUndefined();
		expect(ticketRef('https://tickets.example.com/OPS-201', jira, 'https://acme.atlassian.net')).toBeUndefined();
	});
});
