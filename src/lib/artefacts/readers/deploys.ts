import type { ArtefactEvent } from '../../../schemas/artefact-event.ts';
import { artefactProblem, atFromIso, describeValue, isRecord, nestedText, oneLine, serviceSlug, textOf, type ReadContext, type ReaderResult } from '../reader-kit.ts';
import type { CsvRecord } from '../csv.ts';

/**
 * Deployments: GitHub REST `GET /repos/{owner}/{repo}/deployments` (an array
 * with created_at, environment, ref, sha, creator.login, description), or a CSV
 * with the columns `time,service,version,actor,description`.
 */

export const DEPLOYS_CSV_COLUMNS = ['time', 'service', 'version', 'actor', 'description'] as const;

/** Whether parsed JSON looks like a GitHub deployments list. */
export function isGitHubDeployments(data: unknown): boolean {
	return Array.isArray(data) && data.length > 0 && data.slice(0, 5).every((d) => isRecord(d) && 'created_at' in d && ('environment' in d || 'sha' in d));
}

/** The repository's name from `repository_url` (`https://api.github.com/repos/acme/orders-api` → `orders-api`). */
function repositoryName(url: unknown): string | undefined {
	const t = textOf(url);
	return t ? /\/repos\/[^/]+\/([^/?#]+)/.exec(t)?.[1] : undefined;
}

/** Events from a parsed GitHub deployments list. */
export function gitHubDeploymentEvents(data: unknown, ctx: ReadContext): ReaderResult {
	const events: ArtefactEvent[] = [];
	const problems: ReaderResult['problems'] = [];
	(Array.isArray(data) ? data : []).forEach((d, i) => {
		const path = `[${i}]`;
		if (!isRecord(d)) {
			problems.push(artefactProblem(ctx.file, 'is not a deployment (an object with id, created_at and environment)', { path }));
			return;
		}
		const at = atFromIso(d.created_at, ctx.timeZone);
		const id = textOf(d.id);
		if (!at || !id) {
			problems.push(artefactProblem(ctx.file, !id ? 'has no id' : `created_at ${describeValue(d.created_at)}`, { path }));
			return;
		}
		const service = serviceSlug(isRecord(d.payload) ? d.payload.service : undefined) ?? serviceSlug(repositoryName(d.repository_url));
		const what = [textOf(d.ref), textOf(d.sha)?.slice(0, 7)].filter(Boolean).join(' @ ');
		const env = textOf(d.environment);
		const description = textOf(d.description);
		const text = `Deployed ${service ?? 'a change'}${what ? ` ${what}` : ''}${env ? ` to ${env}` : ''}${description ? `: ${description}` : ''}`;
		events.push({
			at,
			source: 'deploys',
			ref: `${ctx.file}#${id}`,
			actor: nestedText(d.creator, 'login') ?? null,
			text: oneLine(text),
			kind: 'deploy',
			...(service ? { services: [service] } : {}),
		});
	});
	return { events, problems };
}

/** Events from the records of a deploys CSV (`time,service,version,actor,description`). */
export function deploysCsvEvents(records: CsvRecord[], ctx: ReadContext): ReaderResult {
	const events: ArtefactEvent[] = [];
	const problems: ReaderResult['problems'] = [];
	for (const { line, values } of records) {
		const at = atFromIso(values.time, ctx.timeZone);
		if (!at) {
			problems.push(artefactProblem(ctx.file, `time ${describeValue(values.time)}; write it like 2026-07-22T02:14:00Z`, { line }));
			continue;
		}
		const service = serviceSlug(values.service);
		const version = textOf(values.version);
		const description = textOf(values.description);
		const text = `Deployed ${textOf(values.service) ?? 'a change'}${version ? ` ${version}` : ''}${description ? `: ${description}` : ''}`;
		events.push({
			at,
			source: 'deploys',
			ref: `${ctx.file}#L${line}`,
			actor: textOf(values.actor) ?? null,
			text: oneLine(text),
			kind: 'deploy',
			...(service ? { services: [service] } : {}),
		});
	}
	return { events, problems };
}
