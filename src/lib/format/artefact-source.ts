/**
 * Which kind of artefact a timeline entry stands on, read from its refs
 * (`file#id`, incident-artefacts.md) so the page can say "chat" or "pager" without
 * the artefacts at hand. The file name and the id's shape tell: Slack message ids
 * are epoch timestamps, exports keep their tool's name, notes are Markdown or text.
 */

export const ARTEFACT_SOURCES = ['chat', 'pager', 'deploy', 'alert', 'dashboard', 'ticket', 'notes'] as const;
export type ArtefactSourceKind = (typeof ARTEFACT_SOURCES)[number];

const BY_NAME: ReadonlyArray<[RegExp, ArtefactSourceKind]> = [
	[/slack|chat|channel/i, 'chat'],
	[/pager|opsgenie|oncall|on-call/i, 'pager'],
	[/deploy|release|rollout/i, 'deploy'],
	[/alert|prometheus/i, 'alert'],
	[/grafana|annotation|dashboard/i, 'dashboard'],
	[/ticket|zendesk|support/i, 'ticket'],
	[/\.(?:md|markdown|txt)$/i, 'notes'],
];

/** The kind of artefact one ref points into; undefined when nothing tells. */
export function artefactSourceOf(ref: string): ArtefactSourceKind | undefined {
	const hash = ref.lastIndexOf('#');
	const file = hash === -1 ? ref : ref.slice(0, hash);
	const id = hash === -1 ? '' : ref.slice(hash + 1);
	for (const [re, kind] of BY_NAME) if (re.test(file)) return kind;
	// A Slack export's channel folder can have any name; its message ids are epoch seconds with microseconds.
	if (/^\d{9,10}\.\d{6}$/.test(id)) return 'chat';
	return undefined;
}

/** The kinds of artefact a timeline entry stands on, once each, in the order of its refs. */
export function artefactSourcesOf(refs: ReadonlyArray<string> | undefined): ArtefactSourceKind[] {
	const out: ArtefactSourceKind[] = [];
	for (const ref of refs ?? []) {
		const kind = artefactSourceOf(ref);
		if (kind && !out.includes(kind)) out.push(kind);
	}
	return out;
}
