import { withBase } from './urls.ts';

/** Where the site is served: the config's absolute URL and base path. */
export interface SiteLocation {
	/** e.g. https://postmortems.example.com */
	url: string;
	/** e.g. `/` or `/postmortems` */
	base: string;
}

// Exports call this once per item: parse the site URL once, not every time.
let cached: { url: string; base: string; root: string } | undefined;

/** The absolute URL of a site path (`postmortems/x/`, already URL-encoded), for feeds and exports read outside the site. */
export function absoluteUrl(site: SiteLocation, path: string): string {
	if (cached?.url !== site.url || cached.base !== site.base) {
		cached = { url: site.url, base: site.base, root: new URL(withBase(site.base, ''), site.url).href };
	}
	return cached.root + path.replace(/^\/+/, '');
}
