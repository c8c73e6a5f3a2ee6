import type { ToneKind } from './kinds.ts';

const LABELS: Record<ToneKind, string> = {
	blame: 'Blames a person',
	'role-as-person': 'Blames a role standing for one person',
	'human-error': '"Human error" framing',
	hero: 'Hero narrative',
	villain: 'Villain narrative',
};

/** The kind of a tone finding, for people. */
export function labelOfToneKind(kind: ToneKind): string {
	return LABELS[kind];
}
