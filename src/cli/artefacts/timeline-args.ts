import type { CommandLine } from '../command-line.ts';
import { isKnownTimeZone, parseInstant } from '../../lib/format/zoned-time.ts';

export const TIMELINE_HELP = `Usage: npm run timeline -- [options] DIR

Reads an incident's raw exports in DIR (a Slack export, PagerDuty log entries,
GitHub deployments or a deploys CSV, Alertmanager webhook payloads, Grafana
annotations, a Zendesk export or a tickets CSV, notes with timed lines; every
file is recognised by its content) and prints one timeline: times in UTC,
sorted, the same event seen twice within a minute once, secrets redacted.
Nothing in DIR is changed. How to export from each tool: docs/artefacts.md.

Options:
  --json         print {"schemaVersion": 1, "events": [...]} (docs/artefacts.md)
  --yaml         print a timeline: block to paste into a postmortem
  --from TIME    leave out events before TIME (2026-07-22T02:00:00Z, or
                 2026-07-22 02:00 read in --tz)
  --to TIME      leave out events after TIME (a bare 02:10 is on the day of
                 the first event)
  --tz ZONE      IANA zone for times written without one, and for the table
                 (default: timeZone in postmortems.config.ts)
  --strict       exit 1 on warnings too (ids without users.json, events far
                 outside the incident)
  -h, --help     show this help

The table shows time (with its UTC offset), source, actor and text; on a
terminal long text is cut to the width. A summary line (events per source,
the window, redactions) goes to stderr, as do problems.

Exit status: 0 done, 1 a file could not be read (the rest is still printed),
2 bad usage or DIR missing.

Examples:
  npm run timeline -- examples/incidents/2026-07-22-orders-migration-lock
  npm run timeline -- artefacts/ --from "2026-07-22 01:30" --to "2026-07-22 05:00" --tz Europe/Berlin
  npm run -s timeline -- artefacts/ --json > timeline.json`;

export interface TimelineOptions {
	dir: string;
	format: 'table' | 'json' | 'yaml';
	/** The zone given with --tz, if any (the caller falls back to the config's). */
	tz?: string;
	/** Raw --from / --to; read with timeWindow() once the zone is known. */
	from?: string;
	to?: string;
	strict: boolean;
}

export type ParsedTimelineArgs = { ok: true; options: TimelineOptions } | { ok: false; message: string };

/** The options `npm run timeline` takes (node:util parseArgs; `--help` comes with every command). */
export const TIMELINE_ARGS = {
	allowPositionals: true,
	options: {
		json: { type: 'boolean' },
		yaml: { type: 'boolean' },
		from: { type: 'string' },
		to: { type: 'string' },
		tz: { type: 'string' },
		strict: { type: 'boolean' },
	},
} as const;

/** Checks what was parsed; usage problems come back as a message (exit 2), never thrown. */
export function timelineOptions(parsed: CommandLine<typeof TIMELINE_ARGS>): ParsedTimelineArgs {
	const v = parsed.values;
	const [dir, ...more] = parsed.positionals;
	if (dir === undefined) return { ok: false, message: "give the folder that holds the incident's exports, e.g. npm run timeline -- examples/incidents/2026-07-22-orders-migration-lock" };
	if (more.length) return { ok: false, message: `give one folder, not ${parsed.positionals.length} (${parsed.positionals.join(', ')})` };
	if (v.json && v.yaml) return { ok: false, message: 'choose one of --json and --yaml' };
	if (v.tz !== undefined && !isKnownTimeZone(v.tz)) return { ok: false, message: `--tz "${v.tz}" is not a time zone; use an IANA name such as UTC or Europe/Berlin` };
	return {
		ok: true,
		options: { dir, format: v.json ? 'json' : v.yaml ? 'yaml' : 'table', tz: v.tz, from: v.from, to: v.to, strict: Boolean(v.strict) },
	};
}

/**
 * --from and --to as epoch ms, read in `timeZone` when they carry no zone; a
 * bare clock time (`02:10`) is on `incidentDay` (the first event's day). A
 * message when one is not a time.
 */
export function timeWindow(options: Pick<TimelineOptions, 'from' | 'to'>, timeZone: string, incidentDay?: string): { from?: number; to?: number } | { message: string } {
	const out: { from?: number; to?: number } = {};
	for (const flag of ['from', 'to'] as const) {
		const raw = options[flag]?.trim();
		if (raw === undefined) continue;
		const clock = /^\d{1,2}:\d{2}(:\d{2})?$/.test(raw);
		if (clock && !incidentDay) return { message: `--${flag} "${raw}" has no date and there is no event to take the day from; write it like 2026-07-22T02:00:00Z` };
		const ms = parseInstant(clock ? `${incidentDay} ${raw}` : raw, timeZone);
		if (ms === undefined) return { message: `--${flag} "${raw}" is not a time; write it like 2026-07-22T02:00:00Z, "2026-07-22 02:00" (read in --tz) or 02:00 (on the first event's day)` };
		out[flag] = ms;
	}
	if (out.from !== undefined && out.to !== undefined && out.from > out.to) return { message: `--from (${options.from}) is after --to (${options.to})` };
	return out;
}
