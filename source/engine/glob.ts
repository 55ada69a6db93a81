import {startsWith} from './starts-with.js';

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

/*
 * A regular expression backtracks: with several `*` it tries every way to split the value among them, and a short
 * hostile pattern (`bucket/*a*a*a*a*a*b`, or eight `*` segments before `.parquet`) against a long key ran for
 * minutes. A pattern with at most one `*` stays a regular expression (one split point: linear); one with more is
 * matched by following every position the pattern can be at, character by character: time proportional to the
 * value's length times the pattern's, never more.
 */

type Token = {readonly kind: 'char'; readonly char: string} | {readonly kind: 'one' | 'star'; readonly colon: boolean};

const tokensOf = (pattern: Glob, arnSegments: boolean): Token[] => {
	const tokens: Token[] = [];
	let colons = 0;
	const characters = [...pattern];
	for (let index = 0; index < characters.length; index++) {
		const char = characters[index]!;
		// Before the fifth colon of an ARN a wildcard stays within its segment: it may not match a colon.
		const colon = !(arnSegments && colons < 5);
		if (char === '\\' && index + 1 < characters.length) tokens.push({kind: 'char', char: characters[++index]!});
		else if (char === '*') tokens.push({kind: 'star', colon});
		else if (char === '?') tokens.push({kind: 'one', colon});
		else {
			if (char === ':') colons++;
			tokens.push({kind: 'char', char});
		}
	}
	return tokens;
};

const sameCharacter = (expected: string, actual: string, ignoreCase: boolean): boolean =>
	expected === actual || (ignoreCase && (expected.toLowerCase() === actual.toLowerCase() || expected.toUpperCase() === actual.toUpperCase()));

/** Every position the pattern can be at after the text read so far; a `*` may also match nothing. */
const positionMatcher = (tokens: readonly Token[], ignoreCase: boolean): ((value: string) => boolean) => {
	const end = tokens.length;
	const reach = (positions: Uint8Array, from: number): void => {
		for (let position = from; position <= end && positions[position] === 0; position++) {
			positions[position] = 1;
			if (position === end || tokens[position]!.kind !== 'star') break;
		}
	};
	return value => {
		let current = new Uint8Array(end + 1);
		reach(current, 0);
		for (const char of value) {
			const next = new Uint8Array(end + 1);
			let any = false;
			for (let position = 0; position < end; position++) {
				if (current[position] === 0) continue;
				const token = tokens[position]!;
				if (token.kind === 'char' ? sameCharacter(token.char, char, ignoreCase) : token.colon || char !== ':') {
					reach(next, token.kind === 'star' ? position : position + 1);
					any = true;
				}
			}
			if (!any) return false;
			current = next;
		}
		return current[end] === 1;
	};
};

const starCount = (pattern: string): number => {
	let stars = 0;
	for (let index = 0; index < pattern.length; index++) {
		if (pattern[index] === '\\') index++;
		else if (pattern[index] === '*') stars++;
	}
	return stars;
};

const matcherOf = (pattern: Glob, arnSegments: boolean, ignoreCase: boolean): ((value: string) => boolean) => {
	if (starCount(pattern) > 1) return positionMatcher(tokensOf(pattern, arnSegments), ignoreCase);
	const regex = new RegExp(regExpSource(pattern, arnSegments), ignoreCase ? 'iu' : 'u');
	return value => regex.test(value);
};

const compiled = {
	plain: memo(pattern => matcherOf(pattern as Glob, false, false)),
	ignoreCase: memo(pattern => matcherOf(pattern as Glob, false, true)),
	arn: memo(pattern => matcherOf(pattern as Glob, true, false)),
};

export const hasWildcard = (pattern: string): boolean => pattern.includes('*') || pattern.includes('?') || pattern.includes('\\');

/** Does `value` match the glob `pattern`? */
export const globMatch = (pattern: Glob, value: string, options: {readonly ignoreCase?: boolean} = {}): boolean => {
	if (options.ignoreCase) return compiled.ignoreCase(pattern)(value);
	if (!hasWildcard(pattern)) return pattern === value;
	return compiled.plain(pattern)(value);
};

/** Does the ARN `value` match the glob `pattern` segment by segment? Both must have the six ARN parts. */
export const arnGlobMatch = (pattern: Glob, value: string): boolean => (hasWildcard(pattern) ? compiled.arn(pattern)(value) : pattern === value);

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
	if (prefix !== undefined) return value => startsWith(value, prefix);
	return matcherOf(pattern, arnSegments, false);
};
