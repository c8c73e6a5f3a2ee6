import { describe, expect, it } from 'vitest';
import { ticketLabel, ticketUrl } from '../../../src/lib/routing/urls.ts';

describe('ticketLabel', () => {
	it('reads the key of a Jira-style or Linear-style URL, not the action item id', () => {
		expect(ticketLabel('https://tracker.example.com/browse/PLAT-1422')).toBe('PLAT-1422');
		expect(ticketLabel('https://linear.app/acme/issue/ENG-7/fix-the-login-2')).toBe('ENG-7');
		expect(ticketLabel('https://tracker.example.com/secure/view?selectedIssue=OPS-9')).toBe('OPS-9');
	});

	it('names GitHub and GitLab issues and pull requests as owner/repo#number', () => {
		expect(ticketLabel('https://github.com/acme/api/issues/42')).toBe('acme/api#42');
		expect(ticketLabel('https://github.com/acme/api/pull/7')).toBe('acme/api#7');
		expect(ticketLabel('https://gitlab.example.com/group/sub/repo/-/issues/12')).toBe('sub/repo#12');
	});

	it('falls back to the host and path when no key can be read', () => {
		expect(ticketLabel('https://wiki.example.com/pages/follow-ups/')).toBe('wiki.example.com/pages/follow-ups');
		expect(ticketLabel('https://tickets.example.com/')).toBe('tickets.example.com');
	});

	it('labels a link built from the config pattern with the item id it was built from', () => {
		const url = ticketUrl('ENG-543', undefined, 'https://tracker.example.com/browse/{id}')!;
		expect(ticketLabel(url)).toBe('ENG-543');
	});
});
