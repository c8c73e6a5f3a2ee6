import { defineArchiveConfig } from './src/schemas/config.ts';

// Edit this file to change the site's name, where it is hosted, and the policy numbers.
// Every field is optional; see docs/configuration.md for what each one does.
export default defineArchiveConfig({
	site: {
		title: 'Postmortem archive',
		description: 'What went wrong, what we learned, and what we are doing about it.',
		url: 'https://postmortems.example.com',
		base: process.env.PM_BASE ?? '/',
	},
	timeZone: 'UTC',
	ticketUrlPattern: 'https://tracker.example.com/browse/{id}',
	policy: {
		requiredReviews: ['responder', 'lead', 'manager'],
		sev1ExtraReviews: ['director'],
		urgentDueWindowDays: { SEV1: 15, SEV2: 30, SEV3: 56, SEV4: 56 },
		otherDueWindowDays: 90,
		customerFacingNeedsUrgentItem: true,
	},
	tone: {
		// Calibrate the model tone reviewer with this team's own judgement (see docs/format.md, "Blameless language").
		examples: [
			{ sentence: 'The on-call engineer missed the page.', verdict: 'blame', kind: 'role-as-person', rewrite: 'The page went to a phone on silent; nothing escalated it after five minutes.' },
			{ sentence: 'Sarah acknowledged the page at 02:18 and started the failover runbook.', verdict: 'blameless', note: 'who did what in the timeline' },
		],
	},
	// Where `npm run tickets` files action items (PM_TRACKER=github:owner/name or jira:KEY overrides it).
	tracker: { kind: 'github', repo: 'example-org/reliability' },
	// Owner handles → who they are in GitHub, Slack and Jira, for assignees and chat mentions.
	people: {
		'@platform-team': { github: 'platform-lead', slack: 'S0PLATFORM' },
	},
	// Who owns follow-ups per service; a first draft (npm run draft -- --from DIR) assigns its action items from here first.
	owners: {
		'orders-db': '@data-platform',
		'customer-api': '@payments-team',
	},
	drafting: {
		model: 'claude-sonnet-5-5',
	},
});
