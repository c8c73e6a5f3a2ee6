import type { ActionItem } from '../../schemas/action-item.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { Severity } from '../../schemas/severity.ts';

/** One postmortem in the archive: its slug (URL) and validated frontmatter. */
export interface ArchiveEntry {
	slug: string;
	data: Postmortem;
}

/** An action item together with the postmortem it came from. */
export interface ArchiveActionItem {
	item: ActionItem;
	/** Position in the postmortem's `actionItems`. */
	index: number;
	entry: ArchiveEntry;
}

/** The archive, indexed once per build: pages look things up, they never scan. */
export interface Archive {
	/** Every entry shown, newest incident first. */
	entries: ArchiveEntry[];
	bySlug: Map<string, ArchiveEntry>;
	/** Service slug → entries, newest first; keys sorted by count then name. */
	byService: Map<string, ArchiveEntry[]>;
	byTag: Map<string, ArchiveEntry[]>;
	bySeverity: Map<Severity, ArchiveEntry[]>;
	/** `YYYY` of `startedAt` (UTC) → entries. */
	byYear: Map<string, ArchiveEntry[]>;
	/** Every action item of the shown entries, in archive order. */
	actionItems: ArchiveActionItem[];
	/** Whether drafts and postmortems in review are included (dev and preview builds). */
	includesUnpublished: boolean;
	/** Slug → up to five related published incidents (shared services and tags, newer first); see related.ts. */
	related: Map<string, ArchiveEntry[]>;
}
