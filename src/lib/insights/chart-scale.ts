/** Axis scales for the build-time charts: a rounded top value and evenly spaced ticks. */

export interface Scale {
	/** The axis maximum (≥ the data maximum). */
	max: number;
	/** Tick values from 0 to `max`. */
	ticks: number[];
}

function ticksUpTo(max: number, step: number): number[] {
	return Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
}

/** A count axis: whole-number steps of 1, 2 or 5 × 10ⁿ, at most about `target` intervals. */
export function countScale(dataMax: number, target = 4): Scale {
	if (!(dataMax > 0)) return { max: 1, ticks: [0, 1] };
	let step = 1;
	for (let magnitude = 1; ; magnitude *= 10) {
		const found = [1, 2, 5].map((m) => m * magnitude).find((s) => Math.ceil(dataMax / s) <= target);
		if (found) {
			step = found;
			break;
		}
	}
	const max = Math.ceil(dataMax / step) * step;
	return { max, ticks: ticksUpTo(max, step) };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DURATION_STEPS = [1, 2, 5, 10, 15, 30].map((m) => m * MINUTE).concat([1, 2, 3, 6, 12].map((h) => h * HOUR), [1, 2, 7, 14, 30, 90].map((d) => d * DAY));

/** A duration axis (milliseconds): steps people read easily (15 min, 1 h, 6 h, 1 d…). */
export function durationScale(dataMaxMs: number, target = 4): Scale {
	if (!(dataMaxMs > 0)) return { max: HOUR, ticks: ticksUpTo(HOUR, 15 * MINUTE) };
	const step = DURATION_STEPS.find((s) => Math.ceil(dataMaxMs / s) <= target) ?? Math.ceil(dataMaxMs / target / DAY) * DAY;
	const max = Math.ceil(dataMaxMs / step) * step;
	return { max, ticks: ticksUpTo(max, step) };
}
