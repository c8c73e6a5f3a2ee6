import { PassThrough } from 'node:stream';
import tty from 'node:tty';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { colours } from '../../src/cli/terminal.ts';

/** A stream that says it is a terminal, with the real terminal's colour-depth rules (TERM, NO_COLOR...). */
function fakeTerminal(): NodeJS.WriteStream {
	const stream = new PassThrough() as unknown as NodeJS.WriteStream & { isTTY: boolean };
	stream.isTTY = true;
	stream.getColorDepth = tty.WriteStream.prototype.getColorDepth;
	return stream;
}

describe('colours', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('leaves text plain when the stream is not a terminal', () => {
		vi.stubEnv('FORCE_COLOR', undefined);
		expect(colours(new PassThrough() as unknown as NodeJS.WriteStream).red('failed')).toBe('failed');
	});

	it('colours a terminal, and NO_COLOR or TERM=dumb turn it off', () => {
		vi.stubEnv('FORCE_COLOR', undefined);
		vi.stubEnv('NO_COLOR', undefined);
		vi.stubEnv('NODE_DISABLE_COLORS', undefined);
		// Node reads a bare CI=true (as CI runs this suite) as a 2-colour terminal, which styleText leaves plain.
		vi.stubEnv('CI', undefined);
		vi.stubEnv('TERM', 'xterm-256color');
		const c = colours(fakeTerminal());
		expect(c.red('failed')).toBe('\u001b[31mfailed\u001b[39m');
		expect(c.bold('x')).toBe('\u001b[1mx\u001b[22m');
		vi.stubEnv('NO_COLOR', '1');
		expect(colours(fakeTerminal()).red('failed')).toBe('failed');
		vi.stubEnv('NO_COLOR', undefined);
		vi.stubEnv('TERM', 'dumb');
		expect(colours(fakeTerminal()).red('failed')).toBe('failed');
	});

	it('FORCE_COLOR colours a pipe too (CI logs)', () => {
		vi.stubEnv('FORCE_COLOR', '1');
		expect(colours(new PassThrough() as unknown as NodeJS.WriteStream).yellow('warn')).toBe('\u001b[33mwarn\u001b[39m');
	});
});
