import type { DraftedFieldName } from '../../schemas/drafted.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';

/** Whether `field` was written by the model and no person has marked the draft reviewed yet. */
export function isUnreviewedDraft(pm: Pick<Postmortem, 'drafted'>, field: DraftedFieldName): boolean {
	return Boolean(pm.drafted && pm.drafted.reviewed !== true && pm.drafted.fields.includes(field));
}
