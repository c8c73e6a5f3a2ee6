import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/build-site.ts';
import { hashTree, runScript, STACK_LINE } from '../support/run-script.ts';

const rel = (...parts: string[]) => path.join('tests', 'fixtures', ...parts);

describe('npm run validate (scripts/validate.ts), end to end', () => {
	it('exits 0 on a valid folder and says how many it checked', async () => {
		const run = await runScript('validate', [rel('valid')]);
		expect(run.code).toBe(0);
		expect(run.stderr).toContain('3 postmortems checked: 0 errors, 0 warnings');
	});

	it('exits 1 on the invalid folder, listing every file with its field', async () => {
		const run = await runScript('validate', [rel('invalid')]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('18 postmortems checked: 17 errors, 0 warnings');
		expect(run.stderr).toContain(`${rel('invalid', 'action-item-missing-owner.md')}:17: actionItems[0].owner: is required`);
		// The duplicate names its own line and the line of the id it repeats.
		expect(run.stderr).toContain(`${rel('invalid', 'duplicate-id-b.md')}:17: actionItems[0].id: "DUP-1" is already used by ${rel('invalid', 'duplicate-id-a.md')}:17 (actionItems[0])`);
		expect(run.stderr).not.toMatch(STACK_LINE);
	});

	it('shows warnings without failing, and fails on them with --strict', async () => {
		const lenient = await runScript('validate', [rel('warnings')]);
		expect(lenient.code).toBe(0);
		expect(lenient.stderr).toContain('4 postmortems checked: 0 errors, 4 warnings');
		expect(lenient.stderr).toContain(`${rel('warnings', 'unknown-field.md')}:13: warning: summry: is not a field of the format`);
		const strict = await runScript('validate', ['--strict', rel('warnings')]);
		expect(strict.code).toBe(1);
	});

	it('reads POSTMORTEMS_DIR when no folder is given', async () => {
		const run = await runScript('validate', [], { POSTMORTEMS_DIR: fixture('warnings') });
		expect(run.stderr).toContain('4 postmortems checked');
	});

	it('prints machine-readable JSON with --json', async () => {
		const run = await runScript('validate', ['--json', rel('invalid')]);
		expect(run.code).toBe(1);
		const json = JSON.parse(run.stdout);
		expect(Object.keys(json)).toEqual(['files', 'errors', 'warnings', 'findings']);
		expect(json).toMatchObject({ files: 18, errors: 17, warnings: 0 });
		for (const f of json.findings) {
			expect(Object.keys(f)).toEqual(expect.arrayContaining(['file', 'path', 'message', 'level']));
			expect(['error', 'warning']).toContain(f.level);
		}
		expect(json.findings).toContainEqual({ file: rel('invalid', 'bad-severity.md'), path: 'severity', line: 4, level: 'error', message: 'must be one of SEV1, SEV2, SEV3, SEV4, not "critical"' });
	});

	it('prints help and exits 0', async () => {
		const run = await runScript('validate', ['--help']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Usage: npm run validate');
		expect(run.stdout).toContain('--strict');
	});

	it('exits 2 for a missing folder, an unknown option or two folders', async () => {
		const missing = await runScript('validate', ['no/such/folder']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('no such folder');
		expect((await runScript('validate', ['--strikt'])).code).toBe(2);
		expect((await runScript('validate', [rel('valid'), rel('invalid')])).code).toBe(2);
	});

	it('survives malformed files and odd Unicode without a stack trace, and changes no file', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-malformed-'));
		await cp(fixture('malformed'), dir, { recursive: true });
		const base = ['title: Odd text', 'severity: SEV4', 'startedAt: 2025-01-01T00:00:00Z', 'services: [a]', "authors: ['@a']", 'impact: { summary: x }'];
		await writeFile(path.join(dir, 'bom.md'), `\uFEFF---\n${base.join('\n')}\n---\nBody\n`);
		await writeFile(path.join(dir, 'crlf.md'), `---\r\n${base.join('\r\n')}\r\n---\r\nBody\r\n`);
		await writeFile(path.join(dir, 'emoji-rtl-zero-width.md'), `---\n${base.join('\n').replace('Odd text', '"🔥 انقطاع\u200B\u200Fخدمة"')}\n---\n\u202Eevil\u202C body 💥\n`);
		await writeFile(path.join(dir, 'big.md'), `---\n${base.join('\n')}\n---\n${'A long body line about queues and retries. '.repeat(130_000)}`);
		await writeFile(path.join(dir, 'not-utf8.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0xc3, 0x28, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]));
		const before = await hashTree(dir);
		const run = await runScript('validate', [dir]);
		expect(run.code).toBe(1);
		expect(run.stderr).not.toMatch(STACK_LINE);
		expect(run.stderr).toContain('11 postmortems checked: 7 errors, 0 warnings');
		for (const name of ['empty.md', 'no-frontmatter.md', 'unclosed-frontmatter.md', 'yaml-syntax-error.md', 'frontmatter-list.md', 'frontmatter-scalar.md', 'not-utf8.md']) {
			expect(run.stderr).toContain(name);
		}
		expect(await hashTree(dir)).toBe(before);
	});

	it('never changes the files it checks', async () => {
		const before = await hashTree(fixture());
		await runScript('validate', [rel('invalid')]);
		await runScript('validate', ['--json', '--strict', rel('warnings')]);
		expect(await hashTree(fixture())).toBe(before);
	});
});
