/** Escapes text for Markdown so titles cannot turn into links, emphasis, headings or table cells. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}
