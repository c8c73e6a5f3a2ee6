import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '../config.ts';
import type { Severity } from '../schemas/severity.ts';
import { postmortemSchema } from '../schemas/postmortem.ts';
import { postmortemSlug } from '../lib/authoring/scaffold.ts';
import { addUsage, emptyUsage } from '../lib/drafting/cost.ts';
import { pickStyleExamples } from '../lib/drafting/examples.ts';
import { condenseEvents, condenseLine, eventLine } from '../lib/drafting/first-draft/condense.ts';
import { actorsOf, refIndex, sourceFiles } from '../lib/drafting/first-draft/events.ts';
import { fillDraft } from '../lib/drafting/first-draft/fill.ts';
import { numbersIn } from '../lib/drafting/first-draft/guards.ts';
import { draftFromArtefacts } from '../lib/drafting/first-draft/pipeline.ts';
import { firstDraftPrompt } from '../lib/drafting/first-draft/prompt.ts';
import { renderFirstDraft } from '../lib/drafting/first-draft/render.ts';
import { firstDraftRequestParams, requestFirstDraft } from './drafting/first-draft-request.ts';
import { promptSize } from '../lib/drafting/prompt.ts';
import { createDraftClient } from './drafting/request.ts';
import { calendarDateIn } from '../lib/format/dates.ts';
import { PLACEHOLDERS } from '../lib/validation/placeholders.ts';
import { validateFile } from '../lib/validation/validate-archive.ts';
import { loadArtefactEvents } from './drafting/artefact-events.ts';
import { acquireLock } from './drafting/lock.ts';
import { checkContentDir } from './check-content.ts';
import { displayPath } from './content-dir.ts';
import { chooseModel, draftWouldCall, hasApiKey } from './draft-command.ts';
import { firstDraftReportJson, firstDraftReportLines, type FirstDraftReport } from './first-draft-report.ts';
import { usageLine } from './draft-report.ts';

/** What `npm run draft -- --from DIR` was asked to do. */
export interface FirstDraftOptions {
	/** The postmortems folder the new file goes into. */
	dir: string;
	/** The artefact folder (or timeline JSON file). */
	from: string;
	title?: string;
	severity?: Severity;
	dryRun: boolean;
	json: boolean;
	model?: string;
	/** Time zone for zone-less artefact times (default: the archive's). */
	tz?: string;
	/** Token budget for the events (tests make it small). */
	eventBudget?: number;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** The file name for a new draft that touches nothing existing: `<slug>.md`, else `<slug>-2.md`, `-3`, … */
async function freeSlug(dir: string, base: string): Promise<string> {
	for (let n = 1; ; n++) {
		const slug = n === 1 ? base : `${base}-${n}`;
		const taken = (await stat(path.join(dir, `${slug}.md`)).catch(() => undefined)) ?? (await stat(path.join(dir, slug)).catch(() => undefined));
		if (!taken) return slug;
	}
}

/** Runs one first draft; resolves to the exit code. */
export async function runFirstDraftCommand(opts: FirstDraftOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
	const config = getConfig();
	const loaded = await loadArtefactEvents(opts.from, {
		timeZone: opts.tz ?? config.timeZone,
	});
	if (!loaded.ok) {
		say(`draft: ${loaded.message}`);
		return loaded.usage ? 2 : 1;
	}
	for (const w of loaded.warnings) say(`draft: ${w}`);
	if (loaded.errors.length > 0) {
		// A draft from half the artefacts would look complete and not be: fix the exports first.
		for (const e of loaded.errors.slice(0, 20)) say(`draft: ${e}`);
		say(`draft: ${loaded.errors.length} artefact ${loaded.errors.length === 1 ? 'problem' : 'problems'}; nothing was drafted (npm run timeline -- ${opts.from} shows the events that could be read)`);
		return 1;
	}
	if (loaded.events.length === 0) {
		say(`draft: ${opts.from} holds no events; nothing to draft from`);
		return 1;
	}
	const checked = await checkContentDir(opts.dir);
	if ('missing' in checked) {
		say(`draft: no postmortems folder at ${checked.missing} (set POSTMORTEMS_DIR or create content/postmortems)`);
		return 2;
	}
	const entries = checked.result.entries;
	const model = chooseModel(opts.model, env, config.drafting.model);
	const severity: Severity = opts.severity ?? 'SEV3';
	const notes: string[] = [];
	if (!opts.severity) notes.push('no --severity given: SEV3 assumed (due dates follow from it); correct it in the file if it was worse');

	const events = loaded.events;
	const condensed = condenseEvents(events, opts.eventBudget);
	const condensedNote = condenseLine(condensed.report);
	const knownServices = [...new Set(entries.flatMap((e) => e.data.services))].sort();
	const examples = pickStyleExamples(entries, {
		blameWords: config.policy.blameWords,
	});
	const prompt = firstDraftPrompt(examples, {
		events: condensed.events,
		title: opts.title,
		severity,
		knownServices,
		condensedNote,
	});
	const size = promptSize(prompt);
	const firstAt = events[0]!.at;
	const date = calendarDateIn(new Date(firstAt), config.timeZone);
	const sources = sourceFiles(events);
	const base: FirstDraftReport = {
		from: displayPath(path.resolve(opts.from)),
		model,
		events: events.length,
		redactions: loaded.redactions,
		condense: condensed.report,
		prompt: {
			prefixTokens: size.prefixTokens,
			subjectTokens: size.subjectTokens,
		},
		sources,
		notes,
	};

	if (opts.dryRun) {
		const slug = opts.title ? postmortemSlug(opts.title, date) : `${date}-<slug of the drafted title>`;
		const report = {
			...base,
			dryRun: true,
			wouldWrite: displayPath(path.join(opts.dir, `${slug}.md`)),
		};
		if (opts.json) console.log(JSON.stringify({ ...firstDraftReportJson(report), promptEvents: condensed.events }, null, 2));
		else {
			for (const e of condensed.events) console.log(eventLine(e));
			for (const line of firstDraftReportLines(report)) say(line);
		}
		return 0;
	}
	if (!draftWouldCall(env)) {
		say(
			hasApiKey(env)
				? 'draft: under Vitest only a stand-in on 127.0.0.1 is called (set ANTHROPIC_BASE_URL to one); nothing was sent'
				: 'draft: a first draft needs ANTHROPIC_API_KEY; nothing was sent. npm run draft -- --from DIR --dry-run shows what would be sent without one.',
		);
		return 1;
	}

	const lockFile = path.join(opts.dir, '.draft.lock');
	const lock = await acquireLock(lockFile);
	if (!lock.ok) {
		const who = lock.holder ? `pid ${lock.holder.pid} on ${lock.holder.host}, started ${lock.holder.startedAt}` : 'another run';
		say(`draft: another drafting run holds ${lockFile} (${who}); wait for it to finish. If no draft is running, delete that file.`);
		return 1;
	}
	try {
		const client = createDraftClient();
		const usage = emptyUsage();
		const params = firstDraftRequestParams(model, prompt);
		const index = refIndex(events);
		if (!opts.json) say(`draft: drafting a first draft from ${events.length} events (${base.from}) with ${model}`);
		const guarded = await draftFromArtefacts({
			prompt,
			index,
			knownNumbers: numbersIn(events.map((e) => e.text)),
			tone: { blameWords: config.policy.blameWords, people: actorsOf(events) },
			send: async (messages) => {
				const outcome = await requestFirstDraft(client, {
					...params,
					messages,
				});
				addUsage(usage, outcome.usage);
				return outcome;
			},
		});
		const runUsage = { live: usage, batch: emptyUsage() };
		const finish = (report: FirstDraftReport, code: number) => {
			if (opts.json) console.log(JSON.stringify({ ...firstDraftReportJson(report), usage: runUsage }, null, 2));
			else {
				for (const line of firstDraftReportLines(report)) say(line);
				say(usageLine(runUsage, model));
			}
			return code;
		};
		if (!guarded.ok)
			return finish(
				{
					...base,
					failed: guarded.reason,
					problems: guarded.problems,
					retried: guarded.retried,
				},
				1,
			);

		const filled = fillDraft(guarded.draft, {
			severity,
			title: opts.title,
			policy: config.policy,
			owners: {
				configured: config.owners,
				archive: entries.map((e) => e.data),
				events,
			},
			existingIds: entries.flatMap((e) => e.data.actionItems.map((a) => a.id)),
			index,
			firstEventAt: firstAt,
			author: PLACEHOLDERS.author,
		});
		const title = String(filled.frontmatter.title);
		const slug = await freeSlug(opts.dir, postmortemSlug(title, date));
		const file = path.join(opts.dir, `${slug}.md`);
		const text = renderFirstDraft(filled.frontmatter, { model, at: new Date(), fields: filled.fields, sources }, base.from);
		const report: FirstDraftReport = {
			...base,
			retried: guarded.retried,
			dropped: guarded.draft ? guarded.dropped : [],
			items: filled.items,
			remediationAdded: filled.remediationAdded,
			notes: [...notes, ...filled.notes],
		};
		// The file must be a valid draft before it exists: the schema, then the validator's errors.
		const check = validateFile({ file: displayPath(file), slug, text }, config.policy);
		const errors = check.findings.filter((f) => f.level === 'error');
		if (!check.entry || errors.length > 0 || !postmortemSchema.safeParse(check.entry.raw).success) {
			const why = errors[0] ? `${errors[0].path}: ${errors[0].message}` : 'it does not match the format';
			return finish(
				{
					...report,
					failed: `the drafted file would not be valid (${why}); nothing was written`,
				},
				1,
			);
		}
		await mkdir(opts.dir, { recursive: true });
		try {
			await writeFile(file, text, { flag: 'wx' });
		} catch (error) {
			return finish(
				{
					...report,
					failed: `could not write ${displayPath(file)}: ${(error as Error).message}`,
				},
				1,
			);
		}
		return finish(
			{
				...report,
				written: displayPath(file),
				warnings: check.findings.length,
			},
			0,
		);
	} finally {
		lock.release();
	}
}
