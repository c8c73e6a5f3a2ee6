import { describe, expect, it } from 'vitest';
import { condenseEvents, condenseLine, eventTokens, MAX_EVENT_CHARS } from '../../../../src/lib/drafting/first-draft/condense.ts';
import type { ArtefactEvent } from '../../../../src/lib/drafting/first-draft/events.ts';

const at = (minute: number, second = 0) => `2026-07-22T02:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}Z`;
const chat = (minute: number, second: number, actor: string, text: string, n: number): ArtefactEvent => ({ at: at(minute, second), source: 'slack', ref: `slack/inc/2026-07-22.json#17846${n}.000100`, actor, text });
const pager = (minute: number, text: string): ArtefactEvent => ({ at: at(minute), source: 'pagerduty', ref: `pagerduty.json#P${minute}`, actor: 'PagerDuty', text });

const incident: ArtefactEvent[] = [
	chat(0, 0, 'Sarah Chen', 'has joined the channel', 1),
	pager(1, 'Triggered: p99 > 5s'),
	chat(2, 0, 'incident-bot', 'Reminder: update the status page every 30 minutes', 2),
	chat(3, 0, 'Sarah Chen', 'looking', 3),
	chat(3, 20, 'Sarah Chen', 'db cpu is fine', 4),
	chat(3, 50, 'Sarah Chen', 'locks though', 5),
	chat(4, 10, 'Rui Costa', 'that is migration 0142', 6),
	chat(5, 0, 'Rui Costa', `pasting the log: ${'ERROR lock timeout '.repeat(60)}`, 7),
	pager(9, 'Resolved'),
];

describe('condensing the events to a token budget', () => {
	it('changes nothing under the budget', () => {
		const { events, report } = condenseEvents(incident, 100_000);
		expect(events).toEqual(incident);
		expect(report.condensed).toBe(false);
		expect(condenseLine(report)).toBeUndefined();
	});

	it('drops joins and bot noise first, and stops there when that fits', () => {
		const budget = eventTokens(incident) - 20;
		const { events, report } = condenseEvents(incident, budget);
		expect(report).toMatchObject({ joinsDropped: 1, botMessagesDropped: 1, messagesMerged: 0, pastesCut: 0, eventsLeftOut: 0 });
		expect(events.map((e) => e.text)).not.toContain('has joined the channel');
		expect(events.some((e) => e.actor === 'incident-bot')).toBe(false);
		// Pager events are never bot noise, whatever their actor.
		expect(events.filter((e) => e.source === 'pagerduty')).toHaveLength(2);
	});

	it("merges one person's messages within a minute, keeping every ref", () => {
		const withoutPaste = incident.slice(0, -2).concat(incident.slice(-1));
		const quiet = withoutPaste.filter((e) => e.text !== 'has joined the channel' && e.actor !== 'incident-bot');
		const { events, report } = condenseEvents(withoutPaste, eventTokens(quiet) - 1);
		expect(report.messagesMerged).toBe(2);
		const merged = events.find((e) => e.text.startsWith('looking'))!;
		expect(merged.text).toBe('looking / db cpu is fine / locks though');
		expect(merged.merged).toEqual(['slack/inc/2026-07-22.json#178464.000100', 'slack/inc/2026-07-22.json#178465.000100']);
		// Another person's message is not folded in.
		expect(events.some((e) => e.actor === 'Rui Costa')).toBe(true);
	});

	it('cuts long pastes, saying how much was cut', () => {
		const { events, report } = condenseEvents(incident, eventTokens(incident) - 300);
		expect(report.pastesCut).toBe(1);
		const paste = events.find((e) => e.text.includes('pasting the log'))!;
		expect(paste.text.length).toBeLessThan(MAX_EVENT_CHARS + 100);
		expect(paste.text).toMatch(/\[… \d+ more characters cut\]$/);
	});

	it('leaves chat out evenly before anything else when it must, never over the budget, and reports it', () => {
		const many: ArtefactEvent[] = [pager(0, 'Triggered'), ...Array.from({ length: 200 }, (_, i) => chat(1 + Math.floor(i / 4), (i % 4) * 15, `person-${i % 7}`, `message number ${i} about the incident`, 100 + i)), pager(59, 'Resolved')];
		const { events, report } = condenseEvents(many, 800);
		expect(report.tokensOut).toBeLessThanOrEqual(800);
		expect(report.eventsLeftOut).toBeGreaterThan(0);
		expect(events.filter((e) => e.source === 'pagerduty')).toHaveLength(2);
		expect(condenseLine(report)).toContain(`${report.eventsLeftOut} events left out to fit (chat first, spread evenly over the incident)`);
		// Deterministic: the same input gives the same selection.
		expect(condenseEvents(many, 800).events).toEqual(events);
	});

	it('thins every source alike when the system events alone would fill the budget, so chat is not all lost', () => {
		const noisy: ArtefactEvent[] = [];
		for (let i = 0; i < 400; i++) noisy.push(pager(i % 60, `Notified responder ${i} by push`));
		for (let i = 0; i < 100; i++) noisy.push(chat(i % 60, 30, `person-${i % 5}`, `hypothesis ${i}: the lock on orders`, 500 + i));
		noisy.sort((a, b) => a.at.localeCompare(b.at));
		const { events, report } = condenseEvents(noisy, 2000);
		expect(report.tokensOut).toBeLessThanOrEqual(2000);
		expect(events.filter((e) => e.source === 'slack').length).toBeGreaterThan(0);
		expect(events.filter((e) => e.source === 'pagerduty').length).toBeLessThan(400);
	});
});
