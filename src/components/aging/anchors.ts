/** Unique, readable fragment ids for groups (`@platform-team` → `owner-platform-team`). */
export function anchorIds(keys: ReadonlyArray<string>, prefix: string): Map<string, string> {
	const used = new Set<string>();
	const out = new Map<string, string>();
	for (const key of keys) {
		const base = `${prefix}-${key.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x'}`;
		let id = base;
		for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
		used.add(id);
		out.set(key, id);
	}
	return out;
}
