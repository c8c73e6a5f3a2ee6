import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, STACK_LINE } from '../support/run-script.ts';

const tempDir = () => mkdtemp(path.join(tmpdir(), 'pm-new-'));

describe('npm run new (scripts/new.ts), end to end', () => {
	it('creates <date>-<slug>.md, prints its path, and the file validates with only placeholder warnings', async () => {
		const dir = await tempDir();
		const run = await runScript('new', ['--dir', dir, 'Checkout timeouts during the orders migration']);
		expect(run.code).toBe(0);
		const [name] = await readdir(dir);
		expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-checkout-timeouts-during-the-orders-migration\.md$/);
		expect(run.stdout.trim()).toBe(path.join(dir, name!));
		const text = await readFile(path.join(dir, name!), 'utf8');
		expect(text).toContain('status: draft');
		expect(text).toContain('severity: SEV3');

		const check = await runScript('validate', [dir]);
		expect(check.code).toBe(0);
		expect(check.stderr).toContain('1 postmortem checked: 0 errors, 3 warnings');
	});

	it('takes --severity and writes into POSTMORTEMS_DIR when no --dir is given', async () => {
		const dir = await tempDir();
		const run = await runScript('new', ['--severity', 'sev1', 'Sign-in outage'], { POSTMORTEMS_DIR: dir });
		expect(run.code).toBe(0);
		const [name] = await readdir(dir);
		expect(await readFile(path.join(dir, name!), 'utf8')).toContain('severity: SEV1');
	});

	it('creates a missing folder only with --create-dir; without it, exits 2 naming it (issue 14)', async () => {
		const dir = path.join(await tempDir(), 'content', 'postmortems');
		const typo = await runScript('new', ['First one'], { POSTMORTEMS_DIR: dir });
		expect(typo.code).toBe(2);
		expect(typo.stderr).toBe(`new: there is no folder ${dir} (from POSTMORTEMS_DIR); check it for a typo, or add --create-dir to create it\n`);
		await expect(readdir(dir)).rejects.toThrow();
		expect((await runScript('new', ['--create-dir', 'First one'], { POSTMORTEMS_DIR: dir })).code).toBe(0);
		expect(await readdir(dir)).toHaveLength(1);
	});

	it('exits 2 with a clear message when POSTMORTEMS_DIR is a file, and changes nothing (issue 14)', async () => {
		const file = path.join(await tempDir(), 'postmortems.md');
		await writeFile(file, 'a file\n');
		for (const args of [['A title'], ['--create-dir', 'A title']]) {
			const run = await runScript('new', args, { POSTMORTEMS_DIR: file });
			expect(run.code).toBe(2);
			expect(run.stderr).toMatch(new RegExp(`^new: (${file} \\(from POSTMORTEMS_DIR\\) is a file, not a folder|cannot create)`));
			expect(run.stderr).not.toContain('EEXIST');
			expect(run.stderr).not.toMatch(STACK_LINE);
		}
		expect(await readFile(file, 'utf8')).toBe('a file\n');
	});

	it('refuses to overwrite an existing file, and leaves it as it was', async () => {
		const dir = await tempDir();
		expect((await runScript('new', ['--dir', dir, 'Same title'])).code).toBe(0);
		const [name] = await readdir(dir);
		await writeFile(path.join(dir, name!), 'edited by a person\n');
		const again = await runScript('new', ['--dir', dir, 'Same title']);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('already exists');
		expect(again.stderr).toContain(name);
		expect(await readFile(path.join(dir, name!), 'utf8')).toBe('edited by a person\n');
	});

	it('refuses when the postmortem exists as a folder with index.md', async () => {
		const dir = await tempDir();
		expect((await runScript('new', ['--dir', dir, 'Folder form'])).code).toBe(0);
		const [name] = await readdir(dir);
		const slug = name!.replace(/\.md$/, '');
		const other = await tempDir();
		await mkdir(path.join(other, slug));
		await writeFile(path.join(other, slug, 'index.md'), 'x');
		const run = await runScript('new', ['--dir', other, 'Folder form']);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(path.join(slug, 'index.md'));
		expect(await readdir(other)).toEqual([slug]);
	});

	it('prints help, and exits 2 on bad usage without a stack trace', async () => {
		const help = await runScript('new', ['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('Usage: npm run new');
		expect(help.stdout).toContain('--severity');

		const dir = await tempDir();
		for (const args of [[], ['--dir', dir], ['--severity', 'SEV9', 'A title'], ['ab'], ['--bogus', 'A title']]) {
			const run = await runScript('new', args);
			expect(run.code, args.join(' ')).toBe(2);
			expect(run.stderr).not.toMatch(STACK_LINE);
		}
		expect(await readdir(dir)).toEqual([]);
	});
});
