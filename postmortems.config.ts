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
	// Who owns follow-ups per service; a first draft (npm run draft -- --from DIR) assigns its action items from here first.
	owners: {
		'orders-db': '@data-platform',
		'customer-api': '@payments-team',
	},
	drafting: {
		model: 'claude-sonnet-5-5',
	},
});
