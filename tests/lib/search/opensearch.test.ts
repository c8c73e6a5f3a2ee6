import { describe, expect, it } from 'vitest';
import { openSearchDescription } from '../../../src/lib/search/opensearch.ts';

describe('OpenSearch description', () => {
	it('points at the search page under the site URL and base path', () => {
		const xml = openSearchDescription({ title: 'Postmortem archive', description: 'What went wrong', siteUrl: 'https://pm.example.com', base: '/archive' });
		expect(xml).toContain('template="https://pm.example.com/archive/search/?q={searchTerms}"');
		expect(xml).toContain('rel="self" template="https://pm.example.com/archive/opensearch.xml"');
		expect(xml).toContain('<ShortName>Postmortem</ShortName>');
	});
	it('works at the root and escapes text', () => {
		const xml = openSearchDescription({ title: 'R&D <ops>', description: 'x', siteUrl: 'http://localhost:4321/', base: '/' });
		expect(xml).toContain('template="http://localhost:4321/search/?q={searchTerms}"');
		expect(xml).toContain('<ShortName>R&amp;D &lt;ops&gt;</ShortName>');
	});
});
