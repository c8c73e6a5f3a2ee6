import { z } from 'zod';

/** Incident severities, most severe first. */
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

/** How bad the incident was; SEV1 is the most severe. */
export const severitySchema = z.enum(SEVERITIES);

export type Severity = z.output<typeof severitySchema>;
