import type {ContextLookup} from './context.js';
import {escapeGlob} from './glob.js';

/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, the literal escapes `${*}`,
 * `${?}`, `${$}`, and a default `${key, 'fallback'}`. Used in Resource and in String/Arn condition values.
 */
export type Substitution =
	| {readonly ok: true; readonly value: string}
	| {readonly ok: false; readonly unknownKey: string}
	| {readonly ok: false; readonly absentKey: string};

const variablePattern = /\$\{([^}]*)\}/g;
const literalEscapes: Readonly<Record<string, string>> = {'*': '*', '?': '?', $: '$'};

export const hasVariables = (text: string): boolean => text.includes('${');

/**
 * Replace the variables of `text` from the context. With `forGlob`, the replaced text is escaped so
 * that a `*` that came from a variable or `${*}` matches only a literal asterisk.
 * A variable whose key is absent (and has no default) makes the whole value unmatchable, as in IAM.
 */
export const substituteVariables = (text: string, lookup: ContextLookup, forGlob: boolean): Substitution => {
	if (!hasVariables(text)) return {ok: true, value: text};
	let result = '';
	let last = 0;
	for (const match of text.matchAll(variablePattern)) {
		const before = text.slice(last, match.index);
		result += before;
		last = match.index + match[0].length;
		const inner = match[1]!.trim();
		const literal = literalEscapes[inner];
		if (literal !== undefined) {
			result += forGlob ? escapeGlob(literal) : literal;
			continue;
		}
		const [rawKey, ...rest] = inner.split(',');
		const key = rawKey!.trim();
		const fallbackText = rest.join(',').trim();
		const fallback = /^'(.*)'$/.exec(fallbackText)?.[1];
		const entry = lookup(key);
		if (entry.state === 'unknown') return {ok: false, unknownKey: key};
		let value: string;
		if (entry.state === 'present' && entry.values.length > 0) value = entry.values[0]!;
		else if (fallback !== undefined) value = fallback;
		else return {ok: false, absentKey: key};
		result += forGlob ? escapeGlob(value) : value;
	}
	return {ok: true, value: result + text.slice(last)};
};
