import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getConfig } from '../config.ts';
import { buildFeedItems } from '../lib/exports/rss-items.ts';
import { getArchive } from '../data/archive.ts';

/** RSS feed of the newest published postmortems. */
export const GET: APIRoute = async () => {
	const archive = await getArchive();
	const { site } = getConfig();
	return rss({
		title: site.title,
		description: site.description,
		site: new URL(site.base, site.url).href,
		items: buildFeedItems(archive.entries, site),
		customData: '<language>en</language>',
	});
};
