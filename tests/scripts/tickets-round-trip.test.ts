import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { runScript } from '../support/run-script.ts';
import { startGithub } from '../support/stand-ins/github.ts';
import { copyActionsFixture, FIXTURE_FILES } from '../support/ticket-fixtures.ts';
import { readPage, text } from '../site/html.ts';

const REPO = 'acme/reliability';
const TOKEN = 'ghp_roundTripToken0123456789SECRET';
const AS_OF = '2026-11-21';

/** The part of a page from one heading to the next h2. */
function sectionAfter(html: string, headingId: string): string {
	const start = html.indexOf(`id="${headingId}"`);
	const end = html.indexOf('<h2', start + 1);
	return start === -1 ? '' : html.slice(start, end === -1 ? undefined : end);
}

// Each case runs the CLI in a child process (a build, for the round trip); the shared machine can be slow.
describe('create → sync round trip, then a rebuilt site', { timeout: 300_000 }, async () => {
	const github = await startGithub(REPO, TOKEN);
	afterAll(() => github.close());
	const dir = await copyActionsFixture();
	const env = { POSTMORTEMS_DIR: dir, PM_TRACKER: `github:${REPO}`, GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN, PM_AS_OF: AS_OF };

	it('files tickets, syncs a close back into the file, and /actions/, actions.json and the monthly review show it', async () => {
		expect((await runScript('tickets', ['--apply'], env)).code).toBe(0);
		const number = (id: string) => github.issues.find((i) => i.title.startsWith(`${id}:`))!.number;
		github.closeIssue(number('OPS-202'), 'completed', '2026-11-20T15:00:00Z');
		const sync = await runScript('tickets', ['--sync'], env);
		expect(sync.code).toBe(0);
		expect(await readFile(path.join(dir, FIXTURE_FILES.queue), 'utf8')).toContain('    status: done\n');

		const site = await buildSite(dir, { PM_AS_OF: AS_OF });
		expect(site.code, site.stderr).toBe(0);
		const json = JSON.parse(await readFile(path.join(site.outDir, 'actions.json'), 'utf8'));
		const record = (id: string) => json.items.find((i: { id: string }) => i.id === id);
		expect(record('OPS-202')).toMatchObject({ status: 'done', state: 'done', completedOn: '2026-11-20', ticket: github.htmlUrl(number('OPS-202')) });
		expect(record('OPS-203')).toMatchObject({ status: 'open', ticket: github.htmlUrl(number('OPS-203')) });

		const actions = await readPage(site.outDir, 'actions/');
		expect(sectionAfter(actions.html, 'closed-items')).toContain('OPS-202');
		expect(sectionAfter(actions.html, 'open-items')).not.toContain('OPS-202');
		expect(actions.$(`a[href="${github.htmlUrl(number('OPS-203'))}"]`)).toBeDefined();
		expect(actions.$('a[href="/actions/review/"]')).toBeDefined();

		const review = await readPage(site.outDir, 'actions/review/2026-11/');
		expect(text(review.$('h1'))).toBe('Action-item review: November 2026');
		expect(sectionAfter(review.html, 'closed')).toContain('OPS-202');
		const index = await readPage(site.outDir, 'actions/review/');
		expect(index.$('a[href="/actions/review/2026-11/"]')).toBeDefined();
		expect(index.$('a[href="/actions/review/2026-06/"]')).toBeDefined();
	});
});
