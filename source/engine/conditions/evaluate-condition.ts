import type {ContextLookup} from '../context.js';
import type {ConditionClause} from '../policy.js';
import {fromBoolean, type Tri, triAnd, triEither, triNot, triOr} from '../tri.js';
import {globOf} from '../glob.js';
import {hasVariables, substituteGlob, substituteText} from '../variables.js';
import {nullMatches} from './null.js';
import {findOperator, type ValueOperator, type VariableMode} from './operators.js';
import type {ConditionTrace} from './trace.js';
import {formatActual, quote, quoteList, relationPhrase} from './wording.js';

/*
 * One condition clause against the request, following the IAM User Guide ("Condition operators",
 * "Multivalued context keys"):
 *
 * - The clause holds when the request value matches any of the policy values (OR); a negated operator
 *   (`StringNotEquals`, `NotIpAddress`, `ArnNotLike` …) holds when it matches none of them.
 * - A key missing from the request: positive operators fail, negated ones hold, `…IfExists` holds,
 *   `ForAllValues:` holds (empty set), `ForAnyValue:` fails. A present key with no values counts as missing.
 * - `ForAnyValue:` holds when at least one request value passes the (possibly negated) test, and
 *   `ForAllValues:` when every one does; the negation applies per request value, so
 *   `ForAllValues:StringNotLike` holds when no request value matches any pattern.
 * - Without a qualifier, a key with several values is read as AWS reads a positive operator on a list:
 *   the clause holds when any request value matches. For a negated operator it holds only when no
 *   request value matches any policy value (the negation of the positive reading), which is the
 *   conservative choice: a `Deny` with `StringNotEquals` still fires unless every value is allowed.
 * - A key whose value we do not know makes the result `unknown`, whatever the operator (`Null` and
 *   `…IfExists` too): we never guess. So does a policy variable whose key is unknown, for the policy
 *   value that uses it; a variable whose key is absent (and has no default) makes that value match nothing.
 */

/** A policy value after policy variables were replaced. */
type Expected =
	| {readonly written: string; readonly state: 'ready'; readonly text: string}
	| {readonly written: string; readonly state: 'unknown' | 'absent'; readonly key: string};

/**
 * A policy value ready to compare: for `glob` operators a `Glob` (see glob.ts), so a backslash the
 * policy holds stays literal and a `*` a variable puts in matches only itself. Without `variables`
 * (a policy older than Version 2012-10-17) `${…}` is plain text.
 */
const prepare = (written: string, mode: VariableMode, lookup: ContextLookup, variables: boolean): Expected => {
	if (mode === 'none') return {written, state: 'ready', text: written};
	if (!variables) return {written, state: 'ready', text: mode === 'glob' ? globOf(written) : written};
	const substitution = mode === 'glob' ? substituteGlob(written, lookup) : substituteText(written, lookup);
	if (substitution.ok) return {written, state: 'ready', text: substitution.value};
	return 'unknownKey' in substitution
		? {written, state: 'unknown', key: substitution.unknownKey}
		: {written, state: 'absent', key: substitution.absentKey};
};

// Values without policy variables are prepared once per clause: policies are evaluated again and again.
const fixedValues = new WeakMap<ConditionClause, {readonly variables: boolean; readonly expected: readonly Expected[]}>();

const expectedValues = (clause: ConditionClause, mode: VariableMode, lookup: ContextLookup, variables: boolean): readonly Expected[] => {
	const cached = fixedValues.get(clause);
	if (cached && cached.variables === variables) return cached.expected;
	const expected = clause.values.map(value => prepare(value, mode, lookup, variables));
	if (mode === 'none' || !variables || !clause.values.some(hasVariables)) fixedValues.set(clause, {variables, expected});
	return expected;
};

/** Does one request value match any of the policy values (the positive test, before negation)? */
const matchesAny = (operator: ValueOperator, actual: string, expected: readonly Expected[]): Tri => {
	let match: Tri = 'no';
	for (const value of expected) {
		const one: Tri = value.state === 'ready' ? fromBoolean(operator.compare(actual, value.text)) : value.state === 'unknown' ? 'unknown' : 'no';
		match = triEither(match, one);
		if (match === 'yes') break;
	}
	return match;
};

const verdict = (result: Tri): string =>
	result === 'yes' ? 'matches' : result === 'no' ? 'does not match' : 'may or may not match';

/** `variables`: whether the policy's Version (2012-10-17) lets `${…}` be a policy variable. */
export const evaluateCondition = (clause: ConditionClause, lookup: ContextLookup, variables = true): ConditionTrace => {
	const actual = lookup(clause.key);
	const trace = (result: Tri, reason: string, unknownKeys?: readonly string[]): ConditionTrace =>
		unknownKeys && result === 'unknown' ? {clause, result, actual, reason, unknownKeys} : {clause, result, actual, reason};
	const {key, operator: name} = clause;
	const operator = findOperator(clause.baseOperator);

	if (!operator) return trace('unknown', `${quote(name)} is not an IAM condition operator, so this condition cannot be evaluated`);
	if (actual.state === 'unknown') return trace('unknown', `${key} is not known for this request`, [key]);

	const missing = actual.state === 'absent' || actual.values.length === 0;
	const where = actual.state === 'absent' ? `${key} is not in the request` : `${key} has no values in the request`;

	if (operator.kind === 'null') {
		// Qualifiers mean nothing to Null: it tests whether the key has a value at all.
		const result = fromBoolean(clause.values.some(value => nullMatches(missing, value)));
		const subject = missing ? where : `${key} is ${formatActual(actual.values, actual.multiValued)}`;
		const expected = clause.values.length === 1 ? quote(clause.values[0]!) : `one of ${quoteList(clause.values)}`;
		return trace(result, `${subject}, so ${name} ${expected} ${verdict(result)}`);
	}

	if (missing) {
		if (clause.ifExists) return trace('yes', `${where}, and ${name} counts a missing key as a match`);
		if (clause.qualifier === 'ForAllValues') return trace('yes', `${where}, and ${name} counts an empty set as a match`);
		if (clause.qualifier === 'ForAnyValue') return trace('no', `${where}, so ${name} has no value to match`);
		if (operator.negated) return trace('yes', `${where}, and ${name} counts a missing key as a match`);
		return trace('no', `${where}, so ${name} does not match`);
	}

	const expected = expectedValues(clause, operator.variables, lookup, variables);
	const matches = actual.values.map(value => matchesAny(operator, value, expected));
	const passes = matches.map(match => (operator.negated ? triNot(match) : match));
	// Unqualified: positive operators need one matching value, negated ones need every value to pass.
	const every = clause.qualifier ? clause.qualifier === 'ForAllValues' : operator.negated;
	const result = every ? triAnd(...passes) : triOr(...passes);

	const written = clause.values;
	const unknownKey = expected.find(value => value.state === 'unknown');
	/** What one request value did: `"x" is not one of "a"`, or why that is not known. */
	const describe = (value: string, match: Tri, single: boolean): string => {
		const subject = single ? `${key} is ${quote(value)}, ` : '';
		if (match === 'unknown') {
			const because = unknownKey?.state === 'unknown' ? unknownKey.key : key;
			const it = single ? 'it' : quote(value);
			return `${subject}${single ? 'but ' : ''}whether ${it} ${relationPhrase(operator.relation, true, written)} depends on ${because}, which is not known for this request`;
		}
		const problem = match === 'no' ? operator.problem?.(value) : undefined;
		return `${subject}${single ? 'which' : quote(value)} ${problem ?? relationPhrase(operator.relation, match === 'yes', written)}`;
	};

	let reason: string;
	if (actual.values.length === 1 && !actual.multiValued) {
		reason = describe(actual.values[0]!, matches[0]!, true);
		if (clause.qualifier || operator.negated) reason += `, so ${name} ${verdict(result)}`;
	} else {
		// Name the request value that decided the result, or say that all of them agree.
		const decisive = passes.findIndex(pass => pass === result);
		const witnessed = result === 'unknown' || (every ? result === 'no' : result === 'yes');
		const detail = witnessed
			? describe(actual.values[decisive]!, matches[decisive]!, false)
			: `${matches[0] === 'yes' ? 'each' : 'none'} of them ${relationPhrase(operator.relation, true, written)}`;
		reason = `${key} is ${formatActual(actual.values, actual.multiValued)} and ${detail}, so ${name} ${verdict(result)}`;
	}

	const unmatchable = expected.find(value => value.state === 'absent');
	if (unmatchable?.state === 'absent') {
		reason += ` (${unmatchable.key} is not in the request, so ${quote(unmatchable.written)} matches nothing)`;
	}
	if (result !== 'unknown') return trace(result, reason);
	return trace(result, reason, [...new Set(expected.flatMap(value => (value.state === 'unknown' ? [value.key] : [])))]);
};
