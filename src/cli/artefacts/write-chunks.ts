import { once } from 'node:events';

/** Writes text chunks to a stream, waiting whenever it asks to (a pipe to a slow reader), so memory stays flat. */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
	for (const chunk of chunks) {
		if (!stream.write(chunk)) await once(stream, 'drain');
	}
}
