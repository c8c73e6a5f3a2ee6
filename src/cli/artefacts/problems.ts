import type { ArtefactReading } from '../../lib/artefacts/read-artefacts.ts';
import { formatFinding } from '../../lib/validation/findings.ts';
import { colours } from '../terminal.ts';

/** Most problem lines shown; the rest are counted (a broken export can have thousands of bad entries). */
const SHOWN = 20;

/** Writes the reading's errors and warnings to stderr, one line each, naming the file and the line or entry. */
export function printArtefactProblems(command: string, reading: Pick<ArtefactReading, 'errors' | 'warnings'>): void {
	const c = colours(process.stderr);
	const all = [...reading.errors, ...reading.warnings];
	for (const f of all.slice(0, SHOWN)) {
		const line = `${command}: ${formatFinding(f)}`;
		process.stderr.write(`${f.level === 'error' ? c.red(line) : c.yellow(line)}\n`);
	}
	if (all.length > SHOWN) process.stderr.write(`${command}: … and ${all.length - SHOWN} more problems\n`);
}
