import type {CallRecord} from './server.js';

/**
 * How many round trips deep a collection went: a call is one round trip deeper than the deepest call answered
 * before it started (only an answer it had could have held it back). No gap between start times is guessed, so a
 * busy machine that starts the calls of one round a little apart does not add rounds; with a latency per call, a
 * call would have to start a whole latency after the others of its round to be counted one deeper.
 */
export const countRoundTrips = (calls: readonly CallRecord[]): number => {
	const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
	const depths: number[] = [];
	for (const [index, call] of sorted.entries()) {
		let deepestBefore = 0;
		for (const [earlier, other] of sorted.slice(0, index).entries()) {
			const ended = other.finishedAt ?? other.abandonedAt;
			if (ended !== undefined && ended <= call.startedAt) deepestBefore = Math.max(deepestBefore, depths[earlier]!);
		}
		depths.push(deepestBefore + 1);
	}
	return Math.max(0, ...depths);
};
