import rawConfig from '../postmortems.config.ts';
import { archiveConfigSchema, type ArchiveConfig } from './schemas/config.ts';
import { formatZodIssues } from './lib/validation/findings.ts';

/** Thrown when `postmortems.config.ts` does not match its schema; the message is for people. */
export class ConfigError extends Error {}

/** Validates a raw config object, turning problems into readable lines. */
export function parseArchiveConfig(raw: unknown, file = 'postmortems.config.ts'): ArchiveConfig {
	const result = archiveConfigSchema.safeParse(raw ?? {});
	if (!result.success) {
		const lines = formatZodIssues(file, result.error.issues).map((f) => `${f.file}: ${f.path}: ${f.message}`);
		throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
	}
	return result.data;
}

let cached: ArchiveConfig | undefined;

/** The project's configuration, validated on first use (so a bad config is reported, not thrown at import). */
export function getConfig(): ArchiveConfig {
	cached ??= parseArchiveConfig(rawConfig);
	return cached;
}
