import type { ArtefactEvent } from '../../schemas/artefact-event.ts';

/**
 * Secrets never leave the artefact folder: text that looks like a key, token,
 * password or private key becomes `[redacted]` before an event is printed,
 * written or sent to a model (../shared/incident-artefacts.md, Redaction).
 * Patterns follow the issuers' documented formats; a label before the secret
 * (`Bearer `, `password=`, the scheme and host of a connection string) is kept so the
 * sentence still reads.
 */

export const REDACTED = '[redacted]';

interface SecretPattern {
	kind: string;
	pattern: RegExp;
	/** The match with the secret replaced; by default the whole match goes. */
	replace?: (match: string, ...groups: string[]) => string;
}

// Order matters: whole blocks and structured strings first, generic key=value last.
const PATTERNS: SecretPattern[] = [
	{ kind: 'private key', pattern: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----[\s\S]*?(?:-----END \1-----|$)/g },
	{ kind: 'connection string', pattern: /\b([a-z][a-z0-9+.-]{1,20}:\/\/)([^\s:/@'"]*):([^\s@/'"]+)@/gi, replace: (_m, scheme) => `${scheme}${REDACTED}@` },
	{ kind: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g },
	{ kind: 'Anthropic key', pattern: /\bsk-ant-[A-Za-z0-9]{2,10}-[A-Za-z0-9_-]{20,}/g },
	{ kind: 'OpenAI key', pattern: /\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}/g },
	{ kind: 'AWS access key', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b/g },
	{
		kind: 'AWS secret key',
		pattern: /\b(aws_?secret_?access_?key|secret_?access_?key)(["']?\s*[=:]\s*["']?)[A-Za-z0-9/+]{40}\b/gi,
		replace: (_m, label, sep) => `${label}${sep}${REDACTED}`,
	},
	{ kind: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{50,255})\b/g },
	{ kind: 'Slack token', pattern: /\bxox[abposre]-(?:[0-9]+-)*[A-Za-z0-9-]{10,}\b|\bxapp-\d-[A-Z0-9]+-\d+-[a-f0-9]{32,}\b/g },
	{ kind: 'Slack webhook', pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]+/g },
	{ kind: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
	{ kind: 'Stripe key', pattern: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}\b/g },
	// 16 characters at least, so "Bearer authentication" in prose stays.
	{ kind: 'bearer token', pattern: /\b(Bearer)(\s+)[A-Za-z0-9._~+/-]{16,}=*/g, replace: (_m, word, space) => `${word}${space}${REDACTED}` },
	{
		kind: 'password',
		pattern: /\b([a-z_-]*?(?:password|passwd|pwd|secret|api_?key|access_token|auth_token|private_key))(["']?\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&'"]+)/gi,
		// A quoted value keeps its quotes, so JSON and shell lines still read as such.
		replace: (_m, label, sep, value) => {
			const quote = value.startsWith('"') || value.startsWith("'") ? value[0] : '';
			return `${label}${sep}${quote}${REDACTED}${quote}`;
		},
	},
];

/** Redactions by kind of secret (`{"AWS access key": 2}`), and their total. */
export interface RedactionCount {
	total: number;
	byKind: Record<string, number>;
}

export function emptyRedactionCount(): RedactionCount {
	return { total: 0, byKind: {} };
}

// Cheap screen: text with none of these characters or words cannot hold any pattern above.
const MAYBE_SECRET = /[:=]|-----|eyJ|sk-|sk_|rk_|AKIA|ASIA|A[BCGINPR][A-Z]A|gh[pousr]_|github_pat|xox|xapp|AIza|bearer|token/i;

/** Replaces what looks like a secret with `[redacted]`, adding to `count`. */
export function redactText(text: string, count: RedactionCount = emptyRedactionCount()): string {
	if (!MAYBE_SECRET.test(text)) return text;
	let out = text;
	for (const { kind, pattern, replace } of PATTERNS) {
		out = out.replace(pattern, (...args: unknown[]) => {
			// A value already redacted by an earlier pattern is not counted twice.
			const match = args[0] as string;
			if (match.includes(REDACTED)) return match;
			count.total += 1;
			count.byKind[kind] = (count.byKind[kind] ?? 0) + 1;
			return replace ? replace(...(args.slice(0, -2) as [string, ...string[]])) : REDACTED;
		});
	}
	return out;
}

/** The events with secrets redacted in their text and actor; `count` says how many. */
export function redactEvents(events: ArtefactEvent[], count: RedactionCount = emptyRedactionCount()): ArtefactEvent[] {
	return events.map((e) => {
		const text = redactText(e.text, count);
		const actor = e.actor === null ? null : redactText(e.actor, count);
		return text === e.text && actor === e.actor ? e : { ...e, text, actor };
	});
}

/** Adds one count to another (several files, several runs). */
export function addRedactionCounts(into: RedactionCount, more: RedactionCount): RedactionCount {
	into.total += more.total;
	for (const [k, n] of Object.entries(more.byKind)) into.byKind[k] = (into.byKind[k] ?? 0) + n;
	return into;
}
