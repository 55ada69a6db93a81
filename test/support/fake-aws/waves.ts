import type {CallRecord} from './server.js';

/**
 * How many round trips deep a collection went: calls that start together (within `gapMs`) form one wave, and
 * with a fixed latency per call each wave is one more round trip on the critical path.
 */
export const countWaves = (calls: readonly CallRecord[], gapMs: number): number => {
	const starts = calls.map(call => call.startedAt).sort((a, b) => a - b);
	let waves = starts.length > 0 ? 1 : 0;
	for (let index = 1; index < starts.length; index++) if (starts[index]! - starts[index - 1]! >= gapMs) waves++;
	return waves;
};
