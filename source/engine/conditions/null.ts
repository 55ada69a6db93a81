import {parseBool} from './bool.js';

/**
 * `Null`: `"true"` holds when the key is missing (or has no values, or only an empty string), `"false"` when it has a value.
 * A policy value that is not a boolean matches nothing.
 */
export const nullMatches = (keyIsNull: boolean, expected: string): boolean => {
	const wanted = parseBool(expected);
	return wanted !== undefined && wanted === keyIsNull;
};
