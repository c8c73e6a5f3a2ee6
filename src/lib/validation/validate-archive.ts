import type { z } from 'zod';
import type { ArchiveConfig } from '../../schemas/config.ts';
import { crossFieldIssues, postmortemFields, postmortemSchema, type Postmortem } from '../../schemas/postmortem.ts';
import { calendarDate, timestamp } from '../../schemas/primitives.ts';
import { formatPath, friendlyZodMessage, type Finding } from './findings.ts';
import { parseFrontmatter, plainDatePaths } from './frontmatter.ts';
import { futureFindings, placeholderFindings, policyFindings, unknownKeyFindings, type PolicyFinding } from './policies.ts';
import { localImageLinks, outsideImageMessage } from './images.ts';

/** A postmortem file as read from disk. */
export interface SourceFile {
	/** The path to show people. */
	file: string;
	/** The file or folder name: the page URL's last part. */
	slug: string;
	/** The whole file. */
	text: string;
	/** The path inside the postmortems folder (`<slug>.md` or `<slug>/index.md`), where images are resolved from. */
	relative?: string;
	/** Why the file could not be read (not UTF-8, a link out of the folder): reported as an error, nothing else is checked. */
	problem?: { message: string; line?: number };
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

/** An action item id as written, with where it is: duplicates are found across every file, valid or not. */
export interface ActionIdSite {
	id: string;
	index: number;
	line?: number;
}

/** The outcome of validating one file. */
export interface FileResult {
	entry?: ValidEntry;
	findings: Finding[];
	/** The action item ids of the file, read even when the schema rejects it. */
	actionIds: ActionIdSite[];
}

/** Options of a validation run. */
export interface ValidateOptions {
	/** The clock: an incident that starts after it gets a warning. Without it there is no such check. */
	now?: Date;
}

/**
 * Validates one file against the schema and the policies; never throws for bad input.
 * Every problem is reported at once: when the schema rejects a field, the checks that
 * do not depend on it (placeholders, times out of order, images, duplicate ids) still run.
 */
export function validateFile(source: SourceFile, policy: ArchiveConfig['policy'], options: ValidateOptions = {}): FileResult {
	if (source.problem) return { findings: [{ file: source.file, path: '', line: source.problem.line, level: 'error', message: source.problem.message }], actionIds: [] };
	const parsed = parseFrontmatter(source.text);
	if (!parsed.ok) {
		return { findings: [{ file: source.file, path: '', line: parsed.line, level: 'error', message: parsed.message }], actionIds: [] };
	}
	const lineOfPath = (path: string) => parsed.lineOf(pathToKeys(path));
	const bodyOffset = source.text.length - parsed.body.length;
	const bodyStartLine = lineNumberAt(source.text, bodyOffset);
	const lineInBody = (excerpt: string | undefined): number | undefined => {
		const at = excerpt ? parsed.body.indexOf(excerpt) : -1;
		return at < 0 ? undefined : lineNumberAt(source.text, bodyOffset + at);
	};
	const toFinding = (f: PolicyFinding): Finding => ({
		file: source.file,
		path: f.path,
		line: f.path === '(body)' ? lineInBody(f.excerpt) : lineOfPath(f.path),
		level: f.level,
		message: f.message,
	});
	const ambiguous = dateLikeTextFindings(source.file, parsed);
	const images = localImageLinks(parsed.body, source.relative ?? relativeOf(source))
		.filter((link) => link.inside === undefined)
		.map<Finding>((link) => ({ file: source.file, path: '(body)', line: link.line === undefined ? undefined : bodyStartLine + link.line - 1, level: 'error', message: outsideImageMessage(link.url) }));
	const actionIds = rawActionIds(parsed.data.actionItems).map((a) => ({ ...a, line: parsed.lineOf(['actionItems', a.index, 'id']) }));
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
		for (const f of unknownKeyFindings(parsed.data)) findings.push(toFinding(f));
		// What the schema could not check because another field failed, checked on what did parse.
		const reported = new Set(findings.map((f) => f.path));
		for (const f of partialFindings(parsed.data, options.now)) if (!reported.has(f.path)) findings.push(toFinding(f));
		return { findings: [...findings, ...ambiguous, ...images], actionIds };
	}
	const findings = policyFindings(result.data, parsed.data, parsed.body, policy, options.now).map(toFinding);
	return { entry: { file: source.file, slug: source.slug, data: result.data, raw: parsed.data, body: parsed.body }, findings: [...ambiguous, ...findings, ...images], actionIds };
}

/** `<slug>.md` or `<slug>/index.md`, from the path shown and the slug. */
function relativeOf(source: SourceFile): string {
	return /(^|[\\/])index\.md$/.test(source.file) ? `${source.slug}/index.md` : `${source.slug}.md`;
}

/** The ids of the raw `actionItems` list, wherever an entry has a text id. */
function rawActionIds(items: unknown): Array<{ id: string; index: number }> {
	if (!Array.isArray(items)) return [];
	return items.flatMap((item, index) => {
		const id = (item as { id?: unknown } | null)?.id;
		return typeof id === 'string' && id.trim() ? [{ id: id.trim(), index }] : [];
	});
}

/**
 * Checks of an invalid file on the fields that parsed on their own: the template's
 * placeholders, the cross-field rules (times out of order, completedOn before the
 * start) and a start in the future.
 */
function partialFindings(raw: Record<string, unknown>, now: Date | undefined): PolicyFinding[] {
	const shape = postmortemFields.shape;
	const field = <K extends keyof typeof shape>(key: K): z.output<(typeof shape)[K]> | undefined => {
		const r = shape[key].safeParse(raw[key]);
		return r.success ? (r.data as z.output<(typeof shape)[K]>) : undefined;
	};
	const entries = (value: unknown) => (Array.isArray(value) ? value : []);
	const startedAt = field('startedAt');
	const out: PolicyFinding[] = placeholderFindings({ services: field('services') ?? [], authors: field('authors') ?? [], impact: { summary: field('impact')?.summary ?? '' } });
	out.push(...futureFindings({ startedAt }, now));
	const cross = crossFieldIssues({
		// A resolvedAt that is there but invalid is already an error; do not also call it missing.
		status: raw.resolvedAt === undefined ? field('status') : undefined,
		startedAt,
		detectedAt: field('detectedAt'),
		mitigatedAt: field('mitigatedAt'),
		resolvedAt: field('resolvedAt'),
		timeline: entries(raw.timeline).map((e) => {
			const at = timestamp.safeParse((e as { at?: unknown } | null)?.at);
			return at.success ? { at: at.data } : undefined;
		}),
		actionItems: entries(raw.actionItems).map((e) => {
			const on = calendarDate.safeParse((e as { completedOn?: unknown } | null)?.completedOn);
			return on.success ? { completedOn: on.data } : undefined;
		}),
	});
	for (const c of cross) out.push({ path: formatPath(c.path), level: 'error', message: c.message });
	return out;
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

/** How one file is checked: `validateFile`, or a cache in front of it (the build's, src/cli/validation-cache.ts). */
export type FileCheck = (source: SourceFile, policy: ArchiveConfig['policy'], options: ValidateOptions) => FileResult;

/** Validates every file, then the rules that span files (unique slugs, unique action item ids). */
export function validateArchive(sources: ReadonlyArray<SourceFile>, policy: ArchiveConfig['policy'], options: ValidateOptions = {}, check: FileCheck = validateFile): ArchiveResult {
	const entries: ValidEntry[] = [];
	const findings: Finding[] = [];
	const slugOwner = new Map<string, string>();
	const idOwner = new Map<string, { file: string; index: number; line?: number }>();
	for (const source of sources) {
		const previous = slugOwner.get(source.slug);
		if (previous) {
			findings.push({ file: source.file, path: '', level: 'error', message: `has the same slug "${source.slug}" as ${previous}; rename one of them` });
		} else {
			slugOwner.set(source.slug, source.file);
		}
		const result = check(source, policy, options);
		findings.push(...result.findings);
		if (result.entry) entries.push(result.entry);
		// Ids of every file, valid or not: a duplicate is reported in the same run as a type error.
		for (const { id, index, line } of result.actionIds) {
			const first = idOwner.get(id);
			if (first) {
				const at = first.line ? `${first.file}:${first.line}` : first.file;
				const where = first.file === source.file ? `actionItems[${first.index}] of this file (line ${first.line ?? '?'})` : `${at} (actionItems[${first.index}])`;
				findings.push({
					file: source.file,
					path: `actionItems[${index}].id`,
					line,
					level: 'error',
					message: `"${id}" is already used by ${where}; action item ids must be unique across the archive`,
				});
			} else {
				idOwner.set(id, { file: source.file, index, line });
			}
		}
	}
	const errorCount = findings.filter((f) => f.level === 'error').length;
	return { entries, findings, errorCount, warningCount: findings.length - errorCount };
}
