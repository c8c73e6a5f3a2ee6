import { z } from 'zod';
import { actionItemSchema } from '../../schemas/action-item.ts';
import { postmortemFields } from '../../schemas/postmortem.ts';
import { calendarDate, httpUrl, nonEmptyText, slug, timestamp } from '../../schemas/primitives.ts';

/**
 * The JSON Schema of a postmortem's frontmatter, generated from the Zod schema
 * (input side: what a person types), for editors with YAML language support.
 * It checks shapes while typing; the cross-field rules (dates in order, ids
 * unique across files, review policies) stay with `npm run validate`.
 */

/** Where the generated schema is committed. */
export const JSON_SCHEMA_PATH = 'schema/postmortem.schema.json';

/** The id editors see; the file is meant to be referenced by relative path. */
const SCHEMA_ID = 'https://postmortems.example.com/schema/postmortem.schema.json';

// The same shapes the Zod primitives accept, as patterns an editor can check.
const TIMESTAMP_PATTERN = '^\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s*([Zz]|[+-]\\d{2}(:?\\d{2})?)?)?$';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Hover text for every field, keyed by path (`[]` for list items). */
export const FIELD_DESCRIPTIONS: Record<string, string> = {
	'': 'A postmortem: the frontmatter of a Markdown file in content/postmortems/. See docs/format.md.',
	title: 'What happened, in a line: 3 to 200 characters.',
	severity: 'SEV1 (most severe) to SEV4.',
	status: 'draft (default), review or published; only published postmortems appear on the site.',
	incident: "The incident's id in the team's incident tool, e.g. INC-2291.",
	startedAt: 'When impact began, e.g. 2025-03-14T09:30:00Z; without a zone it is read as UTC.',
	detectedAt: 'When the incident was noticed; not before startedAt.',
	mitigatedAt: 'When users stopped being affected; not before detectedAt (or startedAt).',
	resolvedAt: 'When the incident was over; required when status is published; not before the other timestamps.',
	services: 'The services involved, as lower-case slugs such as checkout-api; at least one.',
	'services[]': 'A service slug: lower-case letters, digits and dashes.',
	tags: 'Free-form tags, as lower-case slugs.',
	'tags[]': 'A tag slug: lower-case letters, digits and dashes.',
	authors: 'Who wrote the postmortem: people or team handles; at least one.',
	'authors[]': 'A person or team handle, e.g. @dana or @payments-team.',
	impact: 'What the incident did to users.',
	'impact.summary': 'What users experienced, in a sentence or two.',
	'impact.usersAffected': 'How many users were affected, if known (a whole number, 0 or more).',
	'impact.customerFacing': 'Whether customers (not only colleagues) saw the impact.',
	'impact.dataLoss': 'Whether any data was lost.',
	summary: 'A short summary; drafted by the model (npm run draft) when missing.',
	lessons: 'What the organisation learned; drafted by the model when missing.',
	'lessons[]': 'One lesson.',
	timeline: 'What happened when, in chronological order.',
	'timeline[]': 'One moment of the incident.',
	'timeline[].at': 'When it happened, e.g. 2025-03-14T09:31:10Z; without a zone it is read as UTC.',
	'timeline[].event': 'What happened, as what the system or the team did.',
	'timeline[].refs': 'The artefact events this entry stands on, e.g. pagerduty.json#Q1XYZ (written by npm run new --from and first drafts).',
	'timeline[].refs[]': 'One artefact ref: the file relative to the artefact folder, #, and the event id in it.',
	contributingFactors: 'The conditions that contributed to the incident.',
	'contributingFactors[]': 'One contributing factor.',
	'contributingFactors[].kind': 'technical, process or operational.',
	'contributingFactors[].description': "The condition, described as a property of the system, not a person's failing.",
	'contributingFactors[].refs': 'The artefact events that show this factor.',
	'contributingFactors[].refs[]': 'One artefact ref: the file relative to the artefact folder, #, and the event id in it.',
	actionItems: 'Follow-ups, each with an owner and a due date.',
	'actionItems[]': 'One follow-up.',
	'actionItems[].id': 'Unique across the whole archive, e.g. ENG-501.',
	'actionItems[].title': 'What will be done.',
	'actionItems[].owner': 'The person or team handle accountable for it; required and not empty.',
	'actionItems[].priority': 'P0 (most urgent) to P3.',
	'actionItems[].due': 'When it should be done, YYYY-MM-DD.',
	'actionItems[].status': 'open (default), in-progress, done or wont-do.',
	'actionItems[].completedOn': 'When it was closed, YYYY-MM-DD; required when status is done or wont-do.',
	'actionItems[].ticket': 'Link to the ticket tracking it (http or https).',
	'actionItems[].rationale': 'Why this item is worth doing.',
	'actionItems[].kind': 'detect, mitigate, prevent, process, or remediation (a follow-up with the users already affected).',
	reviews: 'Sign-offs: a published postmortem needs responder, lead and manager; a SEV1 also director.',
	'reviews[]': 'A sign-off by one person in one role.',
	'reviews[].role': 'responder, lead, manager or director.',
	'reviews[].by': 'Who reviewed it: a person or team handle.',
	'reviews[].on': 'The date of the review, YYYY-MM-DD.',
	drafted: 'Written by the drafting step; people only ever set reviewed.',
	'drafted.model': 'The model that wrote the draft.',
	'drafted.at': 'When the draft was written.',
	'drafted.fields': 'Which fields the model wrote.',
	'drafted.fields[]': 'A drafted top-level field: title, summary, lessons, impact, timeline, contributingFactors, actionItems, services or a timestamp.',
	'drafted.reviewed': 'Set to true once a person has read and edited the drafted fields.',
	'drafted.sources': 'The artefact files a first draft was made from.',
	'drafted.sources[]': 'An artefact file, relative to the artefact folder.',
	blamelessExceptions: 'Sentences a reviewer judged not to blame anyone, so the blame check lets them pass when published.',
	'blamelessExceptions[]': 'One judged sentence.',
	'blamelessExceptions[].sentence': 'The sentence, exactly as it stands in the postmortem.',
	'blamelessExceptions[].by': 'Who judged it: a person or team handle.',
	'blamelessExceptions[].reason': 'Why the sentence does not blame anyone.',
};

type Json = Record<string, unknown>;

/** Replaces a JSON Schema node's contents in place. */
function replaceWith(node: Json, next: Json): void {
	for (const key of Object.keys(node)) delete node[key];
	Object.assign(node, next);
}

/** Adds descriptions and closes every object, walking the generated schema with field paths. */
function decorate(node: Json, path: string): void {
	const description = FIELD_DESCRIPTIONS[path];
	if (description) node.description = description;
	if (node.type === 'object' && node.properties) {
		node.additionalProperties = false;
		for (const [key, child] of Object.entries(node.properties as Record<string, Json>)) decorate(child, path ? `${path}.${key}` : key);
	}
	if (node.type === 'array' && node.items) decorate(node.items as Json, `${path}[]`);
}

/** The JSON Schema of the frontmatter, as committed in `schema/postmortem.schema.json`. */
export function postmortemJsonSchema(): Json {
	const schema = z.toJSONSchema(postmortemFields, {
		io: 'input',
		target: 'draft-2020-12',
		// Every Date-accepting primitive is replaced in `override`; nothing else is unrepresentable.
		unrepresentable: 'any',
		override: ({ zodSchema, jsonSchema }) => {
			const node = jsonSchema as Json;
			if (zodSchema === (timestamp as unknown)) replaceWith(node, { type: 'string', pattern: TIMESTAMP_PATTERN });
			else if (zodSchema === (calendarDate as unknown)) replaceWith(node, { type: 'string', format: 'date', pattern: DATE_PATTERN });
			else if (zodSchema === (httpUrl as unknown)) replaceWith(node, { type: 'string', format: 'uri', pattern: '^https?://' });
			else if (zodSchema === (nonEmptyText as unknown) || zodSchema === (actionItemSchema.shape.owner as unknown)) Object.assign(node, { pattern: '\\S' });
			else if (zodSchema === (slug as unknown)) Object.assign(node, { type: 'string' });
		},
	}) as Json;
	decorate(schema, '');
	return { $schema: schema.$schema, $id: SCHEMA_ID, title: 'Postmortem frontmatter', ...schema };
}

/** The file's text: stable key order, two-space indent, trailing newline. */
export function postmortemJsonSchemaText(): string {
	return `${JSON.stringify(postmortemJsonSchema(), null, 2)}\n`;
}
