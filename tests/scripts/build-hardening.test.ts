import { access, cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { runScript, STACK_LINE } from '../support/run-script.ts';
import { AS_OF, SITE_FIXTURE, SLUGS } from '../site/fixture.ts';

/** Issue 14: what `npm run build` does with unfinished drafts and with content from outside the folder. */

const exists = (file: string) => access(file).then(() => true, () => false);

async function siteCopy(): Promise<string> {
	const dir = path.join(await mkdtemp(path.join(tmpdir(), 'pm-build-harden-')), 'postmortems');
	await cp(SITE_FIXTURE, dir, { recursive: true });
	return dir;
}

describe('npm run build: hardening (issue 14)', () => {
	it('leaves out drafts and postmortems in review that have errors, builds the rest; validate still fails and --strict stops', async () => {
		const dir = await siteCopy();
		const draft = (await readFile(path.join(SITE_FIXTURE, `${SLUGS.draft}.md`), 'utf8')).replace(/^severity: .*$/m, 'severity: critical');
		await writeFile(path.join(dir, 'unfinished-draft.md'), draft);
		const review = (await readFile(path.join(SITE_FIXTURE, `${SLUGS.review}.md`), 'utf8')).replace(/^startedAt: .*$/m, 'startedAt: not yet known');
		await mkdir(path.join(dir, 'unfinished-review'));
		await writeFile(path.join(dir, 'unfinished-review', 'index.md'), review);

		const built = await buildSite(dir, { PM_AS_OF: AS_OF, SHOW_DRAFTS: '1' });
		expect(built.stderr).toContain('build: left out 2 unpublished postmortems with errors (no page is built for them; npm run validate still fails on them, and --strict stops the build):');
		expect(built.stderr).toMatch(/unfinished-draft\.md:\d+: severity: must be one of/);
		expect(built.code).toBe(0);
		expect(await exists(path.join(built.outDir, 'postmortems', SLUGS.draft, 'index.html'))).toBe(true);
		expect(await exists(path.join(built.outDir, 'postmortems', 'unfinished-draft', 'index.html'))).toBe(false);
		expect(await exists(path.join(built.outDir, 'postmortems', 'unfinished-review', 'index.html'))).toBe(false);

		expect((await runScript('validate', [dir])).code).toBe(1);
		const strict = await buildSite(dir, { PM_AS_OF: AS_OF }, ['--strict']);
		expect(strict.code).toBe(1);
		expect(strict.stderr).toContain('build stopped: fix the problems above');
	});

	it('stops with a clear error naming each link to content outside the folder, and never publishes it', async () => {
		const dir = await siteCopy();
		const outside = await mkdtemp(path.join(tmpdir(), 'pm-outside-'));
		await writeFile(path.join(outside, 'secret.md'), (await readFile(path.join(SITE_FIXTURE, `${SLUGS.sev2}.md`), 'utf8')).replace(/^title: .*$/m, 'title: Secret from outside'));
		await symlink(path.join(outside, 'secret.md'), path.join(dir, 'from-outside.md'));
		await symlink('/etc/passwd', path.join(dir, 'passwd.md'));
		const published = (await readFile(path.join(SITE_FIXTURE, `${SLUGS.sev1}.md`), 'utf8')).replace(/\n---\n/, '\n---\n\n![leak](../../../../tmp/outside/secret.png)\n');
		await writeFile(path.join(dir, `${SLUGS.sev1}.md`), published);

		const built = await buildSite(dir, { PM_AS_OF: AS_OF });
		expect(built.code).toBe(1);
		expect(built.stderr).not.toMatch(STACK_LINE);
		expect(built.stderr).toContain(`${path.join(dir, 'from-outside.md')}: is a symbolic link to ${path.join(outside, 'secret.md')}, outside the postmortems folder`);
		expect(built.stderr).toContain(`${path.join(dir, 'passwd.md')}: is a symbolic link to /etc/passwd, outside the postmortems folder`);
		expect(built.stderr).toMatch(new RegExp(`${SLUGS.sev1}\\.md:\\d+: \\(body\\): the image "\\.\\./\\.\\./\\.\\./\\.\\./tmp/outside/secret\\.png" is outside the postmortems folder`));
		expect(built.stderr).toContain('build stopped');
		expect(await exists(path.join(built.outDir, 'postmortems', 'from-outside', 'index.html'))).toBe(false);
	});
});
