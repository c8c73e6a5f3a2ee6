import type { ArchiveConfig } from '../../schemas/config.ts';
import type { AgedItem } from '../../lib/aging/aged-items.ts';
import { viewSlugs } from '../../lib/aging/views.ts';
import { slackDigest } from '../../lib/notify/slack-digest.ts';
import type { OverdueSelection } from '../overdue-report.ts';
import { postToSlack } from './slack-post.ts';

/**
 * `overdue --notify slack`: posts the selection to SLACK_WEBHOOK_URL. Says what
 * happened on stderr (stdout keeps the report), returns the exit code: 0 posted
 * (or nothing to post), 1 the post failed, 2 no webhook configured.
 */
export async function notifySlack(selection: OverdueSelection, aged: ReadonlyArray<AgedItem>, config: ArchiveConfig, env: NodeJS.ProcessEnv = process.env): Promise<number> {
	const url = env.SLACK_WEBHOOK_URL?.trim();
	if (!url) {
		process.stderr.write('overdue: set SLACK_WEBHOOK_URL to the incoming webhook to post to (see docs/action-items.md)\n');
		return 2;
	}
	if (selection.listed.length === 0) {
		process.stderr.write('overdue: nothing to post to Slack: nothing matching is overdue\n');
		return 0;
	}
	const message = slackDigest(
		{ asOf: selection.asOf, timeZone: selection.timeZone, listed: selection.listed, overdue: selection.overdue, overdueUrgent: selection.overdueUrgent, ownerSlugs: viewSlugs(aged.map((a) => a.item.owner)) },
		{ site: { url: config.site.url, base: config.site.base }, ticketUrlPattern: config.ticketUrlPattern, people: config.people },
	);
	const posted = await postToSlack(url, message);
	if (!posted.ok) {
		process.stderr.write(`overdue: the digest was not posted: ${posted.message}\n`);
		return 1;
	}
	const owners = new Set(selection.listed.map((a) => a.item.owner)).size;
	process.stderr.write(`overdue: posted the digest to Slack (${selection.listed.length} item${selection.listed.length === 1 ? '' : 's'}, ${owners} owner${owners === 1 ? '' : 's'})\n`);
	return 0;
}
