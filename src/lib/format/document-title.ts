/** Longest `<title>` search engines show in full (and html-validate's `long-title` limit). */
export const TITLE_MAX = 70;

// Length as written in the page's source, where & < > " ' become entities: html-validate counts
// the title's text that way, so a title with quotes must be that much shorter to pass.
const sourceLength = (text: string) => text.replace(/&/g, '&amp;').replace(/[<>]/g, '&lt;').replace(/["']/g, '&quot;').length;

/**
 * A page's `<title>`: "Page · Site" when that fits in 70 characters, else the page's own title,
 * cut at a word with "…" when even that is too long (the page's heading and og:title keep it whole).
 */
export function documentTitle(title: string, siteTitle: string): string {
	if (title === siteTitle) return title;
	const full = `${title} · ${siteTitle}`;
	if (sourceLength(full) <= TITLE_MAX) return full;
	if (sourceLength(title) <= TITLE_MAX) return title;
	let cut = title;
	while (sourceLength(`${cut}…`) > TITLE_MAX) {
		const space = cut.lastIndexOf(' ');
		cut = space > TITLE_MAX / 3 ? cut.slice(0, space) : cut.slice(0, -1);
	}
	return `${cut.replace(/[\s,;:·-]+$/, '')}…`;
}
