import type { CommandLine } from './command-line.ts';
import { PRIORITIES, type Priority } from '../schemas/action-item.ts';
import { SEVERITIES, type Severity } from '../schemas/severity.ts';
import { isIsoDate } from '../lib/format/dates.ts';

export const OVERDUE_HELP = `Usage: npm run overdue [-- [options] [DIR]]

Lists the overdue action items of the published postmortems in DIR (default:
$POSTMORTEMS_DIR or content/postmortems), grouped by owner, most overdue first.
An item is overdue when it is open or in progress and its due date is before
today (in the time zone of postmortems.config.ts) or the --as-of date.

Options:
  --as-of YYYY-MM-DD   count days as of this date instead of today (PM_AS_OF also sets it)
  --owner HANDLE       only this owner's items; repeat or comma-separate for several
                       (case and a leading @ do not matter: platform-team = @Platform-Team)
  --severity SEV1      only items of incidents of this severity; repeat or comma-separate
  --priority P0        only items of this priority; repeat or comma-separate (P0,P1)
  --all                list open items that are not yet due too
  --json               print JSON on stdout (shape in docs/action-items.md)
  --markdown           print Markdown to paste into a review meeting or a chat message
  --fail-on-overdue    exit 1 when any matching item is overdue (for scheduled jobs)
  -h, --help           show this help

Invalid postmortem files are named on stderr and skipped; with --fail-on-overdue
they fail the run too, since nothing can be vouched for in them.
SHOW_DRAFTS=1 includes drafts and postmortems in review, as in the site build.

Exit status: 0 nothing matching is overdue (or --fail-on-overdue not given),
1 --fail-on-overdue and something matching is overdue (or a file is invalid),
2 bad usage or missing folder.

Examples:
  npm run overdue
  npm run overdue -- --owner @platform-team --markdown
  npm run overdue -- --priority P0,P1 --as-of 2026-12-01 --json
  npm run overdue -- --priority P0 --fail-on-overdue`;

/** What the overdue command was asked for. */
export interface OverdueOptions {
	asOf?: string;
	/** Normalised owner handles (lower case, no leading @). */
	owners: string[];
	severities: Severity[];
	priorities: Priority[];
	all: boolean;
	format: 'table' | 'json' | 'markdown';
	failOnOverdue: boolean;
	dir?: string;
}

export type ParsedOverdueArgs = { ok: true; options: OverdueOptions } | { ok: false; message: string };

/** Owner handles compare without case and without a leading @. */
export function normaliseOwner(owner: string): string {
	return owner.trim().replace(/^@/, '').toLowerCase();
}

function splitList(values: string[] | undefined): string[] {
	return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function pickAll<T extends string>(flag: string, values: string[], allowed: readonly T[]): T[] | string {
	const out: T[] = [];
	for (const v of values) {
		const match = allowed.find((a) => a === v.toUpperCase());
		if (!match) return `--${flag} "${v}" is not one of ${allowed.join(', ')}`;
		if (!out.includes(match)) out.push(match);
	}
	return out;
}

/** The options `npm run overdue` takes (node:util parseArgs; `--help` comes with every command). */
export const OVERDUE_ARGS = {
	allowPositionals: true,
	options: {
		'as-of': { type: 'string' },
		owner: { type: 'string', multiple: true },
		severity: { type: 'string', multiple: true },
		priority: { type: 'string', multiple: true },
		all: { type: 'boolean' },
		json: { type: 'boolean' },
		markdown: { type: 'boolean' },
		'fail-on-overdue': { type: 'boolean' },
	},
} as const;

/** Checks the parsed command line; usage problems come back as a message (exit 2), never thrown. */
export function overdueOptions(parsed: CommandLine<typeof OVERDUE_ARGS>): ParsedOverdueArgs {
	const v = parsed.values;
	if (parsed.positionals.length > 1) return { ok: false, message: 'give at most one folder' };
	const asOf = v['as-of'];
	if (asOf !== undefined && !isIsoDate(asOf)) return { ok: false, message: `--as-of "${asOf}" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-21` };
	if (v.json && v.markdown) return { ok: false, message: 'choose one of --json and --markdown' };
	const severities = pickAll('severity', splitList(v.severity), SEVERITIES);
	if (typeof severities === 'string') return { ok: false, message: severities };
	const priorities = pickAll('priority', splitList(v.priority), PRIORITIES);
	if (typeof priorities === 'string') return { ok: false, message: priorities };
	const owners = splitList(v.owner).map(normaliseOwner);
	if ((v.owner?.length ?? 0) > 0 && owners.length === 0) return { ok: false, message: '--owner needs a handle, e.g. --owner @platform-team' };
	return {
		ok: true,
		options: {
			asOf,
			owners,
			severities,
			priorities,
			all: Boolean(v.all),
			format: v.json ? 'json' : v.markdown ? 'markdown' : 'table',
			failOnOverdue: Boolean(v['fail-on-overdue']),
			dir: parsed.positionals[0],
		},
	};
}
