/** `true` / `false` in any case; `undefined` for anything else. */
export const parseBool = (text: string): boolean | undefined => {
	// Most values are written in lower case already: no new string for them.
	if (text === 'true') return true;
	if (text === 'false') return false;
	const lower = text.toLowerCase();
	return lower === 'true' ? true : lower === 'false' ? false : undefined;
};

/** A value that is not a boolean matches nothing. */
export const compareBool = (actual: string, expected: string): boolean => {
	const left = parseBool(actual);
	return left !== undefined && left === parseBool(expected);
};

export const boolProblem = (actual: string): string | undefined =>
	parseBool(actual) === undefined ? 'is not "true" or "false"' : undefined;
