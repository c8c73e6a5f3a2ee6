/** Owner handles compare without case and without a leading @ (`@Platform-Team` = `platform-team`). */
export function normaliseHandle(handle: string): string {
	return handle.trim().replace(/^@/, '').toLowerCase();
}
