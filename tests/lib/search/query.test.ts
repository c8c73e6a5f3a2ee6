import { describe, expect, it } from 'vitest';
import {
	hasCriteria,
	highlightSegments,
	isSitePath,
	orderFacetValues,
	pagefindOptions,
	queryTerms,
	readSearchState,
	searchStateToQuery,
} from '../../../src/lib/search/query.ts';

describe('search state in the URL', () => {
	it('reads words, repeated facet values and the sort, ignoring unknown and empty parameters', () => {
		const state = readSearchState('?q=+lock+wait+&severity=SEV1&severity=SEV2&severity=SEV1&service=checkout-api&tag=&sort=newest&utm=x');
		expect(state).toEqual({
			q: 'lock wait',
			filters: { severity: ['SEV1', 'SEV2'], service: ['checkout-api'], tag: [], year: [], status: [] },
			sort: 'newest',
		});
		expect(readSearchState('').sort).toBe('relevance');
	});
	it('writes back only what is set, and reads back the same state', () => {
		const state = readSearchState('sort=newest&year=2024&q=dns%20cache&severity=SEV1');
		const query = searchStateToQuery(state);
		expect(query).toBe('q=dns+cache&severity=SEV1&year=2024&sort=newest');
		expect(readSearchState(query)).toEqual(state);
		expect(searchStateToQuery(readSearchState(''))).toBe('');
	});
	it('has criteria with words or any filter, not with only a sort', () => {
		expect(hasCriteria(readSearchState('sort=newest'))).toBe(false);
		expect(hasCriteria(readSearchState('q=x'))).toBe(true);
		expect(hasCriteria(readSearchState('tag=dns'))).toBe(true);
	});
});

describe('Pagefind options', () => {
	it('ORs values within a facet, ANDs facets, and sorts newest first on request', () => {
		const state = readSearchState('q=lock&severity=SEV1&severity=SEV2&service=db&sort=newest');
		expect(pagefindOptions(state)).toEqual({ filters: { severity: { any: ['SEV1', 'SEV2'] }, service: { any: ['db'] } }, sort: { date: 'desc' } });
	});
	it('leaves one facet out to count its values against the others', () => {
		const state = readSearchState('q=lock&severity=SEV1&service=db');
		expect(pagefindOptions(state, 'severity')).toEqual({ filters: { service: { any: ['db'] } } });
	});
	it('sorts by date when there are no words to rank by', () => {
		expect(pagefindOptions(readSearchState('tag=dns')).sort).toEqual({ date: 'desc' });
		expect(pagefindOptions(readSearchState('q=dns')).sort).toBeUndefined();
	});
});

describe('safe result text', () => {
	it('splits text into plain and matched pieces at words starting with a query term (the page puts them in text nodes)', () => {
		const terms = queryTerms('Lock, <b>');
		expect(terms).toEqual(['lock']);
		expect(highlightSegments('Locks & <b>deadlock</b> lock', terms)).toEqual([
			{ text: 'Lock', match: true },
			{ text: 's & <b>deadlock</b> ', match: false },
			{ text: 'lock', match: true },
		]);
		expect(highlightSegments('a <script>', [])).toEqual([{ text: 'a <script>', match: false }]);
		expect(highlightSegments('', ['a'])).toEqual([]);
	});
	it('keeps result links on this site', () => {
		expect(isSitePath('/archive/postmortems/x/', '/archive/')).toBe(true);
		expect(isSitePath('javascript:alert(1)', '/')).toBe(false);
		expect(isSitePath('//evil.example/x', '/')).toBe(false);
	});
});

describe('facet order', () => {
	it('orders severities by name, years newest first, services by count then name', () => {
		expect(orderFacetValues('severity', { SEV3: 9, SEV1: 1 }).map((v) => v.value)).toEqual(['SEV1', 'SEV3']);
		expect(orderFacetValues('year', { '2023': 5, '2025': 1 }).map((v) => v.value)).toEqual(['2025', '2023']);
		expect(orderFacetValues('service', { b: 2, a: 2, c: 5 }).map((v) => v.value)).toEqual(['c', 'a', 'b']);
	});
});
