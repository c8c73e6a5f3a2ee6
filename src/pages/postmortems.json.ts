import type { APIRoute } from 'astro';
import { getConfig } from '../config.ts';
import { buildPostmortemsJson } from '../lib/exports/postmortems-json.ts';
import { getSiteAging } from '../data/aging.ts';
import { getArchive } from '../data/archive.ts';

/** The archive's metadata and summaries, for dashboards and other tools (shape: docs/action-items.md). */
export const GET: APIRoute = async () => {
	const [archive, { asOf }] = await Promise.all([getArchive(), getSiteAging()]);
	const { site } = getConfig();
	const body = JSON.stringify(buildPostmortemsJson(archive.entries, asOf, site), null, 2);
	return new Response(`${body}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
