/**
 * Fixed pools the synthetic archive draws names from. Written for the benchmark
 * (not taken from any corpus): services, people, teams and phrase templates.
 */

const DOMAINS = [
	'checkout',
	'orders',
	'payments',
	'billing',
	'search',
	'catalog',
	'inventory',
	'identity',
	'auth',
	'notifications',
	'messaging',
	'media',
	'recommendations',
	'shipping',
	'pricing',
	'reporting',
	'analytics',
	'gateway',
	'ledger',
	'profile',
] as const;

/** About 60 service slugs (20 domains × api, worker, db). */
export const SERVICES: ReadonlyArray<string> = DOMAINS.flatMap((d) => [`${d}-api`, `${d}-worker`, `${d}-db`]);

/** Person handles (authors, reviewers, owners). */
export const PEOPLE: ReadonlyArray<string> = [
	'@avery', '@bodhi', '@chiara', '@dmitri', '@eshaan', '@farah', '@gunnar', '@hiroko', '@ines', '@jules',
	'@kwame', '@linnea', '@mateus', '@nadia', '@oskar', '@priya', '@quinn', '@rosalind', '@sefa', '@tomasz',
];

/** Team handles (authors and owners). */
export const TEAMS: ReadonlyArray<string> = [
	'@platform-team', '@payments-team', '@sre-oncall', '@data-team', '@identity-team', '@search-team', '@edge-team', '@storage-team',
];

/** Prefixes of action item ids; ids are `<prefix>-<number>` and unique across the archive. */
export const ACTION_PREFIXES: ReadonlyArray<string> = ['ENG', 'OPS', 'SRE', 'PLAT', 'SEC', 'DATA'];

/** What users saw, as the start of a title. */
export const SYMPTOMS: ReadonlyArray<string> = [
	'Elevated error rates',
	'Checkout timeouts',
	'Partial outage',
	'Increased latency',
	'Failed deploys',
	'Stale search results',
	'Delayed notifications',
	'Login failures',
	'Dropped webhooks',
	'Replication lag',
	'Queue backlog',
	'Expired certificate',
	'DNS resolution failures',
	'Disk pressure',
	'Memory exhaustion',
	'Duplicate charges',
	'Missing reports',
	'Slow page loads',
];

/** What was going on when it happened. */
export const ACTIVITIES: ReadonlyArray<string> = [
	'a routine deploy',
	'a schema migration',
	'a configuration rollout',
	'a traffic spike',
	'a regional failover',
	'a dependency upgrade',
	'certificate rotation',
	'a cache flush',
	'a batch backfill',
	'a network change',
];

/** Action item title templates; `{k}` is a keyword, `{s}` a service. */
export const ACTION_TEMPLATES: ReadonlyArray<string> = [
	'Add an alert on {k} for {s}',
	'Write a runbook for {k} in {s}',
	'Load-test {s} against {k}',
	'Add a canary stage before {k} changes reach {s}',
	'Cap retries from {s} during {k}',
	'Document the failover path for {s}',
	'Automate the {k} check in the deploy pipeline',
	'Add a dashboard panel for {k} on {s}',
	'Set a timeout budget for calls into {s}',
	'Review capacity limits of {s}',
];

/** Short log and status words for code blocks. */
export const LOG_LEVELS: ReadonlyArray<string> = ['INFO', 'WARN', 'ERROR', 'ERROR', 'WARN'];
