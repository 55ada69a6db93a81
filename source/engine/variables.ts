import type {ContextLookup} from './context.js';
import {globOf, joinGlobs, literalGlob, type Glob} from './glob.js';

/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, the literal escapes `${*}`,
 * `${?}`, `${$}`, and a default `${key, 'fallback'}`. Used in Resource and in String/Arn condition
 * values, and only in policies whose Version is 2012-10-17: in older ones `${…}` is plain text.
 */
export type Substitution<T extends string = string> =
	| {readonly ok: true; readonly value: T}
	| {readonly ok: false; readonly unknownKey: string}
	| {readonly ok: false; readonly absentKey: string};

/**
 * A value with each variable whose key is not known read as `*`, and those keys (each once, in order; none when every
 * key is known); or the key, absent and without a default, that leaves the value matching nothing.
 */
export type Widening = {readonly ok: true; readonly value: Glob; readonly unknownKeys: readonly string[]} | {readonly ok: false; readonly absentKey: string};

/** The policy language version that introduced policy variables. */
export const variablesVersion = '2012-10-17';

const variablePattern = /\$\{([^}]*)\}/g;
const literalEscapes: Readonly<Record<string, string>> = {'*': '*', '?': '?', $: '$'};

export const hasVariables = (text: string): boolean => text.includes('${');

/** A variable of a written value: its key and its default (`${key, 'fallback'}`), if any. */
type Variable = {readonly key: string; readonly fallback: string | undefined};

/** The variable written between `${` and `}` (trimmed), when it is not a literal escape. */
const variableOf = (inner: string): Variable => {
	const [rawKey, ...rest] = inner.split(',');
	return {key: rawKey!.trim(), fallback: /^'(.*)'$/.exec(rest.join(',').trim())?.[1]};
};

/**
 * Replace the variables of `text`, turning the written parts with `written` and the replaced
 * values with `replaced`. A variable whose key is unknown makes the result unknown, or with `unknown` is
 * replaced by `unknown.as` and its key noted in `unknown.keys`; one whose key is absent (and has no default) makes the whole value unmatchable, as in IAM.
 */
const substitute = <T extends string>(
	text: string,
	lookup: ContextLookup,
	written: (part: string) => T,
	replaced: (value: string) => T,
	join: (parts: readonly T[]) => T,
	unknown?: {readonly as: T; readonly keys: string[]},
): Substitution<T> => {
	const parts: T[] = [];
	let last = 0;
	for (const match of text.matchAll(variablePattern)) {
		parts.push(written(text.slice(last, match.index)));
		last = match.index + match[0].length;
		const inner = match[1]!.trim();
		const literal = literalEscapes[inner];
		if (literal !== undefined) {
			parts.push(replaced(literal));
			continue;
		}
		const {key, fallback} = variableOf(inner);
		const entry = lookup(key);
		if (entry.state === 'unknown') {
			if (unknown === undefined) return {ok: false, unknownKey: key};
			parts.push(unknown.as);
			if (!unknown.keys.includes(key)) unknown.keys.push(key);
			continue;
		}
		if (entry.state === 'present' && entry.values.length > 0) parts.push(replaced(entry.values[0]!));
		else if (fallback !== undefined) parts.push(replaced(fallback));
		else return {ok: false, absentKey: key};
	}
	parts.push(written(text.slice(last)));
	return {ok: true, value: join(parts)};
};

const same = (text: string): string => text;

/** Replace the variables of a plain value (StringEquals, Bool …). */
export const substituteText = (text: string, lookup: ContextLookup): Substitution =>
	hasVariables(text) ? substitute(text, lookup, same, same, parts => parts.join('')) : {ok: true, value: text};

/**
 * Replace the variables of a wildcard pattern (Resource, StringLike, Arn*): the written text keeps its
 * wildcards, and every character a variable puts in (`${*}` too) matches only itself.
 */
export const substituteGlob = (text: string, lookup: ContextLookup): Substitution<Glob> =>
	hasVariables(text) ? substitute(text, lookup, globOf, literalGlob, joinGlobs) : {ok: true, value: globOf(text)};

const widen = (text: string, lookup: ContextLookup, written: (part: string) => Glob): Widening => {
	const keys: string[] = [];
	const result = hasVariables(text) ? substitute(text, lookup, written, literalGlob, joinGlobs, {as: '*' as Glob, keys}) : {ok: true as const, value: written(text)};
	// Read as `*`, no key stops it as unknown: only an absent one without a default does.
	return result.ok ? {ok: true, value: result.value, unknownKeys: keys} : (result as {readonly ok: false; readonly absentKey: string});
};

/** `substituteText` as a pattern: the written text literal, each variable whose key is not known read as `*` (see `widenGlob`). */
export const widenText = (text: string, lookup: ContextLookup): Widening => widen(text, lookup, literalGlob);

/**
 * `substituteGlob` with each variable whose key is not known read as `*`: every value the pattern could match, whatever
 * those keys hold. Where even that does not match, no answer about the keys can change it.
 */
export const widenGlob = (text: string, lookup: ContextLookup): Widening => widen(text, lookup, globOf);
