const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#x27': "'" };

/**
 * Rendered Markdown as plain text, one paragraph, list item or heading per block, for
 * checks that read prose (the blameless-language check on a page's write-up). Code is left out.
 */
export function htmlToText(html: string): string {
	return html
		.replace(/<pre[\s\S]*?<\/pre>/gi, '\n\n')
		.replace(/<\/(p|li|h[1-6]|blockquote|td|th|dd|dt)>|<br\s*\/?>/gi, '\n\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
			const known = ENTITIES[name.toLowerCase()];
			if (known) return known;
			if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
			if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
			return whole;
		})
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
