import { z } from 'zod';
import { nonEmptyText } from './primitives.ts';

/** The kinds of contributing factor, in the order pages show them. */
export const FACTOR_KINDS = ['technical', 'process', 'operational'] as const;

/** A condition that contributed to the incident (there is rarely a single root cause). */
export const contributingFactorSchema = z.object({
	/** `technical`, `process` or `operational`. */
	kind: z.enum(FACTOR_KINDS),
	/** The factor, described as a condition of the system, not a person's failing. */
	description: nonEmptyText,
	/** The artefact events that show this factor (`file#id` refs, see incident-artefacts.md). */
	refs: z.array(nonEmptyText, { error: 'must be a list of artefact refs such as "slack/incident/2026-07-22.json#1753150440.000100"' }).optional(),
});

export type FactorKind = (typeof FACTOR_KINDS)[number];
export type ContributingFactorInput = z.input<typeof contributingFactorSchema>;
export type ContributingFactor = z.output<typeof contributingFactorSchema>;
