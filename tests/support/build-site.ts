import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The project root (tests run from it). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BuiltSite {
	outDir: string;
	stdout: string;
	stderr: string;
	code: number;
}

/**
 * Runs the project's real `npm run build` pipeline (scripts/build.ts) on a content
 * folder into a fresh temporary folder, with its own Astro cache so builds do not collide.
 */
export async function buildSite(contentDir: string, env: Record<string, string> = {}): Promise<BuiltSite> {
	const work = await mkdtemp(path.join(tmpdir(), 'pm-site-'));
	const outDir = path.join(work, 'dist');
	const child = spawn(process.execPath, ['scripts/build.ts', '--out-dir', outDir], {
		cwd: ROOT,
		env: {
			...inheritedEnv(),
			POSTMORTEMS_DIR: contentDir,
			ASTRO_CACHE_DIR: path.join(work, 'cache'),
			ASTRO_TELEMETRY_DISABLED: '1',
			NO_COLOR: '1',
			...env,
		},
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
	return { outDir, stdout, stderr, code };
}

/**
 * The environment without what Vitest adds for its own Vite: BASE_URL, MODE, DEV, PROD,
 * SSR and NODE_ENV=test. A child Astro build reads these as its own `import.meta.env`
 * (DEV=1 would show drafts; BASE_URL=/ would ignore PM_BASE).
 */
function inheritedEnv(): NodeJS.ProcessEnv {
	const { BASE_URL, MODE, DEV, PROD, SSR, NODE_ENV, ...rest } = process.env;
	return rest;
}

/** A fixture folder under tests/fixtures. */
export function fixture(...parts: string[]): string {
	return path.join(ROOT, 'tests', 'fixtures', ...parts);
}
