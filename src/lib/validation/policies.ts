import type { ArchiveConfig } from '../../schemas/config.ts';
import type { ActionItem, Priority } from '../../schemas/action-item.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { ReviewRole } from '../../schemas/review.ts';
import type { Severity } from '../../schemas/severity.ts';
import { actionItemSchema } from '../../schemas/action-item.ts';
import { contributingFactorSchema } from '../../schemas/contributing-factor.ts';
import { draftedSchema } from '../../schemas/drafted.ts';
import { impactSchema } from '../../schemas/impact.ts';
import { postmortemFields } from '../../schemas/postmortem.ts';
import { reviewSchema } from '../../schemas/review.ts';
import { timelineEntrySchema } from '../../schemas/timeline-entry.ts';
import { dayNumber, toIsoDate } from '../../schemas/primitives.ts';
import { addDays } from '../format/dates.ts';
import { leftoverPlaceholders } from './placeholders.ts';
import { describeToneFinding, findBlameInTexts, isExcepted, sentenceKey, type FieldFinding } from '../tone/fields.ts';
import { humanTextFields, postmortemPeople } from '../tone/postmortem-texts.ts';

type Policy = ArchiveConfig['policy'];

/** A policy finding before the file name is attached. */
export interface PolicyFinding {
	path: string;
	message: string;
	level: 'error' | 'warning';
	/** The exact text the finding is about (a blamed sentence), so the caller can point at its line. */
	excerpt?: string;
}

/** The review roles this postmortem needs, per the config. */
export function requiredReviewRoles(severity: Severity, policy: Policy): ReviewRole[] {
	const roles = [...policy.requiredReviews];
	if (severity === 'SEV1') for (const r of policy.sev1ExtraReviews) if (!roles.includes(r)) roles.push(r);
	return roles;
}

/** Required review roles that nobody has signed off yet. */
export function missingReviewRoles(pm: Pick<Postmortem, 'severity' | 'reviews'>, policy: Policy): ReviewRole[] {
	const done = new Set(pm.reviews.map((r) => r.role));
	return requiredReviewRoles(pm.severity, policy).filter((r) => !done.has(r));
}

/** How many days after the incident an item of this priority should be due. */
export function dueWindowDays(severity: Severity, priority: Priority, policy: Policy): number {
	return priority === 'P0' || priority === 'P1' ? policy.urgentDueWindowDays[severity] : policy.otherDueWindowDays;
}

/** The last due date the policy window allows for an item, `YYYY-MM-DD`. */
export function latestAllowedDue(startedAt: Date, severity: Severity, priority: Priority, policy: Policy): string {
	return addDays(toIsoDate(startedAt), dueWindowDays(severity, priority, policy));
}

/** Whether the item's due date falls after its policy window. */
export function breaksDueWindow(item: Pick<ActionItem, 'due' | 'priority'>, pm: Pick<Postmortem, 'startedAt' | 'severity'>, policy: Policy): boolean {
	// Compared as days, not as text: "+010000-01-15" sorts before "9999-12-31".
	return dayNumber(item.due) - dayNumber(pm.startedAt) > dueWindowDays(pm.severity, item.priority, policy);
}

/** People named in a postmortem: authors, reviewers, owners that look like people, timeline actors. */
export const peopleOf = postmortemPeople;
export { humanTextFields };

/** The blameless-language findings of a postmortem's human-written text, each with its field. */
export function toneFindingsOf(pm: Postmortem, body: string, policy: Pick<Policy, 'blameWords'>): FieldFinding[] {
	return findBlameInTexts(humanTextFields(pm, body), { blameWords: policy.blameWords, knownPeople: postmortemPeople(pm) });
}

function blameMessage(f: FieldFinding, published: boolean): string {
	const exception = published ? ' (a published postmortem may keep it only when a reviewer lists the sentence in blamelessExceptions with who judged it and why)' : '';
	return `blame language: ${describeToneFinding(f)}. ${f.hint}${exception}`;
}

/**
 * Blameless language, per the contract: in a published postmortem a finding is an
 * error unless its sentence is in `blamelessExceptions`; elsewhere a warning, so
 * reviewers see it before publishing. An exception that matches no sentence is a warning.
 */
export function toneFindings(pm: Postmortem, body: string, policy: Pick<Policy, 'blameWords'>): PolicyFinding[] {
	const out: PolicyFinding[] = [];
	const exceptions = pm.blamelessExceptions ?? [];
	const seen = new Set<string>();
	for (const f of toneFindingsOf(pm, body, policy)) {
		seen.add(sentenceKey(f.sentence));
		if (isExcepted(f.sentence, exceptions)) continue;
		out.push({ path: f.field, level: pm.status === 'published' ? 'error' : 'warning', message: blameMessage(f, pm.status === 'published'), excerpt: f.sentence });
	}
	exceptions.forEach((e, i) => {
		if (!seen.has(sentenceKey(e.sentence))) {
			out.push({ path: `blamelessExceptions[${i}].sentence`, level: 'warning', message: 'matches no sentence the blame check flags in this postmortem; remove it, or copy the sentence exactly as it stands' });
		}
	});
	return out;
}

const keysOf = (shape: object) => Object.keys(shape);
const TOP_KEYS = keysOf(postmortemFields.shape);
/** The fields of the nested mappings, by top-level key (lists: the fields of each entry). */
const NESTED_KEYS: Record<string, { keys: string[]; list: boolean }> = {
	impact: { keys: keysOf(impactSchema.shape), list: false },
	drafted: { keys: keysOf(draftedSchema.shape), list: false },
	timeline: { keys: keysOf(timelineEntrySchema.shape), list: true },
	contributingFactors: { keys: keysOf(contributingFactorSchema.shape), list: true },
	actionItems: { keys: keysOf(actionItemSchema.shape), list: true },
	reviews: { keys: keysOf(reviewSchema.shape), list: true },
};

function isMapping(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function unknownKeys(data: Record<string, unknown>, known: ReadonlyArray<string>, prefix: string, out: PolicyFinding[]): void {
	for (const key of Object.keys(data)) {
		if (known.includes(key)) continue;
		const guess = known.find((k) => k.toLowerCase() === key.toLowerCase()) ?? known.find((k) => editDistance(k, key) <= 2);
		out.push({ path: `${prefix}${key}`, level: 'warning', message: `is not a field of the format and is ignored${guess ? `; did you mean "${guess}"?` : ''}` });
	}
}

/**
 * Fields the format does not have (typos, mostly), at the top level and inside
 * impact, drafted and each list entry, with the field probably meant. Works on
 * the raw frontmatter, so it helps even when the schema rejects the file.
 */
export function unknownKeyFindings(rawData: Record<string, unknown>): PolicyFinding[] {
	const out: PolicyFinding[] = [];
	unknownKeys(rawData, TOP_KEYS, '', out);
	for (const [key, nested] of Object.entries(NESTED_KEYS)) {
		const value = rawData[key];
		if (nested.list && Array.isArray(value)) {
			value.forEach((entry, i) => {
				if (isMapping(entry)) unknownKeys(entry, nested.keys, `${key}[${i}].`, out);
			});
		} else if (!nested.list && isMapping(value)) {
			unknownKeys(value, nested.keys, `${key}.`, out);
		}
	}
	return out;
}

/**
 * The template placeholders and `TODO`s still in a postmortem (also run on what parsed of an invalid
 * file): warnings, and errors once it is published, since nothing unreviewed may be published.
 */
export function placeholderFindings(pm: Parameters<typeof leftoverPlaceholders>[0], published = false): PolicyFinding[] {
	return leftoverPlaceholders(pm).map((p) => {
		const quote = p.value.length > 80 ? `${p.value.slice(0, 77)}…` : p.value;
		return {
			path: p.path,
			level: published ? 'error' : 'warning',
			message: `"${quote}" is still the template's placeholder; write ${p.hint}${published ? ' before publishing' : ''}`,
		};
	});
}

/** The end of the future-start warning: the one finding that depends on the clock. */
export const IN_THE_FUTURE = 'is in the future; check the date (an incident cannot have started yet)';

/** A warning when the incident starts after `now`: a mistyped year (9999) would otherwise pass unnoticed. */
export function futureFindings(pm: { startedAt?: Date }, now: Date | undefined): PolicyFinding[] {
	if (!now || !pm.startedAt || pm.startedAt.getTime() <= now.getTime()) return [];
	const when = pm.startedAt.getUTCFullYear() > 9999 ? 'after the year 9999' : `(${pm.startedAt.toISOString().replace('.000Z', 'Z')})`;
	return [{ path: 'startedAt', level: 'warning', message: `${when} ${IN_THE_FUTURE}` }];
}

/** Every policy finding for one postmortem (errors and warnings), per the contract and config; `now` enables the future-date warning. */
export function policyFindings(pm: Postmortem, rawData: Record<string, unknown>, body: string, policy: Policy, now?: Date): PolicyFinding[] {
	const out: PolicyFinding[] = unknownKeyFindings(rawData);
	const published = pm.status === 'published';
	out.push(...placeholderFindings(pm, published), ...futureFindings(pm, now));
	// Nothing is published before people have reviewed it: an unreviewed model draft blocks publishing.
	if (pm.drafted && !pm.drafted.reviewed && pm.status !== 'draft') {
		out.push(
			published
				? { path: 'drafted.reviewed', level: 'error', message: `is false: the model drafted ${pm.drafted.fields.join(', ')} and nobody has reviewed it; a published postmortem needs people to review the draft and set drafted.reviewed: true` }
				: { path: 'drafted.reviewed', level: 'warning', message: `is false: ${pm.drafted.fields.join(', ')} ${pm.drafted.fields.length === 1 ? 'is a model draft' : 'are a model draft'} awaiting review; set drafted.reviewed: true once people have checked ${pm.drafted.fields.length === 1 ? 'it' : 'them'}` },
		);
	}
	if (published) {
		const missing = missingReviewRoles(pm, policy);
		if (missing.length > 0) {
			out.push({
				path: 'reviews',
				level: 'error',
				message: `a published ${pm.severity} postmortem needs reviews by ${requiredReviewRoles(pm.severity, policy).join(', ')}; missing: ${missing.join(', ')}`,
			});
		}
		if (pm.impact.customerFacing && policy.customerFacingNeedsUrgentItem && !pm.actionItems.some((a) => a.priority === 'P0' || a.priority === 'P1')) {
			out.push({ path: 'actionItems', level: 'warning', message: 'a customer-facing incident should have at least one P0 or P1 action item' });
		}
	}
	pm.actionItems.forEach((item, i) => {
		if (breaksDueWindow(item, pm, policy)) {
			const days = dueWindowDays(pm.severity, item.priority, policy);
			out.push({
				path: `actionItems[${i}].due`,
				level: 'warning',
				message: `(${item.due}) is more than ${days} days after a ${pm.severity} incident for a ${item.priority} item; due by ${latestAllowedDue(pm.startedAt, pm.severity, item.priority, policy)} or lower the priority`,
			});
		}
	});
	out.push(...toneFindings(pm, body, policy));
	return out;
}

function editDistance(a: string, b: string): number {
	const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let prev = dp[0]!;
		dp[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = dp[j]!;
			dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = tmp;
		}
	}
	return dp[b.length]!;
}
