import {truncate} from './truncate.js';

/**
 * A footer of key hints that fits its width: lesser hints are dropped first (the last optional one,
 * then the one before), and the ones marked `keep` (`? keys`, `q quit`) stay to the end.
 */

export type Hint = {readonly keys: string; readonly what: string; readonly keep?: boolean};

const joined = (hints: readonly Hint[]): string => hints.map(hint => `${hint.keys} ${hint.what}`).join(' · ');

export const fitHints = (hints: readonly Hint[], width: number): string => {
	const shown = [...hints];
	while (joined(shown).length > width) {
		const dropped = shown.findLastIndex(hint => !hint.keep);
		if (dropped === -1) break;
		shown.splice(dropped, 1);
	}
	return truncate(joined(shown), width);
};

/** `[keys, what]` pairs as hints, the last `kept` of them kept to the end. */
export const hints = (pairs: ReadonlyArray<readonly [string, string] | false | undefined>, kept: ReadonlyArray<readonly [string, string]>): Hint[] => [
	...pairs.filter((pair): pair is readonly [string, string] => Array.isArray(pair)).map(([keys, what]) => ({keys, what})),
	...kept.map(([keys, what]) => ({keys, what, keep: true})),
];
