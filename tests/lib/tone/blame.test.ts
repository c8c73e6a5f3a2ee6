import { describe, expect, it } from 'vitest';
import { findBlame, knownNameSet, looksLikePerson } from '../../../src/lib/tone/blame.ts';
import { DEFAULT_POLICY } from '../../support/validation.ts';

const options = { blameWords: DEFAULT_POLICY.blameWords, knownPeople: ['@dana', '@li.wei', '@platform-team', '@do.kim'] };
const blame = (text: string) => findBlame(text, options).map((f) => `${f.person}|${f.phrase}`);

describe('findBlame flags a mistake attached to a named person', () => {
	it.each([
		['@dana forgot to run the migration.', '@dana|forgot'],
		['Dana caused the outage.', 'Dana|caused'],
		['The outage was caused by @dana.', '@dana|caused'],
		// Known from the postmortem's own authors, so it counts even next to "caused".
		['It was caused by Dana running the script by hand.', 'Dana|caused'],
		["This was Sam's mistake.", 'Sam|mistake'],
		['Sam made a mistake.', 'Sam|mistake'],
		['The fault lies with Jordan.', 'Jordan|fault'],
		['We blame @kim for this.', '@kim|blame'],
		['Jordan should have checked the row count.', 'Jordan|should have'],
		['Jordan failed to notice the alert.', 'Jordan|failed to'],
		['Kim was careless with the feature flag.', 'Kim|careless'],
		['Li forgot the lock timeout.', 'Li|forgot'],
		['Wei messed up the rollout.', 'Wei|messed up'],
		// A known person or @handle whose possessive heads the subject owns the blame.
		["Li's migration caused the outage.", 'Li|caused'],
		["@dana's change caused the outage.", '@dana|caused'],
		["@dana's late config change should have been reviewed.", '@dana|should have'],
		["Li's Terraform change caused the outage.", 'Li|caused'],
		["The outage was caused by Li's migration.", 'Li|caused'],
		// Both parts of a known name standing together name the person.
		['Li Wei should have reviewed the migration.', 'Li Wei|should have'],
		['The outage was caused by Li Wei.', 'Li Wei|caused'],
		['Dana Okafor caused the outage.', 'Dana Okafor|caused'],
		// A known person or @handle given as the cause.
		['Because of @dana the migration caused the outage.', '@dana|caused'],
		['The rollout failed to finish due to Li Wei.', 'Li Wei|failed to'],
	])('%s', (text, expected) => {
		const [found] = blame(text);
		expect(found).toBeDefined();
		const [person, phrase] = expected.split('|');
		expect(found).toBe(`${person}|${phrase}`);
	});

	it('returns the sentence it found', () => {
		const [finding] = findBlame('All good here. Then @dana forgot the flag! Recovery was quick.', options);
		expect(finding?.sentence).toBe('Then @dana forgot the flag!');
	});

	it('finds one finding per sentence, across Markdown lists and paragraphs', () => {
		const text = '## Response\n\n- @dana forgot the flag\n- Sam made a mistake in the config\n\nThe deploy caused errors.';
		expect(blame(text)).toEqual(['@dana|forgot', 'Sam|mistake']);
	});

	it('uses the blame words from the config', () => {
		expect(findBlame('Dana botched the rollout.', { blameWords: ['botched'] })).toHaveLength(1);
		expect(findBlame('Dana forgot the flag.', { blameWords: ['botched'] })).toHaveLength(0);
	});
});

describe('findBlame leaves systems, teams and blameless wording alone', () => {
	it.each([
		'The deploy caused a spike in errors.',
		'Postgres failed to acquire the lock.',
		'Redis failed to evict keys fast enough.',
		'Kafka should have retried the batch.',
		'Kubernetes should have rescheduled the pods.',
		'Staging should have had a copy of the legacy rows.',
		'Checkout failed to load for four minutes.',
		'PagerDuty failed to page the secondary.',
		'Cloudflare caused a wave of 502s.',
		'The timeouts were caused by Amazon Aurora failing over.',
		'Legacy rows caused the migration to write nulls.',
		'It was a mistake in the runbook, not anyone’s fault.',
		'A Terraform mistake removed the security group.',
		'The engineer on call forgot the runbook step.',
		'We should have caught this in staging.',
		'Nobody was at fault.',
		'@dana noticed that the deploy caused errors and rolled it back.',
		'@li.wei found the mistake in the config.',
		'The alert paged @dana because the migration failed to finish.',
		'Dana rolled back the release that caused the errors.',
		'@platform-team forgot to renew the certificate.',
		'Mistakes happen; the runbook should have a checklist.',
		'The secondary, in their second week, followed the runbook exactly.',
		"Kafka's consumer should have retried the batch.",
		"Stripe's API caused a wave of declines.",
		"@dana's notes said the deploy caused errors.",
		"Li's fix removed what the lock caused.",
		"@platform-team's change caused the outage.",
		"Because of @dana's quick rollback, the bug caused only a minute of errors.",
		// A two-letter known name part counts only written as a name.
		'Why do mistakes in migrations cost so much?',
	])('%s', (text) => {
		expect(blame(text)).toEqual([]);
	});
});

describe('people helpers', () => {
	it('tells people from teams', () => {
		expect(looksLikePerson('@dana')).toBe(true);
		expect(looksLikePerson('Dana Okafor')).toBe(true);
		expect(looksLikePerson('@payments-team')).toBe(false);
		expect(looksLikePerson('@sre')).toBe(false);
		expect(looksLikePerson('@data-eng')).toBe(false);
	});

	it('knows handles and name parts', () => {
		expect([...knownNameSet(['@li.wei', 'Dana Okafor'])].sort()).toEqual(['dana', 'dana okafor', 'li', 'li.wei', 'okafor', 'wei']);
		// A short first name counts ("Li" is what people call Li Wei); a short later part does not.
		expect(knownNameSet(['Wei Li']).has('li')).toBe(false);
	});
});
