import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './build-site.ts';

export interface ScriptRun {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * Runs `node scripts/<name>.ts ...args` from the project root with the Node running
 * the tests (22, which strips types), without colours, and collects its output.
 */
export function runScript(name: string, args: string[] = [], env: Record<string, string | undefined> = {}): Promise<ScriptRun> {
	return runNode([path.join('scripts', `${name}.ts`), ...args], { cwd: ROOT, env: { POSTMORTEMS_DIR: undefined, ...env } });
}

/** Runs `node ...args` in `cwd` with the Node running the tests, without colours, and collects its output. */
export function runNode(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<ScriptRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, {
			cwd: options.cwd,
			env: { ...process.env, NO_COLOR: '1', ...options.env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
	});
}

/** A digest of every file under `dir` (path + content), to prove a run changed nothing. */
export async function hashTree(dir: string): Promise<string> {
	const hash = createHash('sha256');
	const walk = async (d: string): Promise<void> => {
		const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
		for (const e of entries) {
			const full = path.join(d, e.name);
			if (e.isDirectory()) await walk(full);
			else hash.update(`${path.relative(dir, full)}\0`).update(await readFile(full)).update('\0');
		}
	};
	await walk(dir);
	return hash.digest('hex');
}

/** A stack trace line, which no CLI output may contain. */
export const STACK_LINE = /^\s+at .+[(:]\d+/m;
