import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/**
 * Colours for one output stream, through node:util `styleText`: colour only when the stream
 * is a terminal, and as NO_COLOR, NODE_DISABLE_COLORS, FORCE_COLOR and TERM=dumb say.
 */
export function colours(stream: NodeJS.WriteStream = process.stdout) {
	const style = (format: Style) => (text: string) => styleText(format, text, { stream });
	return { red: style('red'), yellow: style('yellow'), green: style('green'), bold: style('bold'), dim: style('dim'), cyan: style('cyan') };
}

/** Prints a message for people and exits with `code`; used for usage errors (2). */
export function fail(message: string, code = 2): never {
	process.stderr.write(`${message}\n`);
	process.exit(code);
}
