import { runDraftCommand } from '../src/cli/draft-command.ts';
import { runCli } from '../src/cli/run.ts';
import { parseCommandLine, usageError } from '../src/cli/command-line.ts';
import { postmortemsDir } from '../src/cli/content-dir.ts';
import { runFirstDraftCommand } from '../src/cli/first-draft-command.ts';
import { SEVERITIES, type Severity } from '../src/schemas/severity.ts';

const HELP = `Usage: npm run draft [-- options]
       npm run draft -- --from DIR [--title "..."] [--severity SEV2] [--dry-run] [--json]

Drafts the missing summary and lessons of every postmortem not yet published with
Claude, checks each draft for blame language, and writes it into the file with
drafted: {model, at, fields, reviewed: false} for people to review. Fields people
wrote are never touched. Reads $POSTMORTEMS_DIR or content/postmortems.

Needs ANTHROPIC_API_KEY; without it, says how many postmortems await drafting
and exits 0. ANTHROPIC_BASE_URL is honoured.

With --from DIR, writes a whole first draft instead: reads the incident's
artefacts (chat, pager log, deploys, alerts, annotations, tickets, notes; or a
timeline JSON file from npm run timeline -- DIR --json), asks Claude for the
timeline, contributing factors, impact, lessons and action items, checks the
answer (refs exist, no invented numbers, no self-narration, blameless), fills in
ids, due dates, owners and timestamps by policy, and writes a NEW file
<date of first event>-<slug>.md with status: draft (never overwriting one).

Options:
  --from DIR         write a first draft from this artefact folder (or timeline JSON)
  --title TEXT       with --from: the title (otherwise drafted)
  --severity SEV     with --from: SEV1 to SEV4 (default SEV3); sets the due dates
  --tz ZONE          with --from: time zone of zone-less artefact times
  --dry-run          show what would be drafted and the prompt sizes; send nothing
  --only SLUG        draft only this postmortem (repeatable)
  --concurrency N    requests in flight at once (default 4)
  --model NAME       the Claude model (default: $PM_DRAFT_MODEL, else drafting.model
                     in postmortems.config.ts)
  --force            also redraft fields the model wrote that nobody has reviewed
  --batch            submit the drafts as one Message Batches job (half price); run
                     again (or with --resume) to collect the results
  --resume           collect a submitted batch
  --timeout S        give up on one attempt of a request after S seconds (default 60);
                     a timed-out attempt is retried like a dropped connection
  --retries N        retries after a failed attempt (default 4)
  --deadline M       stop sending after M minutes (default 30): files not drafted by
                     then fail and are left as they were
  --json             print the report as JSON on stdout
  -h, --help         show this help

Exit status: 0 done (or nothing to do), 1 a draft failed or another run holds
the lock (with --from: no key, or the draft was refused), 2 bad usage.`;

const usage = { name: 'draft', help: HELP };
const { values: v } = parseCommandLine(usage, {
	options: {
		'dry-run': { type: 'boolean' },
		only: { type: 'string', multiple: true },
		concurrency: { type: 'string' },
		model: { type: 'string' },
		force: { type: 'boolean' },
		batch: { type: 'boolean' },
		resume: { type: 'boolean' },
		json: { type: 'boolean' },
		from: { type: 'string' },
		title: { type: 'string' },
		severity: { type: 'string' },
		tz: { type: 'string' },
		timeout: { type: 'string' },
		retries: { type: 'string' },
		deadline: { type: 'string' },
	},
});
const concurrency = v.concurrency === undefined ? 4 : Number(v.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) usageError(usage, `--concurrency must be a whole number from 1 to 32, not "${v.concurrency}"`);
if (v.model !== undefined && !v.model.trim()) usageError(usage, '--model needs a model name, e.g. claude-sonnet-5-5');
const positive = (name: string, value: string | undefined, whole = false): number | undefined => {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n)) || (!whole && n === 0)) usageError(usage, `--${name} must be a ${whole ? 'whole number, 0 or more' : 'number above 0'}, not "${value}"`);
	return n;
};
const timeoutS = positive('timeout', v.timeout);
const retries = positive('retries', v.retries, true);
const deadlineMin = positive('deadline', v.deadline);
if (v.resume && v['dry-run']) usageError(usage, '--resume collects a batch; it cannot be combined with --dry-run');

if (v.from === undefined && (v.title !== undefined || v.severity !== undefined || v.tz !== undefined)) usageError(usage, '--title, --severity and --tz go with --from DIR');
if (v.from !== undefined) {
	if (!v.from.trim()) usageError(usage, '--from needs an artefact folder, e.g. --from examples/incidents/orders-migration-lock');
	const other = (['only', 'concurrency', 'force', 'batch', 'resume'] as const).filter((k) => v[k] !== undefined);
	if (other.length > 0) usageError(usage, `--from writes one new first draft; it cannot be combined with --${other.join(', --')}`);
	const severity = v.severity?.toUpperCase();
	if (severity !== undefined && !(SEVERITIES as readonly string[]).includes(severity)) usageError(usage, `--severity must be one of ${SEVERITIES.join(', ')}, not "${v.severity}"`);
	if (v.title !== undefined && v.title.trim().length < 3) usageError(usage, '--title must be at least 3 characters');
	const budgetText = process.env.PM_DRAFT_EVENT_BUDGET?.trim();
	const eventBudget = budgetText ? Number(budgetText) : undefined;
	if (eventBudget !== undefined && !(Number.isInteger(eventBudget) && eventBudget >= 100)) usageError(usage, `PM_DRAFT_EVENT_BUDGET must be a whole number of tokens, at least 100, not "${budgetText}"`);
	await runCli(() =>
		runFirstDraftCommand({
			dir: postmortemsDir(),
			from: v.from!,
			title: v.title?.trim(),
			severity: severity as Severity | undefined,
			tz: v.tz,
			dryRun: Boolean(v['dry-run']),
			json: Boolean(v.json),
			model: v.model,
			eventBudget,
		}),
	);
} else {
	await runCli(() =>
		runDraftCommand({
			dir: postmortemsDir(),
			dryRun: Boolean(v['dry-run']),
			only: v.only ?? [],
			concurrency,
			model: v.model,
			force: Boolean(v.force),
			batch: Boolean(v.batch),
			resume: Boolean(v.resume),
			json: Boolean(v.json),
			timeoutMs: timeoutS === undefined ? undefined : timeoutS * 1000,
			maxRetries: retries,
			deadlineMs: deadlineMin === undefined ? undefined : deadlineMin * 60_000,
		}),
	);
}
