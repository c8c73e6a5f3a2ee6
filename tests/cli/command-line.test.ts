import { describe, expect, it } from 'vitest';
import { readCommandLine, usageErrorText } from '../../src/cli/command-line.ts';

const usage = { name: 'demo', help: 'Usage: npm run demo [-- options]\n\nOptions:\n  --json  print JSON' };
const config = { allowPositionals: true, options: { json: { type: 'boolean' }, only: { type: 'string', multiple: true } } } as const;

describe('readCommandLine', () => {
	it('returns the values and positionals of a good command line', () => {
		const read = readCommandLine(config, ['--json', '--only', 'a', '--only', 'b', 'dir']);
		expect(read).toEqual({ kind: 'parsed', parsed: { values: { json: true, only: ['a', 'b'] }, positionals: ['dir'] } });
	});

	it('gives every command -h and --help', () => {
		expect(readCommandLine(config, ['--help'])).toEqual({ kind: 'help' });
		expect(readCommandLine({ options: {} }, ['-h'])).toEqual({ kind: 'help' });
	});

	it('turns an unknown option or a missing value into a message, not an exception', () => {
		const unknown = readCommandLine(config, ['--jsno']);
		expect(unknown).toMatchObject({ kind: 'error', message: expect.stringContaining("'--jsno'") });
		expect(readCommandLine(config, ['--only'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--only') });
		expect(readCommandLine({ options: {} }, ['stray'])).toMatchObject({ kind: 'error', message: expect.stringContaining("'stray'") });
	});
});

describe('usageErrorText', () => {
	it('names the command and the problem, then the whole help or only its usage line', () => {
		expect(usageErrorText(usage, 'give at most one folder', { help: true })).toBe(`demo: give at most one folder\n\n${usage.help}`);
		expect(usageErrorText(usage, '--n must be a whole number')).toBe('demo: --n must be a whole number\n\nUsage: npm run demo [-- options]  (--help shows every option)');
	});
});
