import { ConfigError } from '../config.ts';

/**
 * Runs a command-line entry point: known errors become one readable message,
 * anything unexpected a short line (the stack only with DEBUG=1). Never a bare trace.
 */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
	try {
		const code = await main();
		process.exitCode = code ?? 0;
	} catch (error) {
		if (error instanceof ConfigError) {
			process.stderr.write(`${error.message}\n`);
			process.exitCode = 2;
			return;
		}
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`error: ${message}\n`);
		if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
		else process.stderr.write('(run again with DEBUG=1 for details)\n');
		process.exitCode = 1;
	}
}
