/** Colour only when the stream is a terminal and NO_COLOR is not set. */
export function colours(stream: NodeJS.WriteStream = process.stdout) {
	const on = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
	const wrap = (code: number) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
	return { red: wrap(31), yellow: wrap(33), green: wrap(32), bold: wrap(1), dim: wrap(2), cyan: wrap(36) };
}

/** Prints a message for people and exits with `code`; used for usage errors (2). */
export function fail(message: string, code = 2): never {
	process.stderr.write(`${message}\n`);
	process.exit(code);
}
