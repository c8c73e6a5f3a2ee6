import type { ToneKind } from './kinds.ts';

/**
 * Neutral rewrite hints: what to write instead, per kind of finding. They point at the
 * blameless shape (the system as the subject, the conditions that allowed it) rather
 * than rewriting facts the check cannot know.
 */

/** How a blame finding ties the person to the problem, when known. */
export type BlameHow = 'omission' | 'counterfactual' | 'action' | 'fault' | 'cause' | 'change';

export function rewriteHint(kind: ToneKind, who: string | undefined, how?: BlameHow): string {
	const them = who ?? 'the person';
	switch (kind) {
		case 'blame':
			if (how === 'omission' || how === 'counterfactual') return `Say which check, alert or runbook step was missing, and why nothing required it, without naming ${them}: e.g. "The runbook had no step to check replication lag before failover."`;
			if (how === 'change') return `Make the change the subject and add what let it through: e.g. "The config change disabled the health check; the pipeline does not check for that."`;
			if (how === 'fault' || how === 'cause') return `Drop the verdict on ${them}; describe the contributing factors: e.g. "Three conditions lined up: …".`;
			return `Make the system or the change the subject instead of ${them}, and say what allowed it: e.g. "The migration ran without a lock timeout because nothing in the pipeline required one."`;
		case 'role-as-person':
			return `"${them}" stands for one person; describe the conditions they worked under (tooling, access, runbook, alerts) instead: e.g. "The cleanup script accepted a production target without a confirmation prompt."`;
		case 'human-error':
			return 'Human-error framing ends the inquiry; name the conditions that made the slip likely and what would catch it: e.g. "The console shows staging and production alike, and nothing confirms a destructive command."';
		case 'hero':
			return 'Credit the practice and the team rather than one rescuer; if recovery depended on one person, record that as a contributing factor: e.g. "Recovery depended on knowledge of an undocumented restore procedure."';
		case 'villain':
			return 'Drop the culprit; describe the change and the gaps that let it through: e.g. "The deploy went out without a canary stage, which the pipeline allows."';
	}
}
