import type { z } from 'zod';

/** One problem found in the archive, ready to show a person. */
export interface Finding {
	/** The file it is in, as the user would type it. */
	file: string;
	/** The field path, e.g. `actionItems[2].owner`; empty for the whole file. */
	path: string;
	/** What is wrong and, where it helps, what would be right. */
	message: string;
	/** Errors fail validation; warnings only with --strict. */
	level: 'error' | 'warning';
	/** 1-based line in the file, when known. */
	line?: number;
}

/** Formats a Zod path as `actionItems[2].owner`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
	}
	return out;
}

function describe(input: unknown): string {
	if (input === null) return 'null';
	if (Array.isArray(input)) return 'a list';
	if (input instanceof Date) return 'a date';
	if (typeof input === 'string') return `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
	if (typeof input === 'object') return 'a mapping';
	return `${typeof input} ${String(input)}`;
}

const TYPE_WORDS: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'a mapping of fields',
	date: 'a date',
};

/**
 * Per-parse error map: friendlier wording for Zod's generic messages.
 * Schema-level messages (set where a field is declared) take precedence over this.
 */
export function friendlyZodMessage(issue: z.core.$ZodRawIssue): string | undefined {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return `is required (${TYPE_WORDS[issue.expected] ?? issue.expected})`;
			return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}, not ${describe(issue.input)}`;
		case 'invalid_value':
			if (issue.input === undefined) return `is required: one of ${issue.values.map(String).join(', ')}`;
			return `must be one of ${issue.values.map(String).join(', ')}, not ${describe(issue.input)}`;
		case 'too_small':
			if (issue.origin === 'array') return `must have at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
			if (issue.origin === 'string') return `must be at least ${issue.minimum} characters`;
			return `must be at least ${issue.minimum}`;
		case 'too_big':
			if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
			return `must be at most ${issue.maximum}`;
		default:
			return undefined;
	}
}

/** Turns Zod issues into findings naming the file and the field path. */
export function formatZodIssues(file: string, issues: ReadonlyArray<z.core.$ZodIssue>): Finding[] {
	return issues.map((issue) => ({
		file,
		path: formatPath(issue.path),
		message: issue.message,
		level: 'error' as const,
	}));
}

/** One line per finding: `file:line: path: message`. */
export function formatFinding(f: Finding): string {
	const where = f.line ? `${f.file}:${f.line}` : f.file;
	const label = f.level === 'warning' ? 'warning: ' : '';
	return f.path ? `${where}: ${label}${f.path}: ${f.message}` : `${where}: ${label}${f.message}`;
}
