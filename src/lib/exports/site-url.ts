import { withBase } from '../urls.ts';

/** Where the site is served: the config's absolute URL and base path. */
export interface SiteLocation {
	/** e.g. https://postmortems.example.com */
	url: string;
	/** e.g. `/` or `/postmortems` */
	base: string;
}

/** The absolute URL of a site path (`postmortems/x/`), for feeds and exports read outside the site. */
export function absoluteUrl(site: SiteLocation, path: string): string {
	return new URL(withBase(site.base, path), site.url).href;
}
