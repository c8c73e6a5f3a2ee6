import type { ArtefactEvent } from '../../../schemas/artefact-event.ts';
import { artefactProblem, atFromIso, describeValue, isRecord, oneLine, serviceSlug, textOf, type ReadContext, type ReaderResult } from '../reader-kit.ts';

/**
 * Prometheus Alertmanager webhook payloads: one payload `{"alerts": [...]}`, or a
 * list of them (what a webhook receiver saved). An alert gives an event when it
 * starts firing and, once resolved, one when it ends. Alertmanager repeats a
 * firing alert in later notifications; the same fingerprint and start count once.
 */

/** Whether parsed JSON is an Alertmanager payload or a list of them. */
export function isAlertmanagerPayload(data: unknown): boolean {
	if (Array.isArray(data)) return data.length > 0 && data.every((p) => isRecord(p) && Array.isArray(p.alerts));
	return isRecord(data) && Array.isArray(data.alerts);
}

/** Alertmanager's zero time for an alert that has not ended. */
const ZERO_TIME = /^0001-01-01/;

/** Events from a parsed Alertmanager payload (or list of payloads). */
export function alertmanagerEvents(data: unknown, ctx: ReadContext): ReaderResult {
	const events: ArtefactEvent[] = [];
	const problems: ReaderResult['problems'] = [];
	const payloads = Array.isArray(data) ? data : [data];
	const seen = new Set<string>();
	const firstStarts = new Map<string, string>();
	payloads.forEach((payload, p) => {
		const alerts = isRecord(payload) && Array.isArray(payload.alerts) ? payload.alerts : [];
		alerts.forEach((alert, a) => {
			const path = Array.isArray(data) ? `[${p}].alerts[${a}]` : `alerts[${a}]`;
			if (!isRecord(alert)) {
				problems.push(artefactProblem(ctx.file, 'is not an alert (an object with labels and startsAt)', { path }));
				return;
			}
			const labels = isRecord(alert.labels) ? alert.labels : {};
			const annotations = isRecord(alert.annotations) ? alert.annotations : {};
			const name = textOf(labels.alertname) ?? 'alert';
			const fingerprint = textOf(alert.fingerprint);
			const start = atFromIso(alert.startsAt, ctx.timeZone);
			if (!start) {
				problems.push(artefactProblem(ctx.file, `startsAt ${describeValue(alert.startsAt)}`, { path }));
				return;
			}
			// The fingerprint is Alertmanager's id for an alert's label set; the start tells a repeat
			// notification (same id) from a new firing of the same alert (`<fingerprint>@<start>`).
			const key = fingerprint ?? name;
			const firstStart = firstStarts.get(key) ?? start;
			firstStarts.set(key, firstStart);
			const id = firstStart === start && fingerprint ? fingerprint : `${key}@${start}`;
			const about = textOf(annotations.summary) ?? textOf(annotations.description) ?? textOf(annotations.message);
			const subject = about ? `${name}: ${about}` : name;
			const service = serviceSlug(labels.service) ?? serviceSlug(labels.app);
			const extra = service ? { services: [service] } : {};
			if (!seen.has(id)) {
				seen.add(id);
				events.push({ at: start, source: 'alerts', ref: `${ctx.file}#${id}`, actor: null, text: oneLine(`Firing: ${subject}`), kind: 'alert-firing', ...extra });
			}
			const status = textOf(alert.status);
			const endsAt = textOf(alert.endsAt);
			if (status !== 'resolved' || !endsAt || ZERO_TIME.test(endsAt)) return;
			const end = atFromIso(endsAt, ctx.timeZone);
			if (!end) {
				problems.push(artefactProblem(ctx.file, `endsAt ${describeValue(alert.endsAt)}`, { path }));
				return;
			}
			const endId = `${id}/resolved`;
			if (seen.has(endId)) return;
			seen.add(endId);
			events.push({ at: end, source: 'alerts', ref: `${ctx.file}#${endId}`, actor: null, text: oneLine(`Resolved: ${subject}`), kind: 'alert-resolved', ...extra });
		});
	});
	return { events, problems };
}
