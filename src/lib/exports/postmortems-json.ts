import type { ArchiveEntry } from '../archive/types.ts';
import { itemState } from '../aging/item-state.ts';
import { elapsedMs } from '../format/durations.ts';
import { paths } from '../routing/urls.ts';
import { absoluteUrl, type SiteLocation } from '../routing/site-url.ts';

/** One postmortem as `/postmortems.json` shows it: metadata and summaries, not the body. */
export interface PostmortemRecord {
	slug: string;
	/** Absolute URL of its page. */
	url: string;
	title: string;
	severity: string;
	status: string;
	/** The incident tool's id; null when not given. */
	incident: string | null;
	/** ISO 8601 UTC timestamps; null when not given. */
	startedAt: string;
	detectedAt: string | null;
	mitigatedAt: string | null;
	resolvedAt: string | null;
	/** Whole minutes from `startedAt`; null when the end is not given. */
	minutesToDetect: number | null;
	minutesToMitigate: number | null;
	minutesToResolve: number | null;
	services: string[];
	tags: string[];
	authors: string[];
	impact: { summary: string; usersAffected: number | null; customerFacing: boolean | null; dataLoss: boolean | null };
	summary: string | null;
	lessons: string[];
	contributingFactors: Array<{ kind: string; description: string }>;
	/** Which fields a model drafted and whether a person has reviewed them; null when nothing was drafted. */
	drafted: { fields: string[]; reviewed: boolean } | null;
	/** Action item counts as of the export's `asOf`. */
	actionItems: { total: number; open: number; overdue: number; done: number; wontDo: number };
}

/** The shape of `/postmortems.json`. */
export interface PostmortemsJson {
	schemaVersion: 1;
	site: { title: string; description: string; url: string };
	/** The day the action item counts are for. */
	asOf: string;
	count: number;
	/** Newest incident first. */
	postmortems: PostmortemRecord[];
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);
const minutes = (from: Date, to: Date | undefined) => {
	const ms = elapsedMs(from, to);
	return ms === undefined ? null : Math.round(ms / 60_000);
};

/** The record of one postmortem. */
export function postmortemRecord(entry: ArchiveEntry, asOf: string, site: SiteLocation): PostmortemRecord {
	const pm = entry.data;
	const states = pm.actionItems.map((i) => itemState(i, asOf));
	const count = (s: string) => states.filter((x) => x === s).length;
	return {
		slug: entry.slug,
		url: absoluteUrl(site, paths.postmortem(entry.slug)),
		title: pm.title,
		severity: pm.severity,
		status: pm.status,
		incident: pm.incident ?? null,
		startedAt: pm.startedAt.toISOString(),
		detectedAt: iso(pm.detectedAt),
		mitigatedAt: iso(pm.mitigatedAt),
		resolvedAt: iso(pm.resolvedAt),
		minutesToDetect: minutes(pm.startedAt, pm.detectedAt),
		minutesToMitigate: minutes(pm.startedAt, pm.mitigatedAt),
		minutesToResolve: minutes(pm.startedAt, pm.resolvedAt),
		services: pm.services,
		tags: pm.tags,
		authors: pm.authors,
		impact: {
			summary: pm.impact.summary,
			usersAffected: pm.impact.usersAffected ?? null,
			customerFacing: pm.impact.customerFacing ?? null,
			dataLoss: pm.impact.dataLoss ?? null,
		},
		summary: pm.summary ?? null,
		lessons: pm.lessons ?? [],
		contributingFactors: pm.contributingFactors.map((f) => ({ kind: f.kind, description: f.description })),
		drafted: pm.drafted ? { fields: [...pm.drafted.fields], reviewed: pm.drafted.reviewed } : null,
		actionItems: {
			total: states.length,
			open: count('open') + count('overdue'),
			overdue: count('overdue'),
			done: count('done'),
			wontDo: count('wont-do'),
		},
	};
}

/** Builds `/postmortems.json` from the archive's entries (already filtered to the published ones). */
export function buildPostmortemsJson(
	entries: ReadonlyArray<ArchiveEntry>,
	asOf: string,
	site: SiteLocation & { title: string; description: string },
): PostmortemsJson {
	return {
		schemaVersion: 1,
		site: { title: site.title, description: site.description, url: absoluteUrl(site, '') },
		asOf,
		count: entries.length,
		postmortems: entries.map((e) => postmortemRecord(e, asOf, site)),
	};
}
