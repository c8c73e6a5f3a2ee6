/** Durations between incident timestamps, for headers and listings. */

/** Milliseconds from `from` to `to`, or undefined when either is missing. */
export function elapsedMs(from: Date | undefined, to: Date | undefined): number | undefined {
	if (!from || !to) return undefined;
	return to.getTime() - from.getTime();
}

/** Human duration: "45 min", "3 h 12 min", "2 d 4 h". */
export function formatDuration(ms: number | undefined): string {
	if (ms === undefined || ms < 0) return '—';
	const minutes = Math.round(ms / 60_000);
	if (minutes < 1) return '< 1 min';
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	const restMin = minutes % 60;
	if (hours < 24) return restMin ? `${hours} h ${restMin} min` : `${hours} h`;
	const days = Math.floor(hours / 24);
	const restH = hours % 24;
	return restH ? `${days} d ${restH} h` : `${days} d`;
}

/** Machine-readable ISO 8601 duration for `<time datetime>`: "PT3H12M". */
export function isoDuration(ms: number | undefined): string | undefined {
	if (ms === undefined || ms < 0) return undefined;
	const minutes = Math.round(ms / 60_000);
	return `PT${Math.floor(minutes / 60)}H${minutes % 60}M`;
}

/** Time to detect, mitigate and resolve, measured from when impact began. */
export function incidentDurations(pm: { startedAt: Date; detectedAt?: Date; mitigatedAt?: Date; resolvedAt?: Date }) {
	return {
		toDetect: elapsedMs(pm.startedAt, pm.detectedAt),
		toMitigate: elapsedMs(pm.startedAt, pm.mitigatedAt),
		toResolve: elapsedMs(pm.startedAt, pm.resolvedAt),
	};
}
