import type { CondenseReport } from '../lib/drafting/first-draft/condense.ts';
import { condenseLine } from '../lib/drafting/first-draft/condense.ts';
import type { FilledItem } from '../lib/drafting/first-draft/fill.ts';
import type { Dropped } from '../lib/drafting/first-draft/guards.ts';

/** What a first-draft run did, for people (lines) and machines (JSON). Pure formatting. */
export interface FirstDraftReport {
	from: string;
	model: string;
	events: number;
	redactions: number;
	condense: CondenseReport;
	prompt: { prefixTokens: number; subjectTokens: number };
	sources: string[];
	notes: string[];
	dryRun?: boolean;
	wouldWrite?: string;
	written?: string;
	/** How many validator warnings the written draft has (placeholders to fill in, mostly). */
	warnings?: number;
	failed?: string;
	problems?: string[];
	retried?: boolean;
	dropped?: Dropped[];
	items?: FilledItem[];
	remediationAdded?: boolean;
}

const n = (v: number) => v.toLocaleString('en-US');

const OWNER_FROM = {
	config: 'from owners in postmortems.config.ts',
	history: "from the archive's history for the service",
	artefacts: 'suggested by the model, named in the artefacts',
	todo: 'TODO: nobody clear; a person must choose',
} as const;

export function firstDraftReportLines(r: FirstDraftReport): string[] {
	const lines: string[] = [];
	lines.push(
		`draft: ${n(r.events)} events from ${r.sources.length} artefact ${r.sources.length === 1 ? 'file' : 'files'} in ${r.from}; ${n(r.redactions)} ${r.redactions === 1 ? 'secret' : 'secrets'} redacted`,
	);
	const condensed = condenseLine(r.condense);
	lines.push(
		condensed ? `draft: ${condensed}` : `draft: events ≈ ${n(r.condense.tokensIn)} tokens, within the budget of ${n(r.condense.budget)}; nothing condensed`,
	);
	lines.push(
		`draft: prompt ≈ ${n(r.prompt.prefixTokens + r.prompt.subjectTokens)} tokens (${n(r.prompt.prefixTokens)} cacheable prefix + ${n(r.prompt.subjectTokens)} for this incident)`,
	);
	for (const note of r.notes) lines.push(`draft: note: ${note}`);
	if (r.dryRun) {
		lines.push(
			`dry run: would write ${r.wouldWrite} (status: draft) with ${r.model}; nothing was sent (token counts are estimates, about 4 characters a token).`,
		);
		return lines;
	}
	for (const d of r.dropped ?? []) lines.push(`draft: dropped ${d.path}: ${d.reason}`);
	if (r.remediationAdded)
		lines.push('draft: added a remediation placeholder item: users saw the incident or lost data and the draft proposed no follow-up with them');
	for (const item of r.items ?? []) lines.push(`draft: ${item.id} owner ${item.owner} (${OWNER_FROM[item.from]}), due ${item.due}`);
	if (r.failed) {
		if (r.retried) lines.push('draft: the first answer was sent back once with its problems');
		for (const p of r.problems ?? []) lines.push(`draft: problem: ${p}`);
		lines.push(`draft: no file written: ${r.failed}`);
		return lines;
	}
	lines.push(`draft: wrote ${r.written} (status: draft${r.retried ? '; rewritten once after the guards sent it back' : ''}).`);
	lines.push(
		'draft: next: review it in a pull request against the artefacts, replace every TODO, set drafted.reviewed: true; npm run validate says what is left.',
	);
	return lines;
}

/** The JSON of `draft --from … --json`. */
export function firstDraftReportJson(r: FirstDraftReport) {
	return {
		from: r.from,
		model: r.model,
		dryRun: Boolean(r.dryRun),
		written: r.written ?? null,
		wouldWrite: r.wouldWrite ?? null,
		failed: r.failed ?? null,
		problems: r.problems ?? [],
		retried: Boolean(r.retried),
		events: r.events,
		redactions: r.redactions,
		sources: r.sources,
		condense: r.condense,
		prompt: r.prompt,
		dropped: r.dropped ?? [],
		actionItems: r.items ?? [],
		remediationAdded: Boolean(r.remediationAdded),
		notes: r.notes,
	};
}
