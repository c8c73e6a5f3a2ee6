import { absoluteUrl } from '../routing/site-url.ts';
import { paths } from '../routing/urls.ts';

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
	return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/**
 * The OpenSearch description that lets browsers add the archive as a search engine:
 * it points at the search page with `?q={searchTerms}`, under the site's URL and base path.
 */
export function openSearchDescription(options: { title: string; description: string; siteUrl: string; base: string }): string {
	const { title, description, siteUrl, base } = options;
	const site = { url: siteUrl, base };
	const searchPage = absoluteUrl(site, paths.search());
	// ShortName is limited to 16 characters by the specification: keep whole words.
	const shortName = title.length <= 16 ? title : title.slice(0, 17).replace(/\s+\S*$/, '') || title.slice(0, 16);
	return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
  <ShortName>${escapeXml(shortName)}</ShortName>
  <Description>${escapeXml(`Search ${title}: ${description}`.slice(0, 1024))}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Image width="16" height="16" type="image/svg+xml">${escapeXml(absoluteUrl(site, 'favicon.svg'))}</Image>
  <Url type="text/html" method="get" template="${escapeXml(searchPage)}?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${escapeXml(absoluteUrl(site, 'opensearch.xml'))}"/>
  <moz:SearchForm>${escapeXml(searchPage)}</moz:SearchForm>
</OpenSearchDescription>
`;
}
