import type { ArchiveConfig } from '../../schemas/config.ts';
import { normaliseHandle } from './handles.ts';

/** Who a handle is in the tools teams work in, from the config's `people` map. */
export type Person = ArchiveConfig['people'][string];

/** The person an owner handle maps to, whatever its case or leading @; undefined when unmapped. */
export function personFor(people: ArchiveConfig['people'], owner: string): Person | undefined {
	const wanted = normaliseHandle(owner);
	for (const [handle, person] of Object.entries(people)) if (normaliseHandle(handle) === wanted) return person;
	return undefined;
}
