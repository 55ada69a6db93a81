/**
 * IAM wildcards: `*` is any run of characters, `?` exactly one. IAM has no escape character, yet text
 * that a policy variable puts into a pattern (`${*}`, or a value holding `*`) must match literally. So
 * matching works on a `Glob`: pattern text in which a backslash marks the next character as literal.
 * A `Glob` is made only by `globOf` (raw policy text: a backslash stays a literal backslash) and
 * `literalGlob` (every character literal), so raw policy text is never misread as holding escapes.
 * Compiled patterns are cached: policies are matched thousands of times per evaluation run.
 */

declare const globBrand: unique symbol;
export type Glob = string & {readonly [globBrand]: true};

/** A pattern as written in a policy: `*` and `?` are wildcards, every other character (a backslash too) is itself. */
export const globOf = (text: string): Glob => (text.includes('\\') ? text.replaceAll('\\', '\\\\') : text) as Glob;

/** A pattern that matches exactly `text`: what a policy variable puts into a pattern. */
export const literalGlob = (text: string): Glob => text.replace(/[*?\\]/g, '\\$&') as Glob;

export const joinGlobs = (parts: readonly Glob[]): Glob => parts.join('') as Glob;

const cacheLimit = 10_000;

/** A bounded memo: cleared when full, as a policy set rarely holds more distinct patterns. */
const memo = <T>(compute: (key: string) => T): ((key: string) => T) => {
	const cache = new Map<string, T>();
	return key => {
		let value = cache.get(key);
		if (value === undefined) {
			value = compute(key);
			if (cache.size >= cacheLimit) cache.clear();
			cache.set(key, value);
		}
		return value;
	};
};

const escapeRegExp = (char: string): string => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The regular expression source of a glob. With `arnSegments`, a wildcard before the fifth colon stays
 * within its colon-separated segment (partition, service, region, account) and one after it may match
 * anything, as IAM matches ARNs.
 */
const regExpSource = (pattern: Glob, arnSegments: boolean): string => `^${regExpBody(pattern, arnSegments)}$`;

const regExpBody = (pattern: Glob, arnSegments: boolean): string => {
	let source = '';
	let colons = 0;
	for (let index = 0; index < pattern.length; index++) {
		const char = pattern[index]!;
		const inSegment = arnSegments && colons < 5;
		if (char === '\\' && index + 1 < pattern.length) {
			source += escapeRegExp(pattern[++index]!);
		} else if (char === '*') {
			source += inSegment ? '[^:]*' : '[\\s\\S]*';
		} else if (char === '?') {
			source += inSegment ? '[^:]' : '[\\s\\S]';
		} else {
			if (char === ':') colons++;
			source += escapeRegExp(char);
		}
	}
	return source;
};

const compiled = {
	plain: memo(pattern => new RegExp(regExpSource(pattern as Glob, false), 'u')),
	ignoreCase: memo(pattern => new RegExp(regExpSource(pattern as Glob, false), 'iu')),
	arn: memo(pattern => new RegExp(regExpSource(pattern as Glob, true), 'u')),
};

export const hasWildcard = (pattern: string): boolean => pattern.includes('*') || pattern.includes('?') || pattern.includes('\\');

/** Does `value` match the glob `pattern`? */
export const globMatch = (pattern: Glob, value: string, options: {readonly ignoreCase?: boolean} = {}): boolean => {
	if (options.ignoreCase) return compiled.ignoreCase(pattern).test(value);
	if (!hasWildcard(pattern)) return pattern === value;
	return compiled.plain(pattern).test(value);
};

/** Does the ARN `value` match the glob `pattern` segment by segment? Both must have the six ARN parts. */
export const arnGlobMatch = (pattern: Glob, value: string): boolean =>
	hasWildcard(pattern) ? compiled.arn(pattern).test(value) : pattern === value;

/** One regular expression that matches what any of `patterns` matches: compiled once per statement. */
export const anyGlobRegExp = (patterns: readonly Glob[], options: {readonly ignoreCase?: boolean} = {}): RegExp =>
	new RegExp(`^(?:${patterns.map(pattern => regExpBody(pattern, false)).join('|')})$`, options.ignoreCase ? 'iu' : 'u');

const colonsIn = (text: string): number => {
	let colons = 0;
	for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 58) colons++;
	return colons;
};

/** The literal text before a single trailing `*` that may match anything (`prefix/*`), if the pattern is one. */
export const plainPrefix = (pattern: Glob, arnSegments: boolean): string | undefined => {
	if (pattern.indexOf('*') !== pattern.length - 1 || pattern.includes('?') || pattern.includes('\\')) return undefined;
	const prefix = pattern.slice(0, -1);
	// A `*` in the first five segments of an ARN stays in its segment; a prefix ending in half a surrogate pair is left to the regex.
	if (arnSegments && colonsIn(prefix) < 5) return undefined;
	return prefix !== '' && (prefix.charCodeAt(prefix.length - 1) & 0xfc00) === 0xd800 ? undefined : prefix;
};

/** `globMatch` and `arnGlobMatch` with the pattern compiled ahead, for patterns matched on every evaluation. */
export const globMatcher = (pattern: Glob, arnSegments = false): ((value: string) => boolean) => {
	if (!hasWildcard(pattern)) return value => value === pattern;
	const prefix = plainPrefix(pattern, arnSegments);
	if (prefix !== undefined) return value => value.startsWith(prefix);
	const regex = new RegExp(regExpSource(pattern, arnSegments), 'u');
	return value => regex.test(value);
};
