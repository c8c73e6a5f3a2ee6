import type { APIRoute } from 'astro';
import { getConfig } from '../config.ts';
import { robotsTxt } from '../lib/routing/robots.ts';

/** /robots.txt: points crawlers at the sitemap, or (with `site.noindex`) keeps them out altogether. */
export const GET: APIRoute = () => {
	const { site } = getConfig();
	return new Response(robotsTxt({ url: site.url, base: import.meta.env.BASE_URL, noindex: site.noindex }), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
};
