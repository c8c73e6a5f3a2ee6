import type { Finding } from './findings.ts';
import { parseFrontmatter } from './frontmatter.ts';
import type { SourceFile } from './validate-archive.ts';

/**
 * Which files with errors stop a build. A `draft` or `review` postmortem (or one with
 * no status, which defaults to draft) is never published, so its errors leave it out of
 * the build instead of stopping it; `--strict` stops as before. A file whose status
 * cannot be read might be meant as published, so it stops the build.
 */
export interface BuildGate {
	/** Files with errors that stop the build. */
	blocking: string[];
	/** Unpublished files with errors: reported and left out of the build. */
	leftOut: SourceFile[];
}

export function gateBuild(sources: ReadonlyArray<SourceFile>, findings: ReadonlyArray<Finding>, strict: boolean): BuildGate {
	const withErrors = new Set(findings.filter((f) => f.level === 'error').map((f) => f.file));
	const blocking: string[] = [];
	const leftOut: SourceFile[] = [];
	for (const source of sources) {
		if (!withErrors.has(source.file)) continue;
		if (!strict && isUnpublished(source)) leftOut.push(source);
		else blocking.push(source.file);
	}
	// Findings on files that are not sources (none today) still stop the build.
	for (const file of withErrors) if (!sources.some((s) => s.file === file)) blocking.push(file);
	return { blocking, leftOut };
}

/** Whether the file says (or defaults to) `draft` or `review`. */
function isUnpublished(source: SourceFile): boolean {
	if (source.problem) return false;
	const parsed = parseFrontmatter(source.text);
	if (!parsed.ok) return false;
	const status = parsed.data.status;
	return status === undefined || status === null || status === 'draft' || status === 'review';
}
