import type { APIRoute } from 'astro';
import { getConfig } from '../config.ts';
import { buildActionsIcs } from '../lib/exports/actions-ics.ts';
import { getSiteAging, siteExportContext } from '../data/aging.ts';
import { buildStamp } from '../data/build-day.ts';

/** A calendar with an all-day event on the due date of every open action item. */
export const GET: APIRoute = async () => {
	const { aged } = await getSiteAging();
	const body = buildActionsIcs(aged, { ...siteExportContext(), calendarName: `${getConfig().site.title}: action items`, stamp: buildStamp() });
	return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
