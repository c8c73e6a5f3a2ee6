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
	// Feeds and exports, built by the endpoints in src/pages/.
	rss: () => 'rss.xml',
	actionsIcs: () => 'actions.ics',
	actionsCsv: () => 'actions.csv',
	actionsJson: () => 'actions.json',
	postmortemsJson: () => 'postmortems.json',
	openSearch: () => 'opensearch.xml',
} as const;

/** The link for an action item without a `ticket`, from the config's pattern. */
export function ticketUrl(id: string, ticket: string | undefined, pattern: string | undefined): string | undefined {
	if (ticket) return ticket;
	return pattern ? pattern.replaceAll('{id}', encodeURIComponent(id)) : undefined;
}

/**
 * The text a ticket link shows: the ticket's own key as read from its URL, never another id.
 * `…/browse/PLAT-1422` and Linear's `…/issue/ENG-7/slug` → the key; GitHub and GitLab issues → `owner/repo#12`;
 * anything else → the URL's host and path.
 */
export function ticketLabel(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return url;
	}
	const segments = parsed.pathname.split('/').filter(Boolean).map((s) => {
		try {
			return decodeURIComponent(s);
		} catch {
			return s;
		}
	});
	const isKey = (s: string) => /^[A-Z][A-Z0-9_]+-\d+$/.test(s);
	const key = segments.find(isKey) ?? [...parsed.searchParams.values()].find(isKey);
	if (key) return key;
	// GitHub `owner/repo/issues/12`, GitLab `group/repo/-/issues/12`, also pull and merge requests.
	const kind = segments.findIndex((s, i) => i >= 2 && /^(issues|pull|merge_requests)$/.test(s) && /^\d+$/.test(segments[i + 1] ?? ''));
	if (kind >= 2) {
		const repo = segments.slice(0, kind).filter((s) => s !== '-');
		return `${repo.slice(-2).join('/')}#${segments[kind + 1]}`;
	}
	const tail = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '');
	return `${parsed.host}${tail}${parsed.search}`;
}
