import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { AS_OF, PUBLISHED, SITE_FIXTURE } from './fixture.ts';
import { htmlFiles } from './html.ts';

// A build under the environment a CI job or a developer's shell may have.
let site: BuiltSite;
let temp: string;

beforeAll(async () => {
	temp = await mkdtemp(path.join(tmpdir(), 'pm-temp-'));
	// NODE_ENV=test (Vite then sets DEV); TMPDIR is where Astro's CLI would put Node's compile cache.
	site = await buildSite(SITE_FIXTURE, { PM_AS_OF: AS_OF, NODE_ENV: 'test', DEV: '1', TMPDIR: temp });
	if (site.code !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
});

afterAll(async () => {
	if (temp) await rm(temp, { recursive: true, force: true });
});

describe('a build run with NODE_ENV=test', () => {
	it('builds no page for drafts or postmortems in review', async () => {
		const built = (await htmlFiles(site.outDir)).filter((f) => f.startsWith('postmortems/')).map((f) => f.split('/')[1]);
		expect(built.sort()).toEqual([...PUBLISHED].sort());
	});
});

describe('Node compile cache', () => {
	it('is left off for astro build, whose chunks are new every build (the cache would only grow)', async () => {
		expect(await readdir(temp)).not.toContain('node-compile-cache');
	});
});
