/**
 * The aging page's views: one page for everything, one per owner and one per priority.
 * Pure: the mapping from owner handles to URL slugs, and the paths of the views.
 */

import { slugify } from '../routing/slug.ts';

/** The closed-items lists show the most recently closed ones only; the exports hold them all. */
export const CLOSED_LIST_LIMIT = 200;

/**
 * Unique slugs for a set of keys, stable for a given set: keys are taken in sorted
 * order and a clash (`@a.b` and `@a-b`) gets `-2`, `-3`.
 */
export function viewSlugs(keys: Iterable<string>): Map<string, string> {
	const used = new Set<string>();
	const out = new Map<string, string>();
	for (const key of [...new Set(keys)].sort()) {
		const base = slugify(key) || 'x';
		let slug = base;
		for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
		used.add(slug);
		out.set(key, slug);
	}
	return out;
}

/** Site-relative paths of the views (pass through `withBase`). */
export const viewPaths = {
	all: () => 'actions/',
	owner: (slug: string) => `actions/owners/${encodeURIComponent(slug)}/`,
	priority: (priority: string) => `actions/priority/${priority.toLowerCase()}/`,
} as const;
