import type { ArtefactEvent } from '../../../schemas/artefact-event.ts';
import { artefactProblem, atFromEpoch, describeValue, isRecord, oneLine, textOf, type ReadContext, type ReaderResult } from '../reader-kit.ts';

/** Grafana annotations, as `GET /api/annotations` returns them: `time` and `timeEnd` in epoch milliseconds. */

/** Whether parsed JSON looks like a Grafana annotations list. */
export function isGrafanaAnnotations(data: unknown): boolean {
	return Array.isArray(data) && data.length > 0 && data.slice(0, 5).every((a) => isRecord(a) && typeof a.time === 'number' && 'text' in a);
}

/** Events from a parsed Grafana annotations list. */
export function grafanaEvents(data: unknown, ctx: ReadContext): ReaderResult {
	const events: ArtefactEvent[] = [];
	const problems: ReaderResult['problems'] = [];
	(Array.isArray(data) ? data : []).forEach((a, i) => {
		const path = `[${i}]`;
		if (!isRecord(a)) {
			problems.push(artefactProblem(ctx.file, 'is not an annotation (an object with id, time and text)', { path }));
			return;
		}
		const at = atFromEpoch(a.time, 'milliseconds');
		if (!at) {
			problems.push(artefactProblem(ctx.file, `time ${describeValue(a.time)} (epoch milliseconds)`, { path }));
			return;
		}
		const tags = Array.isArray(a.tags) ? a.tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
		const text = textOf(a.text) ?? '(annotation)';
		events.push({
			at,
			source: 'annotations',
			ref: `${ctx.file}#${textOf(a.id) ?? `${i}`}`,
			actor: textOf(a.login) ?? null,
			text: oneLine(tags.length ? `${text} [${tags.join(', ')}]` : text),
			kind: 'annotation',
		});
	});
	return { events, problems };
}
