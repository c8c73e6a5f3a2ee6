/**
 * Runs `work` over `items` with at most `concurrency` at a time. With `warmFirst`,
 * the first item runs alone before the rest start: its request writes the prompt
 * cache, so the others read it instead of each paying to write it.
 *
 * It settles only when every worker has stopped: should an item throw, the workers
 * still in flight finish their items (no new ones start) before the first error is
 * rethrown, so a caller never releases its lock while files are still being written.
 */
export async function runPool<T>(items: ReadonlyArray<T>, concurrency: number, work: (item: T) => Promise<void>, options: { warmFirst?: boolean } = {}): Promise<void> {
	let next = 0;
	let failed = false;
	if (options.warmFirst && items.length > 1 && concurrency > 1) await work(items[next++]!);
	const worker = async () => {
		while (!failed && next < items.length) {
			try {
				await work(items[next++]!);
			} catch (error) {
				failed = true;
				throw error;
			}
		}
	};
	const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(concurrency, items.length - next)) }, worker));
	const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
	if (rejected) throw rejected.reason;
}
