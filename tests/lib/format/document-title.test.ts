import { describe, expect, it } from 'vitest';
import { documentTitle, TITLE_MAX } from '../../../src/lib/format/document-title.ts';

describe('documentTitle', () => {
	it('adds the site title when it fits, and not twice on the home page', () => {
		expect(documentTitle('Search', 'Postmortem archive')).toBe('Search · Postmortem archive');
		expect(documentTitle('Postmortem archive', 'Postmortem archive')).toBe('Postmortem archive');
	});
	it('keeps a long page title alone, and cuts one over the limit at a word', () => {
		const long = 'Order history missing recent orders during replica lag on the primary';
		expect(documentTitle(long, 'Postmortem archive')).toBe(long);
		const longer = 'Sign-in emails delayed by campaign throttling at the mail provider for most customers in Europe';
		const t = documentTitle(longer, 'Postmortem archive');
		expect(t.length).toBeLessThanOrEqual(TITLE_MAX);
		expect(t).toBe('Sign-in emails delayed by campaign throttling at the mail provider…');
	});
	it('counts characters the page writes as entities (& < > and quotes) at their written length', () => {
		const t = documentTitle('Webhook deliveries paused <b>after</b> a "safe" config push & rollback', 'Postmortem archive');
		expect(t).toBe('Webhook deliveries paused <b>after</b> a "safe"…');
		expect(t.replace(/&/g, '&amp;').replace(/[<>"]/g, '&xx;').length).toBeLessThanOrEqual(TITLE_MAX);
	});
});
