import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { archiveConfigSchema } from '../../src/schemas/config.ts';
import { readPostmortemSources } from '../../src/cli/content-dir.ts';
import { validateArchive, validateFile, type ArchiveResult, type FileResult } from '../../src/lib/validation/validate-archive.ts';
import { fixture } from './build-site.ts';

/** The contract's default policy (independent of the project's own postmortems.config.ts). */
export const DEFAULT_POLICY = archiveConfigSchema.parse({}).policy;

/** Validates one fixture file on its own, e.g. `validateFixture('invalid', 'bad-severity.md')`. */
export async function validateFixture(...parts: string[]): Promise<FileResult & { file: string }> {
	const absolute = fixture(...parts);
	const file = path.relative(process.cwd(), absolute);
	const text = await readFile(absolute, 'utf8');
	const slug = path.basename(absolute, '.md');
	return { ...validateFile({ file, slug, text }, DEFAULT_POLICY), file };
}

/** Validates a whole fixture folder, cross-file rules included. */
export async function validateFixtureDir(...parts: string[]): Promise<ArchiveResult & { fileCount: number }> {
	const sources = await readPostmortemSources(fixture(...parts));
	return { ...validateArchive(sources, DEFAULT_POLICY), fileCount: sources.length };
}

/** A minimal valid published postmortem, as an object, for schema tests to bend. */
export function validPostmortem(): Record<string, unknown> {
	return {
		title: 'Checkout errors during a deploy',
		severity: 'SEV3',
		status: 'published',
		startedAt: '2025-03-14T09:30:00Z',
		detectedAt: '2025-03-14T09:35:00Z',
		mitigatedAt: '2025-03-14T09:50:00Z',
		resolvedAt: '2025-03-14T10:30:00Z',
		services: ['checkout-api'],
		tags: ['deploys'],
		authors: ['@dana'],
		impact: { summary: 'Some checkout requests failed for 20 minutes.', customerFacing: false },
		actionItems: [{ id: 'ENG-1', title: 'Add a canary step', owner: '@platform-team', priority: 'P2', due: '2025-05-01' }],
		reviews: [
			{ role: 'responder', by: '@dana', on: '2025-03-17' },
			{ role: 'lead', by: '@li', on: '2025-03-18' },
			{ role: 'manager', by: '@ines', on: '2025-03-19' },
		],
	};
}
