import type { Finding } from '../lib/validation/findings.ts';
import { formatFinding } from '../lib/validation/findings.ts';
import type { ArchiveResult } from '../lib/validation/validate-archive.ts';
import { countOf } from '../lib/format/labels.ts';
import { colours, sanitiseForTerminal } from './terminal.ts';

/** Prints findings grouped by file, then a one-line total. Returns the text for tests. */
export function printValidationReport(result: ArchiveResult, fileCount: number, stream: NodeJS.WriteStream = process.stderr): void {
	const c = colours(stream);
	const lines: string[] = [];
	for (const f of result.findings) {
		const text = sanitiseForTerminal(formatFinding(f));
		lines.push(f.level === 'error' ? c.red(text) : c.yellow(text));
	}
	if (lines.length) stream.write(`${lines.join('\n')}\n\n`);
	stream.write(`${summaryLine(result, fileCount)}\n`);
}

/** "12 postmortems checked: 2 errors, 1 warning" */
export function summaryLine(result: Pick<ArchiveResult, 'errorCount' | 'warningCount'>, fileCount: number): string {
	return `${countOf(fileCount, 'postmortem')} checked: ${countOf(result.errorCount, 'error')}, ${countOf(result.warningCount, 'warning')}`;
}

/** The JSON shape of `validate --json`. */
export function findingsJson(result: ArchiveResult, fileCount: number): { files: number; errors: number; warnings: number; findings: Finding[] } {
	return { files: fileCount, errors: result.errorCount, warnings: result.warningCount, findings: result.findings };
}
