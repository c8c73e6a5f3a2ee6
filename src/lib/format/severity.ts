import type { Severity } from '../../schemas/severity.ts';

/** What each severity means, in one line, for listing pages. */
export const SEVERITY_MEANINGS: Record<Severity, string> = {
	SEV1: 'The most severe: a critical outage or data loss for many customers.',
	SEV2: 'Major: a core feature broken or badly degraded for many users.',
	SEV3: 'Minor: partial degradation, a workaround exists, or internal impact.',
	SEV4: 'The least severe: small, contained impact.',
};
