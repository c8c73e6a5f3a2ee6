import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { siteExclusions } from './cli/content-dir.ts';
import { postmortemSchema } from './schemas/postmortem.ts';

// One postmortem per `<slug>.md` or `<slug>/index.md`; files and folders starting
// with `_` or `.` are ignored (templates, attachments). POSTMORTEMS_DIR overrides the folder.
const base = process.env.POSTMORTEMS_DIR || './content/postmortems';

// The same files validate reads: symbolic links that leave the folder are never loaded
// (validate reports them), nor the unpublished files with errors the build leaves out.
const excluded = await siteExclusions(base);

const postmortems = defineCollection({
	loader: glob({
		base,
		pattern: ['[!_.]*.md', '[!_.]*/index.md', ...excluded],
		generateId: ({ entry }) => entry.replace(/\/index\.md$/, '').replace(/\.md$/, ''),
		// Pages use the rendered HTML only; dropping the raw Markdown from Astro's data store
		// keeps a 10,000-postmortem build's store (and memory) a third smaller.
		retainBody: false,
	}),
	schema: postmortemSchema,
});

export const collections = { postmortems };
