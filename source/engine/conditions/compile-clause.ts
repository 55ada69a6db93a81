import {keyIdOf, type ContextLookup} from '../context.js';
import {globOf, hasWildcard, plainPrefix, type Glob} from '../glob.js';
import type {ConditionClause} from '../policy.js';
import type {Tri} from '../tri.js';
import {hasVariables, substituteGlob, substituteText, widenGlob, widenText} from '../variables.js';
import {nullResult} from './null.js';
import {findOperator, type OperatorSpec, type ValueOperator, type VariableMode} from './operators.js';
import {startsWith} from '../starts-with.js';

/*
 * Objects here are built with every field, in one order, whatever their case: evaluation reads them on its
 * hottest path, and V8 reads a field of objects that all share one shape much faster than of objects that do not.
 */

/**
 * A policy value after policy variables were replaced. `ready`: `text` is what to compare with, and `test`
 * the comparison compiled once (for values fixed in the policy); `unknown` / `absent`: `key` is the variable's.
 */
export type Expected = {
	readonly written: string;
	readonly state: 'ready' | 'unknown' | 'absent';
	readonly text: string;
	readonly key: string;
	/** How a `ready` value is compared: the operator's `compare`, the same text, a text prefix, or `test`. */
	readonly via: 'compare' | 'equals' | 'prefix' | 'test';
	/** `equals`: the text; `prefix`: the text before the pattern's one trailing `*`. */
	readonly literal: string;
	readonly test: ((actual: string) => boolean) | undefined;
	/** `unknown`, where the operator can test it (`couldMatch`): the value with each unknown variable read as `*`. */
	readonly widened: Glob | undefined;
	/** `unknown`: the keys of all its variables whose values are not known (`key` is the first). */
	readonly unknownKeys: readonly string[];
	/** `unknown` because the operator cannot read the value (`"ten"` for a Numeric operator): why, e.g. `is not a number`. */
	readonly unreadable: string | undefined;
};

/** How a clause is evaluated: an operator IAM does not have, `Null`, or an operator that compares values. */
export type ClauseKind = 'unknown-operator' | 'null' | 'value';

/**
 * What evaluating a clause needs, worked out once per clause (policies are evaluated again and again): the
 * operator, what a missing key means, and the policy values prepared, unless they hold policy variables.
 */
export type CompiledClause = {
	// The fields evaluation reads come first, in the order it reads them: an object's first cache line holds them.
	/** Keys are case-insensitive: a lookup finds the key's entry by its number (`keyIdOf`), or by its lower-case form. */
	readonly keyId: number;
	readonly lowerKey: string;
	readonly kind: ClauseKind;
	/** The result when the key is missing (or has no values); `Null` decides it by its values. */
	readonly whenMissing: Tri;
	/** `Null` and `ForAllValues`: a key whose only value is an empty string is a null dataset, read as missing. */
	readonly emptyIsMissing: boolean;
	/** The one fixed value, when there is just one (the usual case): no list to walk. */
	readonly single: Expected | undefined;
	/** `single`'s comparison, here too: the usual clause is settled without reaching the value's own object. */
	readonly via: Expected['via'];
	readonly literal: string;
	/** The `Not` operators: the clause holds when the request value matches none of the policy values. */
	readonly negated: boolean;
	/** Unqualified: positive operators need one matching value, negated ones need every value to pass. */
	readonly every: boolean;
	readonly operator: OperatorSpec | undefined;
	/** The prepared values, when none depends on the request. */
	readonly fixed: readonly Expected[] | undefined;
	/** `Null` only: the result when the key has a value. */
	readonly whenPresent: Tri;
	readonly clause: ConditionClause;
	readonly key: string;
	/** Whether the policy's Version (2012-10-17) lets `${…}` be a policy variable. */
	readonly variables: boolean;
};

const expected = (
	written: string,
	state: Expected['state'],
	text: string,
	key: string,
	via: Expected['via'] = 'compare',
	literal = '',
	test?: (actual: string) => boolean,
	widened?: Glob,
	unknownKeys: readonly string[] = state === 'unknown' ? [key] : noKeys,
	unreadable?: string,
): Expected => ({written, state, text, key, via, literal, test, widened, unknownKeys, unreadable});

/**
 * A policy value the operator cannot read: AWS does not document what it matches, so it may match anything (`unknown`),
 * and no context key settles it.
 */
const unreadableValue = (written: string, problem: string): Expected =>
	expected(written, 'unknown', '', '', 'compare', '', undefined, undefined, noKeys, problem);

/** Why the operator cannot read a policy value, or `undefined`. */
const valueProblem = (operator: ValueOperator, text: string): string | undefined => (operator.valueProblem ?? operator.problem)?.(text);

const noKeys: readonly string[] = Object.freeze([]);

/** No values, or only empty strings: what the IAM guide calls a null dataset. */
const isNullDataset = (values: readonly string[]): boolean => values.every(value => value === '');

/**
 * Whether a present key's values count as the key missing: none, or for `Null` and `ForAllValues:` only empty strings.
 * The first value is checked before the whole list: the usual value is not empty.
 */
export const readsAsMissing = (compiled: CompiledClause, values: readonly string[]): boolean =>
	values.length === 0 || (compiled.emptyIsMissing && values[0] === '' && isNullDataset(values));

/** Compare a request value with the clause's one fixed value (`single`), from the copy of its comparison on the clause. */
export const matchesSingle = (compiled: CompiledClause, actual: string): boolean => {
	switch (compiled.via) {
		case 'equals':
			return actual === compiled.literal;
		case 'prefix':
			return startsWith(actual, compiled.literal);
		default:
			return matchesOne(compiled.operator as ValueOperator, actual, compiled.single!);
	}
};

/** Compare a request value with one ready policy value. */
export const matchesOne = (operator: ValueOperator, actual: string, value: Expected): boolean => {
	switch (value.via) {
		case 'equals':
			return actual === value.literal;
		case 'prefix':
			return startsWith(actual, value.literal);
		case 'test':
			return value.test!(actual);
		default:
			return operator.compare(actual, value.text);
	}
};

/**
 * A policy value ready to compare: for `glob` operators a `Glob` (see glob.ts), so a backslash the
 * policy holds stays literal and a `*` a variable puts in matches only itself. Without `variables`
 * (a policy older than Version 2012-10-17) `${…}` is plain text.
 */
const prepare = (written: string, mode: VariableMode, lookup: ContextLookup | undefined, variables: boolean, widens = false, operator?: ValueOperator): Expected => {
	if (mode === 'none') return expected(written, 'ready', written, '');
	if (!variables || !lookup) return expected(written, 'ready', mode === 'glob' ? globOf(written) : written, '');
	const substitution = mode === 'glob' ? substituteGlob(written, lookup) : substituteText(written, lookup);
	if (substitution.ok) {
		const problem = operator ? valueProblem(operator, substitution.value) : undefined;
		return problem === undefined ? expected(written, 'ready', substitution.value, '') : unreadableValue(written, problem);
	}
	if ('absentKey' in substitution) return expected(written, 'absent', '', substitution.absentKey);
	if (!widens) return expected(written, 'unknown', '', substitution.unknownKey);
	// Read on past the unknown key: a later key without a value (and no default) leaves the value matching nothing.
	const widened = mode === 'glob' ? widenGlob(written, lookup) : widenText(written, lookup);
	if (!widened.ok) return expected(written, 'absent', '', widened.absentKey);
	return expected(written, 'unknown', '', substitution.unknownKey, 'compare', '', undefined, widened.value, widened.unknownKeys);
};

/** Could the request value match this policy value, whose variables' keys are not all known? */
export const mayMatch = (operator: ValueOperator, actual: string, value: Expected): boolean =>
	value.widened === undefined || operator.couldMatch === undefined || operator.couldMatch(actual, value.widened);

/** Does one request value match any of the policy values (the positive test, before negation)? */
export const matchesAny = (operator: ValueOperator, actual: string, values: readonly Expected[]): Tri => {
	let match: Tri = 'no';
	for (let index = 0; index < values.length; index++) {
		const value = values[index]!;
		if (value.state === 'ready') {
			if (matchesOne(operator, actual, value)) return 'yes';
			if (operator.undecided !== undefined && operator.undecided(actual, value.text) !== undefined) match = 'unknown';
		} else if (value.state === 'unknown' && mayMatch(operator, actual, value)) match = 'unknown';
	}
	// A request value the operator cannot read matches nothing AWS documents: it may match anything.
	return match === 'no' && operator.problem?.(actual) !== undefined ? 'unknown' : match;
};

/** Values with policy variables, prepared for one request. */
export const requestValues = (compiled: CompiledClause, operator: ValueOperator, lookup: ContextLookup): readonly Expected[] =>
	compiled.fixed ?? compiled.clause.values.map(value => prepare(value, operator.variables, lookup, compiled.variables, operator.couldMatch !== undefined, operator));

const fixedValues = (clause: ConditionClause, operator: ValueOperator, variables: boolean): readonly Expected[] | undefined => {
	if (operator.variables !== 'none' && variables && clause.values.some(hasVariables)) return undefined;
	return clause.values.map(value => {
		const {written, text} = prepare(value, operator.variables, undefined, variables);
		const problem = valueProblem(operator, text);
		if (problem !== undefined) return unreadableValue(written, problem);
		// Plain data where it will do (the same text, a prefix), a prepared test where not.
		const glob = text as Glob;
		if (operator.plain === 'equals' || (operator.plain !== undefined && !hasWildcard(glob))) return expected(written, 'ready', text, '', 'equals', text);
		const prefix = operator.plain === undefined ? undefined : plainPrefix(glob, operator.plain === 'arn');
		if (prefix !== undefined) return expected(written, 'ready', text, '', 'prefix', prefix);
		return operator.prepare ? expected(written, 'ready', text, '', 'test', '', operator.prepare(text)) : expected(written, 'ready', text, '');
	});
};

const missingResult = (clause: ConditionClause, operator: ValueOperator): Tri => {
	// IfExists and ForAllValues (an empty set) count a missing key as a match, ForAnyValue has nothing to match.
	if (clause.ifExists || clause.qualifier === 'ForAllValues') return 'yes';
	if (clause.qualifier === 'ForAnyValue') return 'no';
	return operator.negated ? 'yes' : 'no';
};

const clause = (
	from: ConditionClause,
	operator: OperatorSpec | undefined,
	kind: ClauseKind,
	variables: boolean,
	negated: boolean,
	every: boolean,
	whenMissing: Tri,
	whenPresent: Tri,
	fixed: readonly Expected[] | undefined,
): CompiledClause => {
	const single = fixed?.length === 1 && fixed[0]!.state === 'ready' ? fixed[0] : undefined;
	const lowerKey = from.key.toLowerCase();
	return {
		keyId: keyIdOf(lowerKey),
		lowerKey,
		kind,
		whenMissing,
		emptyIsMissing: kind === 'null' || from.qualifier === 'ForAllValues',
		single,
		via: single?.via ?? 'compare',
		literal: single?.literal ?? '',
		negated,
		every,
		operator,
		fixed,
		whenPresent,
		clause: from,
		key: from.key,
		variables,
	};
};

/*
 * Policies repeat the same conditions (a TLS guard, an organization check, the same network ranges in every
 * account): one compiled clause per distinct text keeps a few hundred policy sets small enough for the
 * processor's caches. Bounded; cleared when full.
 */
const sharedClauses = new Map<string, CompiledClause>();
const sharedLimit = 20_000;

/** The compiled form of a clause, shared with every clause of the same operator, key, values and Version. */
export const compileClause = (from: ConditionClause, variables: boolean): CompiledClause => {
	const text = JSON.stringify([from.operator, from.key, from.values, variables]);
	let compiled = sharedClauses.get(text);
	if (compiled === undefined) {
		compiled = compileFresh(from, variables);
		if (sharedClauses.size >= sharedLimit) sharedClauses.clear();
		sharedClauses.set(text, compiled);
	}
	return compiled;
};

const compileFresh = (from: ConditionClause, variables: boolean): CompiledClause => {
	const operator = findOperator(from.baseOperator);
	if (!operator) return clause(from, undefined, 'unknown-operator', variables, false, false, 'unknown', 'unknown', undefined);
	if (operator.kind === 'null') {
		// Qualifiers mean nothing to Null: it tests whether the key has a value at all.
		return clause(from, operator, 'null', variables, false, false, nullResult(true, from.values), nullResult(false, from.values), undefined);
	}
	const every = from.qualifier ? from.qualifier === 'ForAllValues' : operator.negated;
	return clause(from, operator, 'value', variables, operator.negated, every, missingResult(from, operator), 'unknown', fixedValues(from, operator, variables));
};

// For clauses evaluated on their own (not through a compiled policy): one compilation per clause and Version.
const compiledClauses = new WeakMap<ConditionClause, {without?: CompiledClause; with?: CompiledClause}>();

export const compiledClause = (from: ConditionClause, variables: boolean): CompiledClause => {
	let cached = compiledClauses.get(from);
	if (!cached) compiledClauses.set(from, (cached = {}));
	return variables ? (cached.with ??= compileClause(from, true)) : (cached.without ??= compileClause(from, false));
};
