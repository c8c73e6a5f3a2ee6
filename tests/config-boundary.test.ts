import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/build-site.ts';
import { runNode, STACK_LINE } from './support/run-script.ts';

const astroCli = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

/** Runs `node <args>` in the project copy, on its own (empty) content folder and Astro cache. */
function run(cwd: string, args: string[]) {
	return runNode(args, { cwd, env: { ASTRO_TELEMETRY_DISABLED: '1', POSTMORTEMS_DIR: path.join(cwd, 'content', 'postmortems'), ASTRO_CACHE_DIR: path.join(cwd, '.cache') } });
}

// A copy of the project (its code, not node_modules) whose postmortems.config.ts has two bad fields.
let project: string;
beforeAll(async () => {
	project = await mkdtemp(path.join(tmpdir(), 'pm-bad-config-'));
	for (const entry of ['src', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) await cp(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
	await symlink(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
	await mkdir(path.join(project, 'content', 'postmortems'), { recursive: true });
	const good = await readFile(path.join(ROOT, 'postmortems.config.ts'), 'utf8');
	const bad = good.replace(/otherDueWindowDays: \d+/, 'otherDueWindowDays: -3').replace(/url: '[^']*'/, "url: 'postmortems.example.com'");
	expect(bad).not.toBe(good);
	await writeFile(path.join(project, 'postmortems.config.ts'), bad);
});
afterAll(async () => {
	if (project) await rm(project, { recursive: true, force: true });
});

const READABLE = ['Invalid configuration:', 'postmortems.config.ts: site.url: ', 'postmortems.config.ts: policy.otherDueWindowDays: must be a positive number of days'];

describe('postmortems.config.ts checked at Astro’s boundary', () => {
	it('astro build stops with the file, the field and what is wrong, exit 2, no stack trace', async () => {
		const r = await run(project, [astroCli, 'build']);
		expect(r.code).toBe(2);
		for (const line of READABLE) expect(r.stderr).toContain(line);
		expect(r.stderr + r.stdout).not.toMatch(STACK_LINE);
	});

	it('npm run build (scripts/build.ts) says the same once and exits 2', async () => {
		const r = await run(project, ['scripts/build.ts']);
		expect(r.code).toBe(2);
		for (const line of READABLE) expect(r.stderr).toContain(line);
		expect(r.stderr.split('Invalid configuration:')).toHaveLength(2);
		expect(r.stderr + r.stdout).not.toMatch(STACK_LINE);
	});
});
