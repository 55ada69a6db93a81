/**
 * Does `text` start with `prefix`? The hot path's prefix test (Resource entries, `StringLike` values, ARN runs).
 * V8's `String.prototype.startsWith` compares one character at a time, about 2 ns each; `lastIndexOf` from
 * position 0 tests only that position, natively, in about half the time. Only from 0: from a later position it
 * would search backwards through the whole text on a mismatch. The prefix's last character is compared first:
 * prefixes that differ (another bucket, another account) mostly differ near their end, and then no search starts.
 */
export const startsWith = (text: string, prefix: string): boolean => {
	const last = prefix.length - 1;
	return last < 0 || (text.charCodeAt(last) === prefix.charCodeAt(last) && text.lastIndexOf(prefix, 0) === 0);
};
