import { trackerSchema, type TrackerConfig } from '../../schemas/config.ts';

/**
 * Which tracker a run files into: the config's `tracker`, unless PM_TRACKER
 * (`github:owner/name` or `jira:KEY`, for CI) overrides it. Labels, issue type and
 * priority names come from the config when its tracker is of the same kind.
 */
export type TrackerChoice = { ok: true; tracker: TrackerConfig; source: 'config' | 'PM_TRACKER' } | { ok: false; message: string };

export function chooseTracker(configured: TrackerConfig | undefined, override: string | undefined): TrackerChoice {
	const spec = override?.trim();
	if (!spec) {
		if (configured) return { ok: true, tracker: configured, source: 'config' };
		return {
			ok: false,
			message:
				"no tracker is configured: add tracker: { kind: 'github', repo: 'owner/name' } or { kind: 'jira', project: 'KEY' } to postmortems.config.ts, or set PM_TRACKER=github:owner/name or jira:KEY",
		};
	}
	const match = /^(github|jira):(.+)$/.exec(spec);
	if (!match) return { ok: false, message: `PM_TRACKER "${spec}" is not github:owner/name or jira:KEY` };
	const [, kind, target] = match as unknown as [string, 'github' | 'jira', string];
	const base = configured?.kind === kind ? configured : {};
	const raw = kind === 'github' ? { ...base, kind, repo: target } : { ...base, kind, project: target };
	const parsed = trackerSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { ok: false, message: `PM_TRACKER "${spec}": ${issue.path.join('.') || 'value'} ${issue.message}` };
	}
	return { ok: true, tracker: parsed.data, source: 'PM_TRACKER' };
}

/** How the tracker is named in messages: `GitHub acme/reliability`, `Jira project OPS`. */
export function trackerName(tracker: TrackerConfig): string {
	return tracker.kind === 'github' ? `GitHub ${tracker.repo}` : `Jira project ${tracker.project}`;
}
