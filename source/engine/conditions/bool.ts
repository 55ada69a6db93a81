/**
 * `true` / `false`, as the IAM guide writes them; `undefined` for anything else (`True` too): AWS documents no other
 * spelling, so what it makes of one is not known.
 */
export const parseBool = (text: string): boolean | undefined => (text === 'true' ? true : text === 'false' ? false : undefined);

/** A value that is not a boolean matches nothing here; evaluation reads it as unknown (`boolProblem`). */
export const compareBool = (actual: string, expected: string): boolean => {
	const left = parseBool(actual);
	return left !== undefined && left === parseBool(expected);
};

export const boolProblem = (actual: string): string | undefined =>
	parseBool(actual) === undefined ? 'is not "true" or "false"' : undefined;
