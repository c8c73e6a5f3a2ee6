import { fixture } from '../support/build-site.ts';

/** The site fixture: 7 small postmortems covering every case the pages handle. */
export const SITE_FIXTURE = fixture('site');

/** "Today" for every site test build, so overdue markers are deterministic. */
export const AS_OF = '2025-07-15';

/** Fixture slugs by role. */
export const SLUGS = {
	sev1: '2025-06-02-payments-card-declines',
	sev2: '2025-03-14-checkout-lock',
	sanitise: '2024-12-03-chat-paste',
	noSummary: '2024-11-05-search-index-lag',
	drafted: '2024-08-20-docs-cdn-stale',
	draft: '2025-07-08-login-latency',
	review: '2025-05-10-queue-backlog',
} as const;

/** Published slugs, newest incident first. */
export const PUBLISHED = [SLUGS.sev1, SLUGS.sev2, SLUGS.sanitise, SLUGS.noSummary, SLUGS.drafted];

/** The routes this part of the site owns (other pages, e.g. search, may legitimately ship scripts). */
export function isReadingPage(file: string): boolean {
	return /^(index\.html|404\.html|(postmortems|services|tags|severity|years)\/)/.test(file);
}
