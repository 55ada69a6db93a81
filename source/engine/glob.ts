/**
 * IAM wildcard matching: `*` is any run of characters, `?` exactly one. A backslash makes the next
 * character literal; `substituteVariables` uses that so `${*}` stays a literal asterisk.
 * Compiled patterns are cached: policies are matched thousands of times per evaluation run.
 */

const cache = new Map<string, RegExp>();
const cacheLimit = 10_000;

const escapeRegExp = (char: string): string => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const compile = (pattern: string, ignoreCase: boolean): RegExp => {
	const cacheKey = (ignoreCase ? 'i:' : 's:') + pattern;
	const cached = cache.get(cacheKey);
	if (cached) return cached;
	let source = '^';
	for (let index = 0; index < pattern.length; index++) {
		const char = pattern[index]!;
		if (char === '\\' && index + 1 < pattern.length) {
			source += escapeRegExp(pattern[++index]!);
		} else if (char === '*') {
			source += '[\\s\\S]*';
		} else if (char === '?') {
			source += '[\\s\\S]';
		} else {
			source += escapeRegExp(char);
		}
	}
	const regex = new RegExp(source + '$', ignoreCase ? 'iu' : 'u');
	if (cache.size >= cacheLimit) cache.clear();
	cache.set(cacheKey, regex);
	return regex;
};

const hasWildcard = (pattern: string): boolean => /[*?\\]/.test(pattern);

/** Does `value` match the IAM wildcard `pattern`? */
export const globMatch = (pattern: string, value: string, options: {ignoreCase?: boolean} = {}): boolean => {
	const ignoreCase = options.ignoreCase ?? false;
	if (!hasWildcard(pattern)) {
		return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
	}
	return compile(pattern, ignoreCase).test(value);
};

/** Escape text so `globMatch` treats every character literally. */
export const escapeGlob = (text: string): string => text.replace(/[*?\\]/g, '\\$&');
