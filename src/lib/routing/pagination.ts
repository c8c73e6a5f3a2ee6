/**
 * Postmortems per listing page. A card is about 1.2 KB of HTML, so a page stays near
 * 70 KB: at 10,000 incidents a severity lists ~4,000 of them, 80 pages rather than one
 * 5 MB page.
 */
export const LISTING_PAGE_SIZE = 50;

/** The site path of page `n` of a listing whose first page is `first` ("severity/sev3/" → "severity/sev3/2/"). */
export function listingPagePath(first: string, n: number): string {
	return n <= 1 ? first : `${first}${n}/`;
}

/**
 * The page numbers a pager shows: the first, the last, and `around` pages either side of
 * the current one, with `null` where numbers are left out (1 … 4 5 6 … 80).
 */
export function pagerNumbers(current: number, last: number, around = 2): Array<number | null> {
	const shown = new Set<number>([1, last]);
	for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= last) shown.add(n);
	const sorted = [...shown].sort((a, b) => a - b);
	const out: Array<number | null> = [];
	sorted.forEach((n, i) => {
		const prev = sorted[i - 1];
		// A gap of one number is shown as that number, not as an ellipsis.
		if (prev !== undefined && n - prev === 2) out.push(prev + 1);
		else if (prev !== undefined && n - prev > 2) out.push(null);
		out.push(n);
	});
	return out;
}
