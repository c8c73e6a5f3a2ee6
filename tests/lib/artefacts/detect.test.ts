import { describe, expect, it } from 'vitest';
import { detectArtefact } from '../../../src/lib/artefacts/detect.ts';

describe('detectArtefact: by content, never by name', () => {
	it.each([
		['slack', '[{"type":"message","user":"U1","text":"hi","ts":"1753150440.000100"}]'],
		['slack-users', '[{"id":"U1","name":"ana","real_name":"Ana","profile":{}}]'],
		['slack-metadata', '[{"id":"C1","name":"incident","created":1753150000,"members":["U1"]}]'],
		['pagerduty', '{"log_entries":[]}'],
		['alerts', '{"version":"4","status":"firing","alerts":[]}'],
		['deploys-github', '[{"id":1,"sha":"abc","environment":"production","created_at":"2026-07-22T02:00:00Z"}]'],
		['annotations', '[{"id":1,"time":1753150440000,"text":"deploy"}]'],
		['tickets-zendesk', '{"tickets":[]}'],
		['deploys-csv', 'Time,Service,Version,Actor,Description\n2026-07-22T02:00:00Z,a,1,b,c\n'],
		['tickets-csv', 'time,id,subject\n2026-07-22T02:00:00Z,1,broken\n'],
		['notes', 'Notes\n02:14 paged\n'],
		['notes', '[02:14] paged\n[02:20] fixed\n'],
		['empty-list', '[]'],
	])('recognises %s', (format, text) => {
		expect(detectArtefact(text).format).toBe(format);
	});

	it('names the line of malformed JSON', () => {
		expect(detectArtefact('{\n  "log_entries": [\n    {"id": 1,}\n  ]\n}')).toMatchObject({ format: 'problem', line: 3, message: expect.stringMatching(/^is not valid JSON: /) });
	});

	it('names the line of a CSV row with the wrong number of fields', () => {
		expect(detectArtefact('time,id,subject\n2026-07-22T02:00:00Z,1,ok\n2026-07-22T02:01:00Z,2\n')).toEqual({
			format: 'problem',
			line: 3,
			message: 'has 2 fields where the header has 3 (time,id,subject)',
		});
	});

	it('names the line of an unclosed quote in a CSV', () => {
		expect(detectArtefact('time,id,subject\n2026-07-22T02:00:00Z,1,"never closed\n')).toMatchObject({ format: 'problem', message: expect.stringMatching(/^is not valid CSV/) });
	});

	it('says what it reads when nothing recognises a file', () => {
		expect(detectArtefact('{"hello": "world"}')).toMatchObject({ format: 'problem', message: expect.stringContaining('is JSON that no reader recognises; the timeline reads a Slack export') });
		expect(detectArtefact('a,b,c\n1,2,3\n')).toMatchObject({ format: 'problem', message: expect.stringContaining('is a CSV whose columns (a,b,c) no reader knows') });
		expect(detectArtefact('just some prose\n')).toMatchObject({ format: 'problem', message: expect.stringMatching(/^is not a Slack export/) });
		expect(detectArtefact('\u0089PNG\r\n\u001a\n\u0000\u0000')).toMatchObject({ format: 'problem', message: expect.stringMatching(/^is a binary file/) });
		expect(detectArtefact('  \n')).toEqual({ format: 'problem', message: 'is empty' });
	});
});

describe('Zendesk full JSON export (one ticket per line)', () => {
	const line = (id: number, subject: string) => JSON.stringify({ url: `https://example.zendesk.com/api/v2/tickets/${id}.json`, id, created_at: '2026-07-22T02:10:00Z', subject, description: 'private' });

	it('reads JSON Lines of tickets, and a single ticket object', () => {
		const found = detectArtefact(`${line(1, 'Checkout broken')}\n${line(2, 'Slow')}\n`);
		expect(found).toMatchObject({ format: 'tickets-zendesk', data: { tickets: [{ id: 1 }, { id: 2 }] } });
		expect(detectArtefact(line(3, 'One'))).toMatchObject({ format: 'tickets-zendesk', data: { tickets: [{ id: 3 }] } });
	});

	it('names the line that is not JSON', () => {
		expect(detectArtefact(`${line(1, 'a')}\n\n{"id": 2, "created_at": \n`)).toMatchObject({ format: 'problem', line: 3, message: expect.stringMatching(/^is not valid JSON Lines: /) });
	});
});
