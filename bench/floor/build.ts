import { spawn } from 'node:child_process';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { runCli } from '../../src/cli/run.ts';
import { parseCommandLine } from '../../src/cli/command-line.ts';

// Builds the floor site (bare Astro, one page per postmortem) and indexes it with
// Pagefind's Node API: what the project's build is measured against.
const HELP = `Usage: node bench/floor/build.ts [--out-dir DIR]

Builds bench/floor into DIR (default bench/floor/dist), then runs Pagefind over it.
Environment: POSTMORTEMS_DIR (the content), ASTRO_CACHE_DIR (Astro's cache),
FLOOR_MARKDOWN=satteri (Astro's default Markdown processor instead of the project's).`;

const args = parseCommandLine({ name: 'floor', help: HELP }, { options: { 'out-dir': { type: 'string' } } });
const root = import.meta.dirname;
const outDir = path.resolve(args.values['out-dir'] ?? path.join(root, 'dist'));

function astroBuild(): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn('astro', ['build', '--root', root, '--outDir', outDir], { stdio: 'inherit', env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env } });
		child.on('error', (error) => {
			process.stderr.write(`floor: could not start astro: ${error.message}\n`);
			resolve(1);
		});
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

await runCli(async () => {
	const code = await astroBuild();
	if (code !== 0) return code;
	const { index, errors } = await pagefind.createIndex({});
	if (!index) {
		process.stderr.write(`floor: pagefind: ${errors.join('; ')}\n`);
		return 1;
	}
	const added = await index.addDirectory({ path: outDir });
	const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
	await pagefind.close();
	const problems = [...added.errors, ...written.errors];
	if (problems.length > 0) {
		process.stderr.write(`floor: pagefind: ${problems.join('; ')}\n`);
		return 1;
	}
	console.log(`floor: pagefind indexed ${added.page_count} pages`);
	return 0;
});
