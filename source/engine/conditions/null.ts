import type {Tri} from '../tri.js';

/** The two values the IAM guide documents for `Null`; any other spelling is not known to mean either. */
const documented: Readonly<Record<string, boolean>> = {true: true, false: false};

/** Why a `Null` policy value cannot be read, or `undefined` for `true` and `false`. */
export const nullValueProblem = (expected: string): string | undefined =>
	Object.hasOwn(documented, expected) ? undefined : 'AWS documents only "true" and "false" for Null';

/**
 * `Null`: `"true"` holds when the key is missing (or has no values, or only an empty string), `"false"` when it has a
 * value. A policy value other than those two may mean either: `unknown`, unless another value holds.
 */
export const nullResult = (keyIsNull: boolean, values: readonly string[]): Tri => {
	let result: Tri = 'no';
	for (const value of values) {
		if (!Object.hasOwn(documented, value)) result = 'unknown';
		else if (documented[value] === keyIsNull) return 'yes';
	}
	return result;
};
