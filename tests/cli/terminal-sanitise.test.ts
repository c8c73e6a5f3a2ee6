import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitiseForTerminal } from '../../src/cli/terminal.ts';
import { runScript } from '../support/run-script.ts';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('terminal control characters from content (issue 14)', () => {
	it('strips escape sequences and control characters, keeping text, tabs and newlines', () => {
		expect(sanitiseForTerminal('a\u001b]0;pwned\u0007b')).toBe('ab');
		expect(sanitiseForTerminal('a\u001b]8;;https://x\u001b\\link\u001b]8;;\u001b\\b')).toBe('alinkb');
		expect(sanitiseForTerminal('\u001b[2J\u001b[1;31mred\u001b[0m')).toBe('red');
		expect(sanitiseForTerminal('over\rwrite\b\u009b2J\u0085')).toBe('overwrite');
		expect(sanitiseForTerminal('tab\there\nnext line, café ✉️')).toBe('tab\there\nnext line, café ✉️');
	});

	it('reaches the terminal through neither validate nor overdue', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-term-'));
		const base = ['severity: SEV3', 'status: published', 'startedAt: 2026-10-01T08:00:00Z', 'resolvedAt: 2026-10-01T09:00:00Z', 'services: [api]', "authors: ['@team']", 'impact: { summary: Something broke. }'];
		const reviews = ['reviews:', "  - { role: responder, by: '@a', on: 2026-10-02 }", "  - { role: lead, by: '@b', on: 2026-10-03 }"];
		const items = ['actionItems:', '  - id: "ESC-1\\e[2J"', '    title: "Retitle \\e]0;pwned\\a the window"', '    owner: "@owner\\e]0;x\\a"', '    priority: P1', '    due: 2026-10-10'];
		await writeFile(path.join(dir, 'a.md'), `---\ntitle: "Clear \\e[2J the screen"\n${base.join('\n')}\n${items.join('\n')}\n${reviews.join('\n')}\n---\nBody.\n`);
		await writeFile(path.join(dir, 'b.md'), `---\ntitle: Bad severity\n${base.join('\n').replace('SEV3', '"\\e]0;pwned\\a"')}\n"unknown\\e[2J": 1\n---\nBody.\n`);
		const validate = await runScript('validate', [dir]);
		expect(validate.stderr).toContain('severity: must be one of SEV1, SEV2, SEV3, SEV4, not ""');
		expect(validate.stderr).toContain('warning: unknown: is not a field of the format');
		const overdue = await runScript('overdue', [], { POSTMORTEMS_DIR: dir, PM_AS_OF: '2026-11-21' });
		expect(overdue.stdout).toMatch(/ESC-1 +P1 +due 2026-10-10 +42 days overdue +Retitle  the window/);
		const markdown = await runScript('overdue', ['--format', 'markdown'], { POSTMORTEMS_DIR: dir, PM_AS_OF: '2026-11-21' });
		for (const out of [validate.stderr, validate.stdout, overdue.stdout, overdue.stderr, markdown.stdout]) expect(out).not.toMatch(CONTROL);
	});
});
