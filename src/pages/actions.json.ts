import type { APIRoute } from 'astro';
import { buildActionsJson } from '../lib/exports/actions-json.ts';
import { getSiteAging, siteExportContext } from '../data/aging.ts';

/** Every action item with its state as of the build (shape: docs/action-items.md). */
export const GET: APIRoute = async () => {
	const { aged, asOf, timeZone } = await getSiteAging();
	const body = JSON.stringify(buildActionsJson(aged, asOf, timeZone, siteExportContext()), null, 2);
	return new Response(`${body}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
