import { getConfig } from '../config.ts';
import { ageActionItems, type AgedItem } from '../lib/aging/aged-items.ts';
import { viewSlugs } from '../lib/aging/views.ts';
import type { ExportContext } from '../lib/exports/action-record.ts';
import { getArchive } from './archive.ts';
import { buildDay } from './build-day.ts';

/** The archive's action items aged once per build, shared by the aging page and every export. */
export interface SiteAging {
	/** The build's "today", `YYYY-MM-DD`, in `timeZone`. */
	asOf: string;
	timeZone: string;
	aged: AgedItem[];
	/** Whether drafts and postmortems in review are included (dev and preview builds). */
	includesUnpublished: boolean;
	/** Owner handle → the slug of the owner's view page. */
	ownerSlugs: Map<string, string>;
	/** The items grouped once for the per-owner and per-priority pages. */
	byOwner: Map<string, AgedItem[]>;
	byPriority: Map<string, AgedItem[]>;
}

let aging: Promise<SiteAging> | undefined;

/** Astro-only: the aged items of the archive as of the build day (PM_AS_OF pins it). */
export function getSiteAging(): Promise<SiteAging> {
	aging ??= getArchive().then((archive) => {
		const config = getConfig();
		const asOf = buildDay(config.timeZone);
		const aged = ageActionItems(archive.actionItems, asOf, config.policy);
		return {
			asOf,
			timeZone: config.timeZone,
			aged,
			includesUnpublished: archive.includesUnpublished,
			ownerSlugs: viewSlugs(aged.map((a) => a.item.owner)),
			byOwner: Map.groupBy(aged, (a): string => a.item.owner),
			byPriority: Map.groupBy(aged, (a): string => a.item.priority),
		};
	});
	return aging;
}

/** Where exports link to: the config's site URL and base, and its ticket pattern. */
export function siteExportContext(): ExportContext {
	const config = getConfig();
	return { site: { url: config.site.url, base: config.site.base }, ticketUrlPattern: config.ticketUrlPattern };
}
