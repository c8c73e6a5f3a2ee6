import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

// Astro's own CLI file, run with this same Node (22), whatever is on PATH.
const astroCli = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

/** A running `astro build` whose output can be held back until the caller releases it. */
export interface AstroBuild {
	/** Prints what was held back and streams the rest. */
	release(): void;
	/** Stops the build (invalid content found meanwhile); its output is dropped. */
	stop(): void;
	/** Resolves to the exit code. */
	done: Promise<number>;
}

/**
 * Starts `astro build` with this Node. With `hold`, its output
 * is buffered: the build script validates the archive at the same time, on the other
 * core, and only lets Astro speak once the content is known to be valid, so invalid
 * content ends with the validator's report, never Astro's trace.
 */
export function startAstroBuild(outDir: string | undefined, options: { hold: boolean }): AstroBuild {
	const child = spawn(process.execPath, [astroCli, 'build', ...(outDir ? ['--outDir', outDir] : [])], {
		stdio: ['ignore', options.hold ? 'pipe' : 'inherit', options.hold ? 'pipe' : 'inherit'],
		// NODE_DISABLE_COMPILE_CACHE: Astro's CLI turns on Node's module compile cache (outside CI),
		// which stores a code cache for every chunk of every build in the system temp folder. A
		// build's chunks are new each time, so nothing is reused and the folder only grows
		// (4.8 GB here after a day of 5,000-postmortem builds).
		env: { ASTRO_TELEMETRY_DISABLED: '1', NODE_DISABLE_COMPILE_CACHE: '1', ...process.env },
	});
	const held: Array<[NodeJS.WriteStream, Buffer]> = [];
	let holding = options.hold;
	let stopped = false;
	const forward = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
		if (stopped) return;
		if (holding) held.push([target, chunk]);
		else target.write(chunk);
	};
	child.stdout?.on('data', forward(process.stdout));
	child.stderr?.on('data', forward(process.stderr));
	const done = new Promise<number>((resolve) => {
		child.on('error', (error) => {
			process.stderr.write(`build: could not start astro: ${error.message}\n`);
			resolve(1);
		});
		child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
	return {
		release() {
			holding = false;
			for (const [target, chunk] of held.splice(0)) target.write(chunk);
		},
		stop() {
			stopped = true;
			child.kill('SIGTERM');
		},
		done,
	};
}
