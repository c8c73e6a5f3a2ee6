import { withBase } from './urls.ts';

/** The sitemap index @astrojs/sitemap writes at the site's root (under the base path). */
export const SITEMAP_INDEX = 'sitemap-index.xml';

/**
 * robots.txt for the site: everything allowed and the sitemap named, or, for an archive
 * hosted internally (`site.noindex`), everything disallowed (and no sitemap is written).
 */
export function robotsTxt(site: { url: string; base: string; noindex: boolean }): string {
	if (site.noindex) return 'User-agent: *\nDisallow: /\n';
	return `User-agent: *\nAllow: /\n\nSitemap: ${new URL(withBase(site.base, SITEMAP_INDEX), site.url).href}\n`;
}
