import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getConfig } from '../../src/config.ts';
import { readPostmortemSources } from '../../src/cli/content-dir.ts';
import { validateArchive } from '../../src/lib/validation/validate-archive.ts';
import { fixture } from './build-site.ts';

/** A fresh temporary copy of a folder under tests/fixtures/drafting; tests never write to the fixtures. */
export async function copyDraftingFixture(name: string): Promise<string> {
	const work = await mkdtemp(path.join(tmpdir(), 'pm-draft-'));
	const dir = path.join(work, name);
	await cp(fixture('drafting', name), dir, { recursive: true });
	return dir;
}

/** Reads and validates a folder the way the draft command does. */
export async function loadArchive(dir: string) {
	const sources = await readPostmortemSources(dir);
	const result = validateArchive(sources, getConfig().policy);
	return { sources, entries: result.entries, result };
}

/** The text of a fixture file, for byte-for-byte comparisons. */
export function fixtureText(...parts: string[]): Promise<string> {
	return readFile(fixture('drafting', ...parts), 'utf8');
}

/**
 * The lines of `after` that are not in `before`, when `after` only adds lines (what
 * `git diff` would show as + lines); undefined when a line of `before` was changed,
 * removed or moved.
 */
export function addedLines(before: string, after: string): string[] | undefined {
	const a = before.split('\n');
	const added: string[] = [];
	let i = 0;
	for (const line of after.split('\n')) {
		if (i < a.length && line === a[i]) i++;
		else added.push(line);
	}
	return i === a.length ? added : undefined;
}
