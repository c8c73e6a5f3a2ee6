import type { ArchiveConfig } from '../../schemas/config.ts';
import { postmortemSchema, type Postmortem } from '../../schemas/postmortem.ts';
import { formatPath, friendlyZodMessage, type Finding } from './findings.ts';
import { parseFrontmatter, plainDatePaths } from './frontmatter.ts';
import { policyFindings, unknownKeyFindings } from './policies.ts';

/** A postmortem file as read from disk. */
export interface SourceFile {
	/** The path to show people. */
	file: string;
	/** The file or folder name: the page URL's last part. */
	slug: string;
	/** The whole file. */
	text: string;
}

/** A postmortem that passed the schema. */
export interface ValidEntry {
	file: string;
	slug: string;
	data: Postmortem;
	/** The raw frontmatter object, before coercion. */
	raw: Record<string, unknown>;
	body: string;
}

/** The outcome of validating one file. */
export interface FileResult {
	entry?: ValidEntry;
	findings: Finding[];
}

/** Validates one file against the schema and the policies; never throws for bad input. */
export function validateFile(source: SourceFile, policy: ArchiveConfig['policy']): FileResult {
	const parsed = parseFrontmatter(source.text);
	if (!parsed.ok) {
		return { findings: [{ file: source.file, path: '', line: parsed.line, level: 'error', message: parsed.message }] };
	}
	const ambiguous = dateLikeTextFindings(source.file, parsed);
	const result = postmortemSchema.safeParse(parsed.data, { error: friendlyZodMessage });
	if (!result.success) {
		const findings = result.error.issues.map<Finding>((issue) => ({
			file: source.file,
			path: formatPath(issue.path),
			line: parsed.lineOf(issue.path),
			level: 'error',
			message: issue.message,
		}));
		// A misspelt field often explains a "required" error; show the guess alongside it.
		for (const f of unknownKeyFindings(parsed.data)) {
			findings.push({ file: source.file, path: f.path, line: parsed.lineOf(pathToKeys(f.path)), level: f.level, message: f.message });
		}
		return { findings: [...findings, ...ambiguous] };
	}
	const lineOfPath = (path: string) => parsed.lineOf(pathToKeys(path));
	const bodyOffset = source.text.length - parsed.body.length;
	const lineInBody = (excerpt: string | undefined): number | undefined => {
		const at = excerpt ? parsed.body.indexOf(excerpt) : -1;
		return at < 0 ? undefined : lineNumberAt(source.text, bodyOffset + at);
	};
	const findings = policyFindings(result.data, parsed.data, parsed.body, policy).map<Finding>((f) => ({
		file: source.file,
		path: f.path,
		line: f.path === '(body)' ? lineInBody(f.excerpt) : lineOfPath(f.path),
		level: f.level,
		message: f.message,
	}));
	return { entry: { file: source.file, slug: source.slug, data: result.data, raw: parsed.data, body: parsed.body }, findings: [...ambiguous, ...findings] };
}

/** The fields whose values are dates or timestamps; a date there is what the format wants. */
const DATE_FIELDS = new Set(['startedAt', 'detectedAt', 'mitigatedAt', 'resolvedAt', 'at', 'due', 'completedOn', 'on']);

/** Unquoted date-like values in text fields: the site's parser would read them as dates and fail. */
function dateLikeTextFindings(file: string, parsed: Extract<ReturnType<typeof parseFrontmatter>, { ok: true }>): Finding[] {
	return plainDatePaths(parsed.document)
		.filter((keys) => !DATE_FIELDS.has(String([...keys].reverse().find((k) => typeof k === 'string'))))
		.map((keys) => {
			const value = String(parsed.document.getIn(keys));
			return {
				file,
				path: formatPath(keys),
				line: parsed.lineOf(keys),
				level: 'error' as const,
				message: `${value} is read as a date by the site's YAML parser, not as text; put it in quotes: "${value}"`,
			};
		});
}

/** 1-based line of a character offset. */
function lineNumberAt(text: string, offset: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

function pathToKeys(path: string): Array<string | number> {
	return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** The outcome of validating a whole archive. */
export interface ArchiveResult {
	entries: ValidEntry[];
	findings: Finding[];
	errorCount: number;
	warningCount: number;
}

/** What the rules that span files need of one file: its action item ids (none when it failed the schema). */
export interface FileFacts {
	file: string;
	slug: string;
	actionItemIds: string[];
}

/** The facts of a validated file, for `crossFileFindings`. */
export function fileFacts(source: SourceFile, result: FileResult): FileFacts {
	return { file: source.file, slug: source.slug, actionItemIds: result.entry?.data.actionItems.map((item) => item.id) ?? [] };
}

/** Unique slugs: per file (in archive order), the finding when an earlier file has its slug. */
export function duplicateSlugFindings(files: ReadonlyArray<Pick<FileFacts, 'file' | 'slug'>>): Array<Finding | undefined> {
	const slugOwner = new Map<string, string>();
	return files.map((f) => {
		const previous = slugOwner.get(f.slug);
		if (previous) return { file: f.file, path: '', level: 'error', message: `has the same slug "${f.slug}" as ${previous}; rename one of them` };
		slugOwner.set(f.slug, f.file);
		return undefined;
	});
}

/** Unique action item ids across the archive (files in archive order). */
export function duplicateIdFindings(files: ReadonlyArray<FileFacts>): Finding[] {
	const findings: Finding[] = [];
	const idOwner = new Map<string, { file: string; index: number }>();
	for (const f of files) {
		f.actionItemIds.forEach((id, index) => {
			const first = idOwner.get(id);
			if (first) {
				const where = first.file === f.file ? `actionItems[${first.index}] of this file` : `${first.file} (actionItems[${first.index}])`;
				findings.push({ file: f.file, path: `actionItems[${index}].id`, level: 'error', message: `"${id}" is already used by ${where}; action item ids must be unique across the archive` });
			} else {
				idOwner.set(id, { file: f.file, index });
			}
		});
	}
	return findings;
}

/** Every finding of an archive in report order: per file its slug clash then its own findings, then duplicate ids. */
export function archiveFindings(facts: ReadonlyArray<FileFacts>, perFile: ReadonlyArray<ReadonlyArray<Finding>>): Finding[] {
	const slugs = duplicateSlugFindings(facts);
	return [...perFile.flatMap((findings, i) => (slugs[i] ? [slugs[i]!, ...findings] : findings)), ...duplicateIdFindings(facts)];
}

/** Counts errors and warnings. */
export function countFindings(findings: ReadonlyArray<Finding>): { errorCount: number; warningCount: number } {
	const errorCount = findings.filter((f) => f.level === 'error').length;
	return { errorCount, warningCount: findings.length - errorCount };
}

/** Validates every file, then the rules that span files (unique slugs, unique action item ids). */
export function validateArchive(sources: ReadonlyArray<SourceFile>, policy: ArchiveConfig['policy']): ArchiveResult {
	const results = sources.map((source) => validateFile(source, policy));
	const entries = results.flatMap((r) => (r.entry ? [r.entry] : []));
	const findings = archiveFindings(
		sources.map((source, i) => fileFacts(source, results[i]!)),
		results.map((r) => r.findings),
	);
	return { entries, findings, ...countFindings(findings) };
}
