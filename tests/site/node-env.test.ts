import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { AS_OF, PUBLISHED, SITE_FIXTURE } from './fixture.ts';
import { htmlFiles } from './html.ts';

// A CI job that exports NODE_ENV=test (Vite then sets DEV) must still publish only published postmortems.
let site: BuiltSite;

beforeAll(async () => {
	site = await buildSite(SITE_FIXTURE, { PM_AS_OF: AS_OF, NODE_ENV: 'test', DEV: '1' });
	if (site.code !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
});

describe('a build run with NODE_ENV=test', () => {
	it('builds no page for drafts or postmortems in review', async () => {
		const built = (await htmlFiles(site.outDir)).filter((f) => f.startsWith('postmortems/')).map((f) => f.split('/')[1]);
		expect(built.sort()).toEqual([...PUBLISHED].sort());
	});
});
