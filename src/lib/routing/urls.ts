/** Site URLs, aware of the base path the site is hosted under. */

/** Joins the base path and a site path: `withBase('/docs', 'postmortems/x/')` → `/docs/postmortems/x/`. */
export function withBase(base: string, path: string): string {
	const b = base.endsWith('/') ? base : `${base}/`;
	return `${b}${path.replace(/^\/+/, '')}`;
}

/** Site-relative paths of the archive's pages (pass through `withBase` for an href). */
export const paths = {
	home: () => '',
	postmortem: (slug: string) => `postmortems/${encodeURIComponent(slug)}/`,
	service: (service: string) => `services/${encodeURIComponent(service)}/`,
	tag: (tag: string) => `tags/${encodeURIComponent(tag)}/`,
	severity: (severity: string) => `severity/${severity.toLowerCase()}/`,
	year: (year: string) => `years/${year}/`,
	services: () => 'services/',
	tags: () => 'tags/',
	severities: () => 'severity/',
	years: () => 'years/',
	actions: () => 'actions/',
	search: () => 'search/',
	insights: () => 'insights/',
} as const;

/** The link for an action item without a `ticket`, from the config's pattern. */
export function ticketUrl(id: string, ticket: string | undefined, pattern: string | undefined): string | undefined {
	if (ticket) return ticket;
	return pattern ? pattern.replaceAll('{id}', encodeURIComponent(id)) : undefined;
}
