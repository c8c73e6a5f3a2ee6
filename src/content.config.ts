import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { postmortemSchema } from './schemas/postmortem.ts';

// One postmortem per `<slug>.md` or `<slug>/index.md`; files and folders starting
// with `_` or `.` are ignored (templates, attachments). POSTMORTEMS_DIR overrides the folder.
const base = process.env.POSTMORTEMS_DIR || './content/postmortems';

const postmortems = defineCollection({
	loader: glob({
		base,
		pattern: ['[!_.]*.md', '[!_.]*/index.md'],
		generateId: ({ entry }) => entry.replace(/\/index\.md$/, '').replace(/\.md$/, ''),
		// Pages use the rendered HTML only; dropping the raw Markdown from Astro's data store
		// keeps a 10,000-postmortem build's store (and memory) a third smaller.
		retainBody: false,
	}),
	schema: postmortemSchema,
});

export const collections = { postmortems };
