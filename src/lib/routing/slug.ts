/**
 * Free text as a lower-case URL slug: accents dropped, every run of other characters one
 * dash, no dash at either end ("Café: Load Balancer (EU)" → "cafe-load-balancer-eu").
 * Empty when nothing usable is left ("障害"); callers choose their fallback.
 */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
