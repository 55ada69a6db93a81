import {lookupSource, type ContextEntry, type ContextLookup, type ContextSource} from '../context.js';
import type {ConditionClause} from '../policy.js';
import {type Tri, triBoth, triEither, triNot} from '../tri.js';
import {compiledClause, matchesAny, matchesSingle, mayMatch, readsAsMissing, requestValues, type CompiledClause} from './compile-clause.js';
import type {ValueOperator} from './operators.js';
import {describeCondition} from './describe-condition.js';
import type {ConditionTrace} from './trace.js';

/*
 * One condition clause against the request, following the IAM User Guide ("Condition operators",
 * "Multivalued context keys"):
 *
 * - The clause holds when the request value matches any of the policy values (OR); a negated operator
 *   (`StringNotEquals`, `NotIpAddress`, `ArnNotLike` …) holds when it matches none of them.
 * - A key missing from the request: positive operators fail, negated ones hold, `…IfExists` holds,
 *   `ForAllValues:` holds (empty set), `ForAnyValue:` fails. A present key with no values counts as missing, and
 *   for `ForAllValues:` and `Null` so does one whose value is an empty string ("a null dataset").
 * - `ForAnyValue:` holds when at least one request value passes the (possibly negated) test, and
 *   `ForAllValues:` when every one does; the negation applies per request value, so
 *   `ForAllValues:StringNotLike` holds when no request value matches any pattern.
 * - Without a qualifier, a key with several values is read as AWS reads a positive operator on a list:
 *   the clause holds when any request value matches. For a negated operator it holds only when no
 *   request value matches any policy value (the negation of the positive reading), which is the
 *   conservative choice: a `Deny` with `StringNotEquals` still fires unless every value is allowed.
 * - A value the operator cannot read (`"ten"` for a Numeric operator, in the policy or the request) makes its
 *   match `unknown`: AWS does not document what it matches, so no context key settles it.
 * - A key known to hold some values and perhaps more (`atLeast`) decides only where those values already do:
 *   one that passes `ForAnyValue:`, or one that fails `ForAllValues:`; otherwise the result is `unknown`.
 * - A key whose value we do not know makes the result `unknown`, whatever the operator (`Null` and
 *   `…IfExists` too): we never guess. So does a policy variable whose key is unknown, for the policy
 *   value that uses it; a variable whose key is absent (and has no default) makes that value match nothing.
 */

/**
 * The clause's result: the hot path of evaluation, with nothing built but the answer. The context keys that
 * leave it `unknown` (its own, or a policy variable's) are added to `unknownKeys`.
 */
export const clauseResult = (compiled: CompiledClause, context: ContextSource, unknownKeys?: string[]): Tri => {
	const actual = context.entryOf(compiled.keyId, compiled.lowerKey);
	const {kind} = compiled;
	if (kind === 'unknown-operator') return 'unknown';
	if (actual.state === 'unknown') {
		unknownKeys?.push(compiled.key);
		return 'unknown';
	}
	const values = actual.state === 'present' ? actual.values : undefined;
	const partial = actual.state === 'present' && actual.partial === true;
	if (values === undefined || readsAsMissing(compiled, values)) return compiled.whenMissing;
	if (kind === 'null') return compiled.whenPresent;
	const {every, negated} = compiled;
	const operator = compiled.operator as ValueOperator;
	if (compiled.single !== undefined && values.length === 1 && !partial) {
		if (matchesSingle(compiled, values[0]!)) return negated ? 'no' : 'yes';
		const open = operator.problem?.(values[0]!) ?? operator.undecided?.(values[0]!, compiled.single.text);
		return open === undefined ? (negated ? 'yes' : 'no') : 'unknown';
	}
	const expected = compiled.fixed ?? requestValues(compiled, operator, context.lookup);
	let result: Tri = every ? 'yes' : 'no';
	for (let index = 0; index < values.length; index++) {
		const match = matchesAny(operator, values[index]!, expected);
		const pass = negated ? triNot(match) : match;
		result = every ? triBoth(result, pass) : triEither(result, pass);
	}
	// Values the key may also hold could turn an all-pass into a fail, or a none-pass into a pass: only the other answer stands.
	if (partial && result === (every ? 'yes' : 'no')) {
		unknownKeys?.push(compiled.key);
		return 'unknown';
	}
	if (result === 'unknown' && unknownKeys) {
		// Only the keys that could change the answer: a value no request value could match, whatever they hold, is not asked about.
		for (const value of expected) {
			if (value.state !== 'unknown' || !values.some(actual => mayMatch(operator, actual, value))) continue;
			for (const key of value.unknownKeys) if (!unknownKeys.includes(key)) unknownKeys.push(key);
		}
	}
	return result;
};

/** A clause's trace: its result at once, its sentence only when someone reads it. */
class ConditionResult implements ConditionTrace {
	readonly clause: ConditionClause;
	readonly result: Tri;
	readonly actual: ContextEntry;
	readonly unknownKeys?: readonly string[];
	readonly #compiled: CompiledClause;
	readonly #lookup: ContextLookup;
	#reason: string | undefined;

	constructor(compiled: CompiledClause, lookup: ContextLookup) {
		const keys: string[] = [];
		this.clause = compiled.clause;
		this.actual = lookup(compiled.lowerKey);
		this.result = clauseResult(compiled, lookupSource(lookup), keys);
		this.unknownKeys = this.result === 'unknown' && keys.length > 0 ? keys : undefined;
		this.#compiled = compiled;
		this.#lookup = lookup;
	}

	get reason(): string {
		return (this.#reason ??= describeCondition(this.#compiled, this.actual, this.result, this.#lookup));
	}

	toJSON(): ConditionTrace {
		return {clause: this.clause, result: this.result, actual: this.actual, reason: this.reason, ...(this.unknownKeys ? {unknownKeys: this.unknownKeys} : {})};
	}
}

export const traceClause = (compiled: CompiledClause, lookup: ContextLookup): ConditionTrace => new ConditionResult(compiled, lookup);

/** `variables`: whether the policy's Version (2012-10-17) lets `${…}` be a policy variable. */
export const evaluateCondition = (clause: ConditionClause, lookup: ContextLookup, variables = true): ConditionTrace =>
	traceClause(compiledClause(clause, variables), lookup);
