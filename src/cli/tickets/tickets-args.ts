import type { CommandLine } from '../command-line.ts';

export const TICKETS_HELP = `Usage: npm run tickets [-- [options] [DIR]]

Files a ticket in the configured tracker (GitHub Issues or Jira Cloud) for every
open action item without a ticket in the published postmortems of DIR (default:
$POSTMORTEMS_DIR or content/postmortems), and writes the ticket's URL back into
the file (only a ticket: line is added). With --sync, reads the linked tickets
and writes back what changed in the tracker.

Filing (the default):
  (no option)          dry run: list what would be filed; nothing is created or written
  --apply              file the tickets and write their links into the files
  --include-review     also file items of postmortems in review

Sync:
  --sync               read every linked ticket and fix drift: closed → done (completedOn
                       the close date), closed as not planned / won't do → wont-do,
                       reopened → open
  --dry-run            with --sync: show the drift, write nothing

Both:
  --json               print a JSON report on stdout
  -h, --help           show this help

The tracker is tracker in postmortems.config.ts, or PM_TRACKER=github:owner/name or
jira:KEY. Credentials come from the environment only: GITHUB_TOKEN (and GITHUB_API_URL
for GitHub Enterprise); JIRA_HOST, JIRA_EMAIL and JIRA_API_TOKEN. Each ticket carries
a marker with the item id, and filing looks for it first, so a repeated or crashed run
never files a duplicate. Set-up and token permissions: docs/action-items.md.

Exit status: 0 done, 1 some tickets could not be filed or read (the rest were),
2 bad usage, configuration or missing credentials.`;

export interface TicketsOptions {
	mode: 'file' | 'sync';
	/** Write nothing (filing: the default; sync: --dry-run). */
	dryRun: boolean;
	includeReview: boolean;
	json: boolean;
	dir?: string;
}

export type ParsedTicketsArgs = { ok: true; options: TicketsOptions } | { ok: false; message: string };

/** The options `npm run tickets` takes (node:util parseArgs; `--help` comes with every command). */
export const TICKETS_ARGS = {
	allowPositionals: true,
	options: {
		apply: { type: 'boolean' },
		'include-review': { type: 'boolean' },
		sync: { type: 'boolean' },
		'dry-run': { type: 'boolean' },
		json: { type: 'boolean' },
	},
} as const;

/** Checks the parsed command line; usage problems come back as a message (exit 2), never thrown. */
export function ticketsOptions(parsed: CommandLine<typeof TICKETS_ARGS>): ParsedTicketsArgs {
	const v = parsed.values;
	if (parsed.positionals.length > 1) return { ok: false, message: 'give at most one folder' };
	if (v.apply && v['dry-run']) return { ok: false, message: 'choose one of --apply and --dry-run' };
	if (v.sync && v['include-review']) return { ok: false, message: '--include-review is for filing; --sync reads every linked ticket already' };
	const mode = v.sync ? 'sync' : 'file';
	return {
		ok: true,
		options: {
			mode,
			dryRun: mode === 'sync' ? Boolean(v['dry-run']) : !v.apply,
			includeReview: Boolean(v['include-review']),
			json: Boolean(v.json),
			dir: parsed.positionals[0],
		},
	};
}
