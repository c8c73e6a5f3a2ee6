/**
 * How a ticket says which action item it tracks, so a crashed or repeated run finds
 * the ticket it already filed instead of filing a second one. Every ticket carries
 * the marker label, which makes the search cheap and exact, and the marker itself:
 * a hidden comment in a GitHub issue body, a label in Jira (labels are exact-match
 * searchable there; a description is not).
 */

/** The label every filed ticket gets, in GitHub and Jira alike. */
export const MARKER_LABEL = 'postmortem-action-item';

const COMMENT_RE = /<!--\s*postmortem-action-item:\s*(.+?)\s*-->/;

/** The hidden marker line at the end of a GitHub issue body. */
export function bodyMarker(itemId: string): string {
	return `<!-- postmortem-action-item: ${itemId.replace(/--/g, '- -')} -->`;
}

/** The item id in a GitHub issue body's marker, if any. */
export function itemIdInBody(body: string | null | undefined): string | undefined {
	return body ? COMMENT_RE.exec(body)?.[1]?.replace(/- -/g, '--') : undefined;
}

const JIRA_PREFIX = 'pm-item-';

/** The Jira label naming the item (labels cannot hold spaces). */
export function jiraMarkerLabel(itemId: string): string {
	return JIRA_PREFIX + itemId.trim().replace(/\s+/g, '_');
}

/** The item id a Jira label names, if it is a marker label (spaces come back as `_`). */
export function itemIdInJiraLabel(label: string): string | undefined {
	return label.startsWith(JIRA_PREFIX) ? label.slice(JIRA_PREFIX.length) : undefined;
}
