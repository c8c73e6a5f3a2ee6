import { once } from 'node:events';

/** Writes text chunks to a stream, waiting whenever it asks to (a pipe to a slow reader), so memory stays flat. */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
	for (const chunk of chunks) {
		if (!stream.write(chunk)) await once(stream, 'drain');
	}
}

/**
 * Ends the process quietly when the reader of stdout goes away (`… | head`):
 * without this, Node reports the closed pipe (EPIPE) with a stack trace.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
		throw error;
	});
}
