import type { APIRoute } from 'astro';
import { buildActionsCsv } from '../lib/exports/actions-csv.ts';
import { getSiteAging, siteExportContext } from '../data/aging.ts';

/** Every action item as RFC 4180 CSV, one row each, computed as of the build. */
export const GET: APIRoute = async () => {
	const { aged, asOf } = await getSiteAging();
	return new Response(buildActionsCsv(aged, asOf, siteExportContext()), { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
};
