import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fail } from './terminal.ts';

/** What a command says about itself: the name its messages start with and its `--help` text. */
export interface CommandUsage {
	/** `validate` in `validate: give at most one folder`. */
	name: string;
	/** The whole `--help` text; its first line is the `Usage: …` line. */
	help: string;
}

/** What `parseArgs` returns for `config`. */
export type CommandLine<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** The outcome of reading a command line: the values, a request for help, or a usage problem. */
export type ReadCommandLine<T extends ParseArgsConfig> = { kind: 'parsed'; parsed: CommandLine<T> } | { kind: 'help' } | { kind: 'error'; message: string };

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Reads `args` with node:util `parseArgs` (strict: unknown options and missing values are
 * errors). Every command gets `-h`/`--help`; the config names only the command's own options.
 */
export function readCommandLine<T extends ParseArgsConfig>(config: T, args: string[]): ReadCommandLine<T> {
	let parsed;
	try {
		parsed = parseArgs({ ...config, args, options: { ...config.options, ...HELP_OPTION } });
	} catch (error) {
		return { kind: 'error', message: (error as Error).message };
	}
	if ((parsed.values as { help?: boolean }).help) return { kind: 'help' };
	return { kind: 'parsed', parsed: parsed as CommandLine<T> };
}

/**
 * The one way a script reads its command line: `--help` prints the help and exits 0; an
 * unknown option or a missing value prints the problem and the help, and exits 2.
 */
export function parseCommandLine<T extends ParseArgsConfig>(usage: CommandUsage, config: T, args: string[] = process.argv.slice(2)): CommandLine<T> {
	const read = readCommandLine(config, args);
	if (read.kind === 'help') {
		console.log(usage.help);
		process.exit(0);
	}
	if (read.kind === 'error') usageError(usage, read.message, { help: true });
	return read.parsed;
}

/** The text of a usage error: the problem, then the whole help (`help: true`) or its `Usage:` line. */
export function usageErrorText(usage: CommandUsage, message: string, options: { help?: boolean } = {}): string {
	const usageLine = usage.help.split('\n', 1)[0]!;
	return `${usage.name}: ${message}\n\n${options.help ? usage.help : `${usageLine}  (--help shows every option)`}`;
}

/** Prints a usage error (see `usageErrorText`) on stderr and exits 2. */
export function usageError(usage: CommandUsage, message: string, options: { help?: boolean } = {}): never {
	fail(usageErrorText(usage, message, options));
}
