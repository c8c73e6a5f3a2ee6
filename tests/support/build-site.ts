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

// Vitest puts Vite's own env (DEV=1, PROD, MODE=test, NODE_ENV=test) into process.env; a child
// Astro build would read them as import.meta.env and build as if in dev (drafts shown).
const VITEST_ENV = new Set(['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'NODE_ENV']);

function parentEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ENV.has(key)));
}

/**
 * Runs the project's real `npm run build` pipeline (scripts/build.ts) on a content
 * folder into a fresh temporary folder, with its own Astro cache so builds do not collide.
 */
export async function buildSite(contentDir: string, env: Record<string, string> = {}, args: string[] = []): Promise<BuiltSite> {
	const work = await mkdtemp(path.join(tmpdir(), 'pm-site-'));
	const outDir = path.join(work, 'dist');
	const child = spawn(process.execPath, ['scripts/build.ts', '--out-dir', outDir, ...args], {
		cwd: ROOT,
		env: {
			...parentEnv(),
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

/** A fixture folder under tests/fixtures. */
export function fixture(...parts: string[]): string {
	return path.join(ROOT, 'tests', 'fixtures', ...parts);
}
