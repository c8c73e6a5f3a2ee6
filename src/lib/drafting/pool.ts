/**
 * Runs `work` over `items` with at most `concurrency` at a time. With `warmFirst`,
 * the first item runs alone before the rest start: its request writes the prompt
 * cache, so the others read it instead of each paying to write it.
 */
export async function runPool<T>(items: ReadonlyArray<T>, concurrency: number, work: (item: T) => Promise<void>, options: { warmFirst?: boolean } = {}): Promise<void> {
	let next = 0;
	if (options.warmFirst && items.length > 1 && concurrency > 1) await work(items[next++]!);
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length - next)) }, worker));
}
