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

// Escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL` or `ESC \`, and two-byte `ESC x`),
// then any other C0/C1 control character but tab and newline.
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text from content (titles, owners, field values, paths) made safe to print: terminal
 * control sequences are removed, so a postmortem cannot retitle the window, clear the
 * screen or forge a line. Every report applies it to what it prints; colours are added after.
 */
export function sanitiseForTerminal(text: string): string {
	return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROL_CHARACTERS, '');
}
