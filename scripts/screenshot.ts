import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseCommandLine, usageError } from '../src/cli/command-line.ts';
import { launchBrowser } from '../tools/browser.ts';
import { serveStatic } from '../tools/serve-static.ts';

// Developer aid: screenshots of built pages in light and dark, for looking at what people see.
const HELP = `Usage: npm run screenshot -- [--dir dist] [--out screenshots] [--base /] [--width 1280] PATH...`;

const usage = { name: 'screenshot', help: HELP };
const { values, positionals } = parseCommandLine(usage, {
	allowPositionals: true,
	options: {
		dir: { type: 'string', default: 'dist' },
		out: { type: 'string', default: 'screenshots' },
		base: { type: 'string', default: '/' },
		width: { type: 'string', default: '1280' },
		full: { type: 'boolean', default: true },
	},
});
if (positionals.length === 0) usageError(usage, 'give at least one page path, e.g. postmortems/ or search/');
const server = await serveStatic(path.resolve(values.dir!), values.base);
const browser = await launchBrowser();
await mkdir(values.out!, { recursive: true });
try {
	for (const scheme of ['light', 'dark'] as const) {
		const page = await browser.newPage({ colorScheme: scheme, viewport: { width: Number(values.width), height: 900 } });
		for (const p of positionals) {
			await page.goto(new URL(p.replace(/^\//, ''), server.url).href, { waitUntil: 'networkidle' });
			const name = `${(p.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home')}-${scheme}.png`;
			await page.screenshot({ path: path.join(values.out!, name), fullPage: values.full });
			console.log(path.join(values.out!, name));
		}
		await page.close();
	}
} finally {
	await browser.close();
	await server.close();
}
