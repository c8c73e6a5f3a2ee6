import type { RemoteState } from '../../lib/tickets/sync.ts';
import type { TicketDraft } from '../../lib/tickets/ticket-draft.ts';
import type { TicketRef } from '../../lib/tickets/ticket-ref.ts';
import type { TrackerError } from './tracker-error.ts';

/** What `npm run tickets` needs from a tracker; GitHub and Jira each implement it. */
export interface TrackerClient {
	/** `GitHub acme/reliability`, `Jira project OPS`. */
	readonly name: string;
	/** The tickets already filed for these items (found by their marker): item id → ticket URL. */
	findFiled(itemIds: ReadonlyArray<string>): Promise<Map<string, string>>;
	/** Files one ticket; its URL, and a warning when the tracker dropped something the guard needs. */
	create(draft: TicketDraft): Promise<{ url: string; warning?: string }>;
	/** The state of each ticket, read in batches; a ticket that could not be read maps to its error. */
	readStates(refs: ReadonlyArray<TicketRef>): Promise<Map<string, RemoteState | TrackerError>>;
}

/** The key of a ticket in `readStates`' answer: `#12` or `OPS-7`. */
export function refKey(ref: TicketRef): string {
	return ref.kind === 'github' ? `#${ref.number}` : ref.key;
}
