import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS_FIXTURE } from '../support/fixture-archive.ts';
import { runScript, STACK_LINE } from '../support/run-script.ts';
import { startSlack, type SlackStandIn } from '../support/stand-ins/slack.ts';

let slack: SlackStandIn | undefined;
afterEach(async () => {
	await slack?.close();
	slack = undefined;
});

const overdue = (args: string[], env: Record<string, string | undefined>) => runScript('overdue', args, { POSTMORTEMS_DIR: ACTIONS_FIXTURE, PM_AS_OF: '2026-11-21', SHOW_DRAFTS: '', ...env });

// Each case runs the CLI in a child process (a build, for the round trip); the shared machine can be slow.
describe('npm run overdue -- --notify slack', { timeout: 120_000 }, () => {
	it('posts a Block Kit digest grouped by owner, mentioning owners through people, linking tickets and pages', async () => {
		slack = await startSlack();
		const run = await overdue(['--notify', 'slack'], { SLACK_WEBHOOK_URL: slack.webhook });
		expect(run.code).toBe(0);
		expect(run.stdout.split('\n')[0]).toContain('Overdue action items as of 2026-11-21'); // the report is still printed
		expect(run.stderr).toContain('posted the digest to Slack (4 items, 3 owners)');
		expect(slack.messages).toHaveLength(1);
		const [message] = slack.messages;
		expect(message!.text).toBe('4 overdue action items (3 P0/P1) as of 21 November 2026 (UTC)');
		expect(message!.blocks![0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '4 overdue action items (3 P0/P1)', emoji: false } });
		const sections = message!.blocks!.filter((b) => b.type === 'section').map((b) => (b.text as { text: string }).text);
		expect(sections).toHaveLength(3);
		// @platform-team maps to a Slack user group in postmortems.config.ts; the others are shown as written.
		expect(sections[0]).toMatch(/^<!subteam\^S0PLATFORM> \(@platform-team\): 2 overdue · <https:\/\/postmortems\.example\.com\/actions\/owners\/platform-team\/\|their list>/);
		expect(sections[0]).toContain('• <https://tickets.example.com/OPS-201|OPS-201> P1 Autoscale queue consumers on backlog depth: *134 days overdue*, due 2026-07-10 · <https://postmortems.example.com/postmortems/2026-06-10-queue-backlog/|Order queue backlog during the summer sale> (SEV2)');
		expect(sections[1]).toMatch(/^\*@identity-team\*: 1 overdue/);
		expect(JSON.stringify(message!.blocks)).toContain('<https://postmortems.example.com/actions/|all action items>');
	});

	it('a refused post exits 1 with the webhook\'s answer and never prints the webhook URL', async () => {
		slack = await startSlack();
		const wrong = `${slack.url}/services/T0000TEST/B0000TEST/revokedS3cretPath`;
		const run = await overdue(['--notify', 'slack', '--json'], { SLACK_WEBHOOK_URL: wrong, DEBUG: '1' });
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('overdue: the digest was not posted: Slack answered 404: no_service');
		expect(run.stdout + run.stderr).not.toContain('revokedS3cretPath');
		expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
		expect(JSON.parse(run.stdout).counts.overdue).toBe(4); // stdout keeps the report
	});

	it('an unreachable webhook exits 1 without the URL; a missing SLACK_WEBHOOK_URL exits 2 naming it', async () => {
		slack = await startSlack();
		const url = slack.webhook;
		await slack.close();
		slack = undefined;
		const run = await overdue(['--notify', 'slack'], { SLACK_WEBHOOK_URL: url });
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('could not reach Slack');
		expect(run.stdout + run.stderr).not.toContain('s3cr3tW3bh00kPath');
		const missing = await overdue(['--notify', 'slack'], { SLACK_WEBHOOK_URL: '' });
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('set SLACK_WEBHOOK_URL');
		expect((await overdue(['--notify', 'teams'], {})).code).toBe(2);
	});
});
