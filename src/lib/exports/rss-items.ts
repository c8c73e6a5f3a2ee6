import type { ArchiveEntry } from '../archive/types.ts';
import { paths } from '../routing/urls.ts';
import { escapeHtml } from '../search/query.ts';
import { absoluteUrl, type SiteLocation } from '../routing/site-url.ts';

/** The feed keeps the newest postmortems only, so it stays small however big the archive grows. */
export const RSS_ITEM_LIMIT = 50;

/** One feed item, in the shape @astrojs/rss takes. */
export interface FeedItem {
	title: string;
	link: string;
	pubDate: Date;
	description: string;
	categories: string[];
}

/**
 * When a postmortem was published, as near as the file tells: its last review sign-off
 * (publishing needs the reviews), else when the incident was resolved, else when it began.
 */
export function publishedOn(entry: ArchiveEntry): Date {
	const lastReview = entry.data.reviews.map((r) => r.on).sort().at(-1);
	if (lastReview) return new Date(`${lastReview}T00:00:00Z`);
	return entry.data.resolvedAt ?? entry.data.startedAt;
}

/** The feed's items: newest publication first, at most RSS_ITEM_LIMIT. */
export function buildFeedItems(entries: ReadonlyArray<ArchiveEntry>, site: SiteLocation, limit = RSS_ITEM_LIMIT): FeedItem[] {
	return entries
		.map((entry) => ({ entry, pubDate: publishedOn(entry) }))
		.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.entry.slug.localeCompare(b.entry.slug))
		.slice(0, limit)
		.map(({ entry, pubDate }) => ({
			title: `[${entry.data.severity}] ${entry.data.title}`,
			link: absoluteUrl(site, paths.postmortem(entry.slug)),
			pubDate,
			description: plainTextDescription(entry.data.summary ?? entry.data.impact.summary),
			categories: [entry.data.severity, ...entry.data.services, ...entry.data.tags],
		}));
}

/**
 * A description as plain text. Feed readers treat an RSS description as HTML: they decode
 * the XML, then render what is left, so a summary holding `<img onerror=…>` would run in
 * the reader. HTML-escaping the text first means the reader renders exactly the
 * characters people wrote, as text.
 */
export function plainTextDescription(text: string): string {
	return escapeHtml(text);
}
