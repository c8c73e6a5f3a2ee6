import { getConfig } from '../../config.ts';
import type { ArchiveConfig, TrackerConfig } from '../../schemas/config.ts';
import { calendarDateIn } from '../../lib/format/dates.ts';
import { chooseTracker, trackerName } from '../../lib/tickets/tracker-spec.ts';
import { describeChange, syncChange, type SyncChange } from '../../lib/tickets/sync.ts';
import { itemsToFile, ticketDraft, type TicketSource } from '../../lib/tickets/ticket-draft.ts';
import { ticketRef, type TicketRef } from '../../lib/tickets/ticket-ref.ts';
import { formatFinding } from '../../lib/validation/findings.ts';
import { checkContentDir } from '../check-content.ts';
import { postmortemsDir } from '../content-dir.ts';
import { colours } from '../terminal.ts';
import { connect } from './connect.ts';
import { defaultRateLimitOptions, type RateLimitOptions } from './rate-limit.ts';
import type { TicketsOptions } from './tickets-args.ts';
import { refKey, type TrackerClient } from './tracker.ts';
import { redact, TrackerError } from './tracker-error.ts';
import { writeItemEdit } from './write-item.ts';

/** Where the command writes; tests pass their own. */
export interface TicketsIo {
	env: NodeJS.ProcessEnv;
	out: (text: string) => void;
	err: (text: string) => void;
	/** Today in the config's time zone (PM_AS_OF pins it). */
	today?: string;
	rateLimit?: RateLimitOptions;
}

interface Loaded {
	config: ArchiveConfig;
	tracker: TrackerConfig;
	sources: TicketSource[];
}

/** The rate-limit policy, saying on stderr when it waits. */
function limits(io: TicketsIo, name: string): RateLimitOptions {
	return io.rateLimit ?? { ...defaultRateLimitOptions, onWait: (ms) => io.err(`tickets: ${name} is rate-limiting; waiting ${Math.ceil(ms / 1000)} s, then trying again\n`) };
}

/** "filing 12 of 300" on stderr, on a terminal only (a log gets the report). */
function progress(io: TicketsIo, done: number, total: number, verb: string): void {
	if (!process.stderr.isTTY || total < 10) return;
	io.err(`\r${verb} ${done} of ${total}…${done === total ? '\n' : ''}`);
}

async function load(options: TicketsOptions, io: TicketsIo): Promise<Loaded | number> {
	const config = getConfig();
	const choice = chooseTracker(config.tracker, io.env.PM_TRACKER);
	if (!choice.ok) {
		io.err(`tickets: ${choice.message}\n`);
		return 2;
	}
	const checked = await checkContentDir(postmortemsDir(options.dir, io.env));
	if ('missing' in checked) {
		io.err(`tickets: no such folder: ${checked.missing} (set POSTMORTEMS_DIR or give a folder)\n`);
		return 2;
	}
	const errors = checked.result.findings.filter((f) => f.level === 'error');
	if (errors.length) {
		const files = new Set(errors.map((f) => f.file));
		io.err(`tickets: skipping ${files.size} invalid file${files.size === 1 ? '' : 's'} (nothing in them is filed or changed); npm run validate lists every problem:\n`);
		for (const f of errors.slice(0, 10)) io.err(`  ${formatFinding(f)}\n`);
	}
	return { config, tracker: choice.tracker, sources: checked.result.entries.map((e) => ({ file: e.file, slug: e.slug, data: e.data })) };
}

type FileOutcome = { id: string; file: string; title: string; action: 'would-file' | 'would-link' | 'filed' | 'linked' | 'failed'; url?: string; error?: string; warning?: string; assignee?: string };

/** `npm run tickets`: files what has no ticket (dry run unless --apply). Returns the exit code. */
export async function fileTickets(options: TicketsOptions, io: TicketsIo): Promise<number> {
	const loaded = await load(options, io);
	if (typeof loaded === 'number') return loaded;
	const { config, tracker, sources } = loaded;
	const c = colours(process.stdout);
	const name = trackerName(tracker);
	const drafts = itemsToFile(sources, options.includeReview).map(({ source, item }) => ticketDraft(source, item, tracker, config));

	const connection = connect(tracker, io.env, limits(io, name));
	if (!connection.ok && !options.dryRun) {
		io.err(`tickets: set ${connection.missing.join(', ')} to file tickets in ${name} (see docs/action-items.md)\n`);
		return 2;
	}
	const secrets = connection.ok ? connection.secrets : [];
	const say = (text: string) => io.out(redact(text, secrets));

	let filed = new Map<string, string>();
	let guardNote = '';
	if (connection.ok && drafts.length) {
		try {
			filed = await connection.client.findFiled(drafts.map((d) => d.itemId));
		} catch (error) {
			const message = (error as Error).message;
			// A dry run still lists what it would file; a real run without the guard could file duplicates: nothing.
			if (options.dryRun) guardNote = `Could not check ${name} for tickets already filed: ${message}`;
			else {
				io.err(redact(`tickets: could not look for tickets already filed, so nothing was filed: ${message}\n`, secrets));
				return 1;
			}
		}
	} else if (!connection.ok) {
		guardNote = `Not checked against ${name} for tickets already filed (${connection.missing.join(', ')} not set).`;
	}

	const outcomes: FileOutcome[] = [];
	for (const [n, d] of drafts.entries()) {
		if (!options.dryRun) progress(io, n + 1, drafts.length, 'filing');
		const base = { id: d.itemId, file: d.file, title: d.title, assignee: d.assignee };
		const existing = filed.get(d.itemId);
		if (options.dryRun) {
			outcomes.push({ ...base, action: existing ? 'would-link' : 'would-file', url: existing });
			continue;
		}
		let url = existing;
		let warning: string | undefined;
		if (!url) {
			try {
				({ url, warning } = await (connection as { client: TrackerClient }).client.create(d));
			} catch (error) {
				const message = (error as Error).message;
				outcomes.push({ ...base, action: 'failed', error: `${message}; nothing was written for it` });
				if (error instanceof TrackerError && error.fatal) break;
				continue;
			}
		}
		const written = await writeItemEdit(d.file, d.itemId, { set: { ticket: url } });
		if (!written.ok) outcomes.push({ ...base, action: 'failed', url, error: `${url} was ${existing ? 'found' : 'filed'} but could not be written back: ${written.reason}` });
		else outcomes.push({ ...base, action: existing ? 'linked' : 'filed', url, warning });
	}
	const stopped = drafts.length - outcomes.length;

	const count = (a: FileOutcome['action']) => outcomes.filter((o) => o.action === a).length;
	if (options.json) {
		say(`${JSON.stringify({ schemaVersion: 1, mode: 'file', dryRun: options.dryRun, tracker: name, checkedForDuplicates: connection.ok, items: outcomes, notAttempted: stopped }, null, 2)}\n`);
	} else {
		const lines: string[] = [];
		lines.push(c.bold(options.dryRun ? `Tickets for ${name}: dry run, nothing is filed or written (add --apply to file them)` : `Tickets for ${name}`));
		if (drafts.length === 0) lines.push(`Every open action item of the ${options.includeReview ? 'published and in-review' : 'published'} postmortems has a ticket.`);
		for (const o of outcomes) {
			const who = o.assignee ? ` (assignee ${o.assignee})` : '';
			if (o.action === 'would-file') lines.push(`  would file  ${o.title}${who}\n              ${c.dim(o.file)}`);
			if (o.action === 'would-link') lines.push(`  would link  ${o.id}  already filed: ${o.url}\n              ${c.dim(o.file)}`);
			if (o.action === 'filed') lines.push(`  ${c.green('filed')}       ${o.id}  ${o.url}  ${c.dim(o.file)}`);
			if (o.action === 'linked') lines.push(`  ${c.green('linked')}      ${o.id}  already filed: ${o.url}  ${c.dim(o.file)}`);
			if (o.action === 'failed') lines.push(`  ${c.red('failed')}      ${o.id}  ${o.error}  ${c.dim(o.file)}`);
			if (o.warning) lines.push(`  ${c.yellow('warning')}     ${o.id}  ${o.warning}`);
		}
		if (guardNote) lines.push('', guardNote);
		const summary = options.dryRun
			? `${count('would-file')} to file, ${count('would-link')} already filed (their links would be written).`
			: `${count('filed')} filed, ${count('linked')} already filed and linked, ${count('failed')} failed${stopped ? `, ${stopped} not attempted (the run stopped at the first credentials or permission error)` : ''}.`;
		lines.push('', summary);
		say(`${lines.join('\n')}\n`);
	}
	return count('failed') > 0 || stopped > 0 ? 1 : 0;
}

type SyncOutcome = { id: string; file: string; ticket: string; change?: string; written?: boolean; error?: string };

/** `npm run tickets -- --sync`: reads every linked ticket and writes back drift (not with --dry-run). */
export async function syncTickets(options: TicketsOptions, io: TicketsIo): Promise<number> {
	const loaded = await load(options, io);
	if (typeof loaded === 'number') return loaded;
	const { config, tracker, sources } = loaded;
	const c = colours(process.stdout);
	const name = trackerName(tracker);
	const connection = connect(tracker, io.env, limits(io, name));
	if (!connection.ok) {
		io.err(`tickets: set ${connection.missing.join(', ')} to read tickets from ${name} (see docs/action-items.md)\n`);
		return 2;
	}
	const say = (text: string) => io.out(redact(text, connection.secrets));
	const today = io.today ?? io.env.PM_AS_OF ?? calendarDateIn(new Date(), config.timeZone);

	const linked: Array<{ source: TicketSource; item: TicketSource['data']['actionItems'][number]; ref: TicketRef }> = [];
	let elsewhere = 0;
	for (const source of sources) {
		for (const item of source.data.actionItems) {
			if (!item.ticket) continue;
			const ref = ticketRef(item.ticket, tracker, connection.jiraHost);
			if (ref) linked.push({ source, item, ref });
			else elsewhere++;
		}
	}

	let states;
	try {
		states = await connection.client.readStates(linked.map((l) => l.ref));
	} catch (error) {
		io.err(redact(`tickets: ${(error as Error).message}; nothing was written\n`, connection.secrets));
		return 1;
	}

	const outcomes: SyncOutcome[] = [];
	const changes: Array<{ l: (typeof linked)[number]; change: SyncChange }> = [];
	for (const l of linked) {
		const state = states.get(refKey(l.ref));
		const base = { id: l.item.id, file: l.source.file, ticket: l.item.ticket! };
		if (!state) outcomes.push({ ...base, error: 'the tracker did not answer for this ticket; nothing was written for it' });
		else if (state instanceof TrackerError) outcomes.push({ ...base, error: `${state.message}; nothing was written for it` });
		else {
			const change = syncChange(l.item, state, config.timeZone, today);
			if (change) changes.push({ l, change });
		}
	}
	for (const { l, change } of changes) {
		const base = { id: l.item.id, file: l.source.file, ticket: l.item.ticket!, change: describeChange(change) };
		if (options.dryRun) {
			outcomes.push({ ...base, written: false });
			continue;
		}
		const written = await writeItemEdit(l.source.file, l.item.id, change.edit);
		outcomes.push(written.ok ? { ...base, written: true } : { ...base, written: false, error: `could not write the change: ${written.reason}` });
	}
	const failed = outcomes.filter((o) => o.error);
	if (options.json) {
		say(`${JSON.stringify({ schemaVersion: 1, mode: 'sync', dryRun: options.dryRun, tracker: name, read: linked.length, otherTrackers: elsewhere, items: outcomes }, null, 2)}\n`);
	} else {
		const drift = outcomes.filter((o) => o.change);
		const lines = [c.bold(`Ticket sync with ${name}${options.dryRun ? ': dry run, nothing is written' : ''}`)];
		lines.push(`${linked.length} linked ticket${linked.length === 1 ? '' : 's'} read; ${drift.length} drifted from the files.`);
		for (const o of drift) {
			const mark = o.error ? c.red('failed ') : o.written ? c.green('fixed  ') : 'would fix';
			lines.push(`  ${mark}  ${o.id}  ${o.change}  ${o.ticket}\n             ${c.dim(o.file)}${o.error ? `  ${o.error}` : ''}`);
		}
		for (const o of failed.filter((x) => !x.change)) lines.push(`  ${c.red('not read')}  ${o.id}  ${o.ticket}: ${o.error}`);
		if (elsewhere) lines.push('', `${elsewhere} item${elsewhere === 1 ? ' links' : 's link'} to tickets outside ${name}; left as they are.`);
		if (!options.dryRun && drift.length) lines.push('', `${drift.filter((o) => o.written).length} change${drift.length === 1 ? '' : 's'} written.`);
		say(`${lines.join('\n')}\n`);
	}
	return failed.length ? 1 : 0;
}
