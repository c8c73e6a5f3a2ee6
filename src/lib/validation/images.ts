import { fromMarkdown } from 'mdast-util-from-markdown';
import path from 'node:path/posix';

/**
 * Images a body references from disk. Astro copies every local image a Markdown body
 * names into the built site, wherever it lies, so a link may only name a file inside
 * the postmortems folder. "Local" is what Astro treats as local: an `![]()` image or
 * an image reference whose URL is neither a full URL nor a path from the site root.
 */

/** One local image link of a body: the URL as written, its line in the body, the path it names. */
export interface ImageLink {
	url: string;
	/** 1-based line within the body. */
	line?: number;
	/** `/`-separated path inside the postmortems folder, or undefined when it leaves the folder. */
	inside?: string;
}

interface Node {
	type: string;
	url?: string;
	identifier?: string;
	position?: { start: { line: number } };
	children?: Node[];
}

/** Every local image link in `body`, resolved from `relative` (the file's path inside the folder). */
export function localImageLinks(body: string, relative: string): ImageLink[] {
	// Cheap test first: most bodies have no image at all, and parsing 10,000 bodies costs seconds.
	if (!body.includes('![')) return [];
	const tree = fromMarkdown(body) as Node;
	const definitions = new Map<string, Node>();
	const images: Node[] = [];
	const walk = (node: Node) => {
		if (node.type === 'definition' && node.identifier) definitions.set(node.identifier, node);
		if (node.type === 'image' || node.type === 'imageReference') images.push(node);
		node.children?.forEach(walk);
	};
	walk(tree);
	const out: ImageLink[] = [];
	for (const image of images) {
		const raw = image.type === 'image' ? image.url : definitions.get(image.identifier ?? '')?.url;
		if (!raw) continue;
		let url: string;
		try {
			url = decodeURI(raw);
		} catch {
			url = raw;
		}
		if (URL.canParse(url) || url.startsWith('/')) continue;
		const resolved = path.normalize(path.join(path.dirname(relative), url.split(/[?#]/)[0]!));
		const leaves = resolved === '..' || resolved.startsWith('../');
		out.push({ url, line: image.position?.start.line, ...(leaves ? {} : { inside: resolved }) });
	}
	return out;
}

/** The message for an image link that leaves the postmortems folder. */
export function outsideImageMessage(url: string): string {
	return `the image "${url}" is outside the postmortems folder; only files inside it may be referenced (copy the image next to the postmortem)`;
}
