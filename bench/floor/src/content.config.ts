import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// The same files and ids as the project's collection, but a pass-through schema:
// the floor pays for reading and rendering, not for validating.
const postmortems = defineCollection({
	loader: glob({
		base: process.env.POSTMORTEMS_DIR || '../../content/postmortems',
		pattern: ['[!_.]*.md', '[!_.]*/index.md'],
		generateId: ({ entry }) => entry.replace(/\/index\.md$/, '').replace(/\.md$/, ''),
	}),
	schema: z.looseObject({}),
});

export const collections = { postmortems };
