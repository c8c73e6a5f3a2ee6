import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { canSampleRss, watchPeakRss } from '../../../bench/harness/process-tree.ts';

describe('watchPeakRss', () => {
	it('sees the memory of a grandchild process, not only the child', async () => {
		// A shell (child) starting Node (grandchild) that holds 64 MB for a moment.
		const script = 'const b = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => b.length, 800);';
		const child = spawn('sh', ['-c', `"${process.execPath}" -e '${script}'; true`], { stdio: 'ignore' });
		const watcher = watchPeakRss(child.pid!, 50);
		await new Promise((resolve) => child.on('close', resolve));
		const peak = watcher.stop();
		if (canSampleRss()) expect(peak).toBeGreaterThan(64 * 1024 * 1024);
		else expect(peak).toBeUndefined();
	});
});
