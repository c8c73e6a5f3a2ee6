import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/build-site.ts';
import { hashTree, runScript, STACK_LINE } from '../support/run-script.ts';

/** Issue 14: what validate reads, and that it says everything at once. */

const PUBLISHED = fixture('valid', '2025-03-14-published.md');
const published = () => readFile(PUBLISHED, 'utf8');
const freshDir = () => mkdtemp(path.join(tmpdir(), 'pm-harden-'));
const draft = (lines: string[], body = 'Body.\n') => `---\n${lines.join('\n')}\n---\n${body}`;
const BASE = ['title: An incident', 'severity: SEV3', 'status: draft', 'startedAt: 2025-03-14T09:30:00Z', 'services: [checkout-api]', "authors: ['@dana']", 'impact: { summary: Some requests failed. }'];

describe('validate: hardening (issue 14)', () => {
	it('reports bytes that are not UTF-8 as an error naming the file and line, and leaves them alone', async () => {
		const dir = await freshDir();
		const latin1 = Buffer.concat([Buffer.from('---\ntitle: "Caf'), Buffer.from([0xe9]), Buffer.from(' cr'), Buffer.from([0xe8]), Buffer.from(`me outage"\n${BASE.slice(1).join('\n')}\n---\nBody.\n`)]);
		await writeFile(path.join(dir, 'cafe.md'), latin1);
		const before = await hashTree(dir);
		const run = await runScript('validate', [dir]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`${path.join(dir, 'cafe.md')}:2: is not UTF-8 text`);
		expect(await hashTree(dir)).toBe(before);
	});

	it('treats symbolic links alike: inside the folder they are validated, out of it (or nowhere) they are errors naming the link', async () => {
		const dir = await freshDir();
		const outside = await freshDir();
		await writeFile(path.join(outside, 'secret.md'), await published());
		await mkdir(path.join(outside, 'folder'));
		await writeFile(path.join(outside, 'folder', 'index.md'), await published());
		await mkdir(path.join(dir, '_kept'));
		await writeFile(path.join(dir, '_kept', 'real.md'), draft(BASE.map((l) => l.replace('SEV3', 'critical'))));
		await symlink(path.join(dir, '_kept', 'real.md'), path.join(dir, 'inside-link.md'));
		await symlink(path.join(outside, 'secret.md'), path.join(dir, 'outside-link.md'));
		await symlink('/etc/passwd', path.join(dir, 'passwd.md'));
		await symlink(path.join(outside, 'folder'), path.join(dir, 'outside-folder'));
		await symlink(path.join(dir, 'nowhere.md'), path.join(dir, 'broken.md'));
		const run = await runScript('validate', [dir]);
		expect(run.code).toBe(1);
		expect(run.stderr).not.toMatch(STACK_LINE);
		expect(run.stderr).toContain(`${path.join(dir, 'inside-link.md')}:3: severity: must be one of SEV1, SEV2, SEV3, SEV4, not "critical"`);
		expect(run.stderr).toContain(`${path.join(dir, 'outside-link.md')}: is a symbolic link to ${path.join(outside, 'secret.md')}, outside the postmortems folder`);
		expect(run.stderr).toContain(`${path.join(dir, 'passwd.md')}: is a symbolic link to /etc/passwd, outside the postmortems folder`);
		expect(run.stderr).toContain(`${path.join(dir, 'outside-folder', 'index.md')}: is a symbolic link to ${path.join(outside, 'folder', 'index.md')}, outside the postmortems folder`);
		expect(run.stderr).toContain(`${path.join(dir, 'broken.md')}: is a symbolic link to ${path.join(dir, 'nowhere.md')}, which does not exist`);
		expect(run.stderr).toContain('5 postmortems checked: 5 errors');
	});

	it('rejects images from outside the postmortems folder, by path or through a link, naming the file and the link', async () => {
		const dir = await freshDir();
		const outside = await freshDir();
		await writeFile(path.join(outside, 'secret.png'), 'not really a png');
		await symlink(path.join(outside, 'secret.png'), path.join(dir, 'innocent.png'));
		await mkdir(path.join(dir, 'with-pictures'));
		await writeFile(path.join(dir, 'with-pictures', 'graph.png'), 'a graph');
		const text = (await published()).replace('The deploy went out', '![graph](graph.png)\n\n![x](../../../../tmp/outside/secret.png)\n\n![y][ref]\n\n[ref]: ../innocent.png\n\nThe deploy went out');
		await writeFile(path.join(dir, 'with-pictures', 'index.md'), text);
		const run = await runScript('validate', [dir]);
		expect(run.code).toBe(1);
		const file = path.join(dir, 'with-pictures', 'index.md');
		expect(run.stderr).toContain(`${file}:30: (body): the image "../../../../tmp/outside/secret.png" is outside the postmortems folder`);
		expect(run.stderr).toContain(`${file}: (body): the image "../innocent.png" is outside the postmortems folder; only files inside it may be referenced (copy the image next to the postmortem): it is a symbolic link to ${path.join(outside, 'secret.png')}`);
		expect(run.stderr).not.toContain('"graph.png"');
		expect(run.stderr).toContain('1 postmortem checked: 2 errors');
	});

	it('reports every problem of a file in one run: a type error does not hide placeholders, times out of order or a duplicate id (with its line)', async () => {
		const dir = await freshDir();
		await writeFile(path.join(dir, 'a.md'), await published());
		const lines = [
			'title: A broken one',
			'severity: critical',
			'startedAt: 2025-03-14T09:30:00Z',
			'detectedAt: 2025-03-14T09:00:00Z',
			'services: [service-name]',
			"authors: ['@dana']",
			'impact: { summary: Some requests failed. }',
			'actionItems:',
			'  - id: VAL-1',
			'    title: Same id as a.md',
			"    owner: '@team'",
			'    priority: P2',
			'    due: 2025-05-01',
		];
		await writeFile(path.join(dir, 'b.md'), draft(lines));
		const run = await runScript('validate', [dir]);
		expect(run.code).toBe(1);
		const b = path.join(dir, 'b.md');
		expect(run.stderr).toContain(`${b}:3: severity: must be one of SEV1, SEV2, SEV3, SEV4, not "critical"`);
		expect(run.stderr).toContain(`${b}:5: detectedAt: (2025-03-14T09:00:00Z) must not be before startedAt (2025-03-14T09:30:00Z)`);
		expect(run.stderr).toContain(`${b}:6: warning: services[0]: "service-name" is still the template's placeholder`);
		expect(run.stderr).toContain(`${b}:10: actionItems[0].id: "VAL-1" is already used by ${path.join(dir, 'a.md')}:17 (actionItems[0])`);
	});

	it('compares dates as dates and warns on an incident in the future', async () => {
		const dir = await freshDir();
		const lines = [...BASE.filter((l) => !l.startsWith('startedAt')), 'startedAt: 9999-12-31T23:00:00+14:00', 'actionItems:', '  - { id: F-1, title: Something, owner: "@team", priority: P1, due: 9999-12-31 }'];
		await writeFile(path.join(dir, 'future.md'), draft(lines));
		const run = await runScript('validate', [dir]);
		expect(run.stderr).toContain(`${path.join(dir, 'future.md')}:8: warning: startedAt: (9999-12-31T09:00:00Z) is in the future; check the date`);
		expect(run.stderr).not.toContain('+0100');
		expect(run.stderr).not.toContain('days after a SEV3 incident');
		expect(run.stderr).toContain('1 postmortem checked: 0 errors, 1 warning');
	});
});
