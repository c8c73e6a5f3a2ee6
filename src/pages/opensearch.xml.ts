import type { APIRoute } from 'astro';
import { getConfig } from '../config.ts';
import { openSearchDescription } from '../lib/search/opensearch.ts';

/** /opensearch.xml: lets browsers add the archive as a search engine (linked from every page's head). */
export const GET: APIRoute = () => {
	const { site } = getConfig();
	const body = openSearchDescription({ title: site.title, description: site.description, siteUrl: site.url, base: import.meta.env.BASE_URL });
	return new Response(body, { headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' } });
};
