/**
 * Decode base64 (the standard alphabet, padding optional, whitespace ignored) into a string of bytes, so that two
 * encodings of the same bytes compare equal. `undefined` if it is not base64: the URL-safe alphabet (`-`, `_`) is
 * another encoding, base64url, which the IAM guide does not name.
 */
export const decodeBase64 = (text: string): string | undefined => {
	const compact = text.replace(/\s+/g, '').replace(/={1,2}$/, '');
	if (!/^[A-Za-z0-9+/]*$/.test(compact) || compact.length % 4 === 1) return undefined;
	try {
		return atob(compact + '='.repeat((4 - (compact.length % 4)) % 4));
	} catch {
		return undefined;
	}
};

/** `BinaryEquals`: the same bytes. A value that is not base64 matches nothing. */
export const compareBinary = (actual: string, expected: string): boolean => {
	const left = decodeBase64(actual);
	return left !== undefined && left === decodeBase64(expected);
};

export const binaryProblem = (actual: string): string | undefined =>
	decodeBase64(actual) === undefined ? 'is not base64' : undefined;
