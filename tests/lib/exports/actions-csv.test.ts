import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ageActionItems } from '../../../src/lib/aging/aged-items.ts';
import { ACTIONS_CSV_COLUMNS, buildActionsCsv } from '../../../src/lib/exports/actions-csv.ts';
import { policy } from '../../support/archive-entries.ts';
import { ACTIONS_AS_OF, loadFixtureArchive } from '../../support/fixture-archive.ts';

describe('actions.csv', async () => {
	const archive = await loadFixtureArchive();
	const aged = ageActionItems(archive.actionItems, ACTIONS_AS_OF, policy);
	const text = buildActionsCsv(aged, ACTIONS_AS_OF, { site: { url: 'https://pm.example.com', base: '/' } });
	const rows: Record<string, string>[] = parse(text, { columns: true });

	it('has a header row and one row per item, CRLF line ends', () => {
		expect(text.split('\r\n')[0]).toBe(ACTIONS_CSV_COLUMNS.join(','));
		expect(rows).toHaveLength(11);
		expect(text.replaceAll('\r\n', '')).not.toMatch(/\n/);
	});
	it('keeps commas, quotes and semicolons in titles intact', () => {
		const row = rows.find((r) => r.id === 'OPS-202')!;
		expect(row.title).toBe('Add "circuit breaker", retries; and backoff, to the order writer');
		expect(text).toContain('"Add ""circuit breaker"", retries; and backoff, to the order writer"');
	});
	it('keeps non-ASCII text and writes computed values as of the build', () => {
		const row = rows.find((r) => r.id === 'OPS-203')!;
		expect(row.title).toContain('à la Black Friday');
		expect(row.title).toContain('✉️');
		expect(rows.find((r) => r.id === 'PAY-301')).toMatchObject({ state: 'overdue', daysOverdue: '51', daysToClose: '', asOf: '2026-11-21', incidentUrl: 'https://pm.example.com/postmortems/2026-09-01-payment-retries/' });
	});
	it('neutralises owners and titles a spreadsheet would run as formulas (issue 14)', () => {
		// Every owner starts with @: it is written as text, '@platform-team.
		expect(rows.every((r) => r.owner?.startsWith("'@"))).toBe(true);
		expect(text).not.toMatch(/(^|,)[=+\-@]/m);
	});
});
