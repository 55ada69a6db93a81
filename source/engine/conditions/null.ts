import type {Tri} from '../tri.js';
import {parseBool} from './bool.js';

/** Why a `Null` policy value cannot be read, or `undefined` for `true` and `false`. */
export const nullValueProblem = (expected: string): string | undefined =>
	parseBool(expected) === undefined ? 'AWS documents only "true" and "false" for Null' : undefined;

/**
 * `Null`: `"true"` holds when the key is missing (or has no values, or only an empty string), `"false"` when it has a
 * value. A policy value other than those two may mean either: `unknown`, unless another value holds.
 */
export const nullResult = (keyIsNull: boolean, values: readonly string[]): Tri => {
	let result: Tri = 'no';
	for (const value of values) {
		const wanted = parseBool(value);
		if (wanted === undefined) result = 'unknown';
		else if (wanted === keyIsNull) return 'yes';
	}
	return result;
};
