import { createRng } from './random.ts';

/**
 * A large synthetic incident artefact folder for the timeline benchmark
 * (issue 11): chat messages across daily files of a Slack export, PagerDuty
 * log entries, deployments (GitHub JSON and a CSV). Seeded: the same folder
 * for the same sizes every time. Pure: the files come back as texts.
 */

export interface ArtefactFolderSizes {
	chatMessages: number;
	chatDays: number;
	pagerEntries: number;
	deployments: number;
}

export const TIMELINE_BENCH_SIZES: ArtefactFolderSizes = { chatMessages: 100_000, chatDays: 30, pagerEntries: 10_000, deployments: 1_000 };

const WORDS = 'checkout orders api database lock latency p99 rollback deploy migration cache queue timeout retry error rate replica failover disk cpu memory pool connection restart page alert dashboard customer ticket'.split(' ');
const START = Date.UTC(2026, 6, 1);
const DAY = 86_400_000;

/** The folder's files, relative path → text. */
export function artefactFolder(sizes: ArtefactFolderSizes = TIMELINE_BENCH_SIZES, seed = '1'): Array<{ path: string; text: string }> {
	const rng = createRng(seed);
	const sentence = (n: number) => Array.from({ length: n }, () => rng.pick(WORDS)).join(' ');
	const files: Array<{ path: string; text: string }> = [];

	const users = Array.from({ length: 200 }, (_, i) => ({ id: `U${String(i).padStart(8, '0')}`, name: `user${i}`, real_name: `Responder ${i}`, profile: { real_name: `Responder ${i}` } }));
	files.push({ path: 'slack/users.json', text: JSON.stringify(users) });

	const perDay = Math.ceil(sizes.chatMessages / sizes.chatDays);
	let left = sizes.chatMessages;
	for (let d = 0; d < sizes.chatDays; d++) {
		const count = Math.min(perDay, left);
		left -= count;
		const dayStart = START + d * DAY;
		const messages: Array<Record<string, unknown>> = [];
		const step = Math.floor(DAY / (count + 1));
		let parent: string | undefined;
		for (let m = 0; m < count; m++) {
			const ts = `${Math.floor((dayStart + (m + 1) * step) / 1000)}.${String(m).padStart(6, '0')}`;
			const user = rng.pick(users).id;
			const roll = rng.next();
			if (roll < 0.01) messages.push({ type: 'message', subtype: 'channel_join', user, text: `<@${user}> has joined the channel`, ts });
			else if (roll < 0.03) messages.push({ type: 'message', subtype: 'bot_message', username: 'PagerDuty', bot_id: 'B0PD', text: '', attachments: [{ fallback: `Triggered #${m}: ${sentence(5)}` }], ts });
			else if (roll < 0.13 && parent) messages.push({ type: 'message', user, text: sentence(8), ts, thread_ts: parent });
			else if (roll < 0.132) messages.push({ type: 'message', user, text: `ran it with password=${sentence(1)}${m} <@${rng.pick(users).id}>`, ts });
			else {
				messages.push({ type: 'message', user, text: `<@${rng.pick(users).id}> ${sentence(rng.int(4, 20))}`, ts });
				if (rng.chance(0.1)) parent = ts;
			}
		}
		const date = new Date(dayStart).toISOString().slice(0, 10);
		files.push({ path: `slack/incident/${date}.json`, text: JSON.stringify(messages, null, 2) });
	}

	const types = ['trigger_log_entry', 'notify_log_entry', 'acknowledge_log_entry', 'annotate_log_entry', 'resolve_log_entry'];
	const entries = Array.from({ length: sizes.pagerEntries }, (_, i) => ({
		id: `R${String(i).padStart(12, '0')}`,
		type: types[i % types.length],
		summary: 'log entry',
		created_at: new Date(START + Math.floor((i / sizes.pagerEntries) * sizes.chatDays * DAY)).toISOString().replace('.000', ''),
		agent: { type: 'user_reference', summary: `Responder ${i % 200}` },
		user: { type: 'user_reference', summary: `Responder ${(i + 1) % 200}` },
		channel: { type: 'note', summary: sentence(6), notification: { type: 'sms_notification' } },
		incident: { id: `PINC${Math.floor(i / 5)}`, summary: `[#${Math.floor(i / 5)}] ${sentence(5)}` },
	}));
	files.push({ path: 'pagerduty.json', text: JSON.stringify({ log_entries: entries, limit: sizes.pagerEntries, offset: 0, more: false }, null, 2) });

	const half = Math.floor(sizes.deployments / 2);
	const deployTime = (i: number) => new Date(START + Math.floor((i / sizes.deployments) * sizes.chatDays * DAY)).toISOString().replace('.000', '');
	const github = Array.from({ length: half }, (_, i) => ({
		id: 100_000 + i,
		sha: (i * 2654435761).toString(16).padStart(40, '0').slice(-40),
		ref: `v1.${i}`,
		environment: 'production',
		description: sentence(6),
		creator: { login: `user${i % 200}` },
		created_at: deployTime(i * 2),
		repository_url: 'https://api.github.com/repos/example/orders-api',
	}));
	files.push({ path: 'github-deployments.json', text: JSON.stringify(github, null, 2) });
	const csv = ['time,service,version,actor,description', ...Array.from({ length: sizes.deployments - half }, (_, i) => `${deployTime(i * 2 + 1)},checkout-api,2.${i},user${i % 200},"${sentence(6)}"`)];
	files.push({ path: 'deploys.csv', text: `${csv.join('\n')}\n` });
	return files;
}
