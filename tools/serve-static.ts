import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import { createGzip } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
	'.csv': 'text/csv',
	'.ics': 'text/calendar',
	'.wasm': 'application/wasm',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
	/** e.g. http://127.0.0.1:40123/base/ */
	url: string;
	close(): Promise<void>;
}

/** Text types a static host compresses; Pagefind's own index files are gzip already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.csv', '.ics']);

export interface ServeOptions {
	/** gzip text files for clients that accept it, as GitHub Pages, Netlify or nginx with `gzip on` do. */
	compress?: boolean;
}

/** Serves a built site on 127.0.0.1 under `base`, like a static host (index.html, 404.html). */
export async function serveStatic(root: string, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let pathname = decodeURIComponent(url.pathname);
		if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) return send404();
		pathname = pathname.slice(prefix.length - 1) || '/';
		let file = path.join(root, path.normalize(pathname));
		if (!file.startsWith(root)) return send404();
		let s = await stat(file).catch(() => undefined);
		if (s?.isDirectory()) {
			file = path.join(file, 'index.html');
			s = await stat(file).catch(() => undefined);
		}
		if (!s?.isFile()) return send404();
		const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
		if (options.compress && COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
			res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
			createReadStream(file).pipe(createGzip()).pipe(res);
			return;
		}
		res.writeHead(200, { 'content-type': type });
		createReadStream(file).pipe(res);

		async function send404() {
			const notFound = path.join(root, '404.html');
			const ok = await stat(notFound).catch(() => undefined);
			res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
			if (ok) createReadStream(notFound).pipe(res);
			else res.end('not found');
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${prefix}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
