import { describe, expect, it } from 'vitest';
import { findBlame, knownNameSet, looksLikePerson } from '../../../src/lib/tone/blame.ts';
import { splitSentences, withoutQuotes } from '../../../src/lib/tone/sentences.ts';

const options = { knownPeople: ['@dana', '@li.wei', '@platform-team', 'Wren Aldous'] };
const first = (text: string, opts = options) => findBlame(text, opts)[0];
const summary = (text: string) => {
	const f = first(text);
	return f ? `${f.kind}|${f.who ?? ''}` : 'clean';
};

describe('the issue: what the first check missed', () => {
	it.each([
		['Dana ran the migration without a lock timeout.', 'blame|Dana'],
		['Priya ignored the alert.', 'blame|Priya'],
		["Marco's change broke checkout.", 'blame|Marco'],
		['Sarah is responsible for the outage.', 'blame|Sarah'],
		['If Jordan had read the runbook, the failover would have been quick.', 'blame|Jordan'],
		['Jean-Luc disabled the health check.', 'blame|Jean-Luc'],
		['Zoë pushed the change straight to production.', 'blame|Zoë'],
		// Far from the blame word: the whole clause counts, not a window of four words.
		['Dana, who had been on call for three nights in a row, deleted the production bucket.', 'blame|Dana'],
		['The new hire forgot to drain the node.', 'role-as-person|the new hire'],
		['The intern misconfigured the firewall.', 'role-as-person|the intern'],
		['The junior developer merged without review.', 'role-as-person|the junior developer'],
		['The on-call engineer forgot to check the replication lag.', 'role-as-person|the on-call engineer'],
		['The root cause was human error.', 'human-error|'],
		['This was operator error.', 'human-error|'],
		['Carelessness led to the outage.', 'human-error|'],
		["Someone wasn't paying attention.", 'human-error|someone'],
		['Priya single-handedly saved the day.', 'hero|Priya'],
		['The heroic efforts of the on-call kept the site up.', 'hero|the on-call'],
		['The villain of this story is @kim.', 'villain|@kim'],
	])('%s', (text, expected) => {
		expect(summary(text)).toBe(expected);
	});
});

describe('the issue: what must stay clean', () => {
	it.each([
		'We ran a fault-injection test on the queue.',
		'The blameless review found three factors.',
		'Dana should have the runbook ready by Friday.',
		'Dana failed to reproduce the bug in staging.',
		'PagerDuty paged Sarah at 02:16.',
		'Sarah acknowledged at 02:18.',
		'Dana will add a lock-timeout lint by 1 April.',
		'Thanks to Ana, Ben and Chen for their work on the bridge.',
		'The customer wrote "your engineer clearly forgot something".',
		'No individual was at fault.',
		'This was not human error: nothing confirmed the target.',
		'Jenkins ran the job twice.',
		'Cassandra dropped writes when quorum was lost.',
		'Argo synced the broken manifest.',
		'Travis skipped the integration suite.',
		'@platform-team owns the deploy pipeline.',
		'The on-call engineer acknowledged the page at 02:18.',
		"It was not Dana's fault.",
	])('%s', (text) => {
		expect(findBlame(text, options)).toEqual([]);
	});
});

describe('people', () => {
	it('finds names with hyphens, apostrophes, non-ASCII letters, @handles and possessives', () => {
		expect(first("O'Brien's script truncated the invoices table.")?.who).toBe("O'Brien");
		expect(first('Nguyễn Thị Lan rotated the password without updating the secrets.')?.who).toBe('Nguyễn Thị Lan');
		expect(first('@li.wei forgot the lock.')?.who).toBe('@li.wei');
		expect(first("@li.wei's migration caused the outage.")?.who).toBe('@li.wei');
		expect(first('Ms. Okonkwo skipped the canary.')?.who).toBe('Ms. Okonkwo');
	});

	it('knows the postmortem’s own people even when their name is not a common first name', () => {
		expect(first('Aldous approved the change.', { knownPeople: [] })).toBeUndefined();
		expect(first('Aldous approved the change without reading it.')?.who).toBe('Aldous');
	});

	it('tells people from teams', () => {
		expect(looksLikePerson('@dana')).toBe(true);
		expect(looksLikePerson('Dana Okafor')).toBe(true);
		expect(looksLikePerson('@payments-team')).toBe(false);
		expect(looksLikePerson('@sre')).toBe(false);
		expect(looksLikePerson('@data-eng')).toBe(false);
	});

	it('knows handles and name parts', () => {
		expect([...knownNameSet(['@li.wei', 'Dana Okafor'])].sort()).toEqual(['dana', 'dana okafor', 'li', 'li.wei', 'okafor', 'wei']);
		expect(knownNameSet(['Wei Li']).has('li')).toBe(false);
	});
});

describe('findings', () => {
	it('give the sentence, the kind, who, the words and a neutral rewrite hint', () => {
		const [f] = findBlame('All good here. Then @dana forgot the flag! Recovery was quick.', options);
		expect(f).toMatchObject({ sentence: 'Then @dana forgot the flag!', kind: 'blame', who: '@dana', phrase: 'forgot' });
		expect(f!.hint).toMatch(/system|change/);
		expect(f!.hint).not.toContain('forgot');
	});

	it('one per sentence, across Markdown lists and paragraphs', () => {
		const text = '## Response\n\n- @dana forgot the flag\n- The intern made a mistake in the config\n\nThe deploy caused errors.';
		expect(findBlame(text, options).map((f) => `${f.kind}|${f.who}`)).toEqual(['blame|@dana', 'role-as-person|the intern']);
	});

	it('take extra blame words from the config', () => {
		expect(findBlame('Dana yeeted the rollout.', {})).toEqual([]);
		expect(findBlame('Dana yeeted the rollout.', { blameWords: ['yeeted'] })[0]).toMatchObject({ kind: 'blame', who: 'Dana', phrase: 'yeeted' });
	});
});

describe('sentences', () => {
	it('keeps abbreviations whole and splits list items', () => {
		expect(splitSentences('Ms. Haddad joined at 3 a.m. and paged the DBA. Recovery took 4 minutes.\n- one\n- two')).toEqual([
			'Ms. Haddad joined at 3 a.m. and paged the DBA.',
			'Recovery took 4 minutes.',
			'one',
			'two',
		]);
	});

	it('blanks quoted speech but keeps apostrophes', () => {
		expect(withoutQuotes('The ticket said "Dana broke it" and Dana’s note agreed.')).toBe('The ticket said  QUOTE  and Dana’s note agreed.');
	});
});
