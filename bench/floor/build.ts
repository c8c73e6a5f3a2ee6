import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';

// Builds the floor site (bare Astro, one page per postmortem) and indexes it with
// Pagefind's Node API: what the project's build is measured against.
// node bench/floor/build.ts --out-dir DIR   (POSTMORTEMS_DIR, ASTRO_CACHE_DIR, FLOOR_MARKDOWN=satteri)
const HELP = 'Usage: node bench/floor/build.ts --out-dir DIR';
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
	console.log(HELP);
	process.exit(0);
}
const root = import.meta.dirname;
const outDir = path.resolve(values['out-dir'] ?? path.join(root, 'dist'));

const astroCode = await new Promise<number>((resolve) => {
	const child = spawn('astro', ['build', '--root', root, '--outDir', outDir], {
		stdio: 'inherit',
		env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
	});
	child.on('error', (error) => {
		process.stderr.write(`floor: could not start astro: ${error.message}\n`);
		resolve(1);
	});
	child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
if (astroCode !== 0) process.exit(astroCode);

const { index, errors } = await pagefind.createIndex({});
if (!index) {
	process.stderr.write(`floor: pagefind: ${errors.join('; ')}\n`);
	process.exit(1);
}
const added = await index.addDirectory({ path: outDir });
const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
await pagefind.close();
const problems = [...added.errors, ...written.errors];
if (problems.length > 0) {
	process.stderr.write(`floor: pagefind: ${problems.join('; ')}\n`);
	process.exit(1);
}
console.log(`floor: pagefind indexed ${added.page_count} pages`);
