import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ACTIONS_FIXTURE } from './fixture-archive.ts';

/** The action-item fixture's files, as the ticket tests name them. */
export const FIXTURE_FILES = {
	queue: '2026-06-10-queue-backlog.md',
	login: '2026-10-01-login-outage.md',
	payments: path.join('2026-09-01-payment-retries', 'index.md'),
	draft: '2026-11-15-cache-stampede.md',
} as const;

/** The items of the fixture's published postmortems that are open and have no ticket. */
export const UNTICKETED = ['OPS-202', 'OPS-203', 'PAY-301', 'PAY-302', 'SEC-101', 'SEC-102'];

/** A private copy of the action-item fixture, for a test that writes into it. */
export async function copyActionsFixture(): Promise<string> {
	const dir = path.join(await mkdtemp(path.join(tmpdir(), 'pm-tickets-')), 'postmortems');
	await cp(ACTIONS_FIXTURE, dir, { recursive: true });
	// The shared fixture links OPS-202 to another team's ticket (for the ticket-label tests); here it is one to file.
	const queue = path.join(dir, '2026-06-10-queue-backlog.md');
	const text = await readFile(queue, 'utf8');
	await writeFile(queue, text.replace(/\n {4}# Tracked in another team's ticket[^\n]*\n {4}ticket: https:\/\/tickets\.example\.com\/browse\/PLAT-1422/, ''));
	return dir;
}

/** Every file's text in a fixture copy. */
export async function readAll(dir: string): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const [key, file] of Object.entries(FIXTURE_FILES)) out[key] = await readFile(path.join(dir, file), 'utf8');
	return out;
}

/** The lines `after` has that `before` does not, checking that removing them gives `before` back byte for byte. */
export function insertedLines(before: string, after: string): string[] {
	const a = before.split('\n');
	const b = after.split('\n');
	const added: string[] = [];
	let i = 0;
	for (const line of b) {
		if (i < a.length && line === a[i]) i++;
		else added.push(line);
	}
	if (i !== a.length || b.length - added.length !== a.length) throw new Error('the edit changed or removed lines, not only added some');
	return added;
}
