import {arnGlobMatcher} from '../arn.js';
import {globMatch, globMatcher, type Glob} from '../glob.js';
import {arnPatternProblem, arnProblem, compareArn} from './arn.js';
import {binaryProblem, compareBinary, decodeBase64} from './binary.js';
import {boolProblem, compareBool, parseBool} from './bool.js';
import {compareDate, dateProblem, dateTest, dateUndecided} from './date.js';
import {ipInRange, ipProblem, ipRangeProblem, ipRangeTest, ipUndecided} from './ip-address.js';
import {compareNumeric, numericProblem, numericTest, type OrderComparison} from './numeric.js';
import {type BaseOperator, baseOperators} from './operator-name.js';
import {compareString, type StringComparison} from './string.js';

/** How a reason sentence words "the request value matches a policy value": `"x" is one of "a", "b"`. */
export type Relation = {
	readonly holds: string;
	readonly fails: string;
	/** `oneOf`: always say "one of" before the values, even a single one; `plain`: only for several. */
	readonly list: 'oneOf' | 'plain';
	readonly note?: string;
};

/** Policy variables in condition values: not allowed, substituted as text, or substituted into a glob. */
export type VariableMode = 'none' | 'text' | 'glob';

export type ValueOperator = {
	readonly kind: 'value';
	/** The `Not` operators: the condition holds when the request value matches none of the policy values. */
	readonly negated: boolean;
	readonly variables: VariableMode;
	/** The positive comparison of one request value with one (substituted) policy value. */
	readonly compare: (actual: string, expected: string) => boolean;
	/** `compare` with the policy value worked out once (parsed, compiled), for values fixed in the policy. */
	readonly prepare?: (expected: string) => (actual: string) => boolean;
	/** How a fixed value may be compared without a function: `equals` (the same text), `glob` (a `*`/`?` pattern), `arn` (ARN segments). */
	readonly plain?: 'equals' | 'glob' | 'arn';
	/**
	 * Whether a request value could match a policy value whose variables' keys are not known, given that value with
	 * each of them read as `*` (`widenText` / `widenGlob`): where it cannot, no answer about those keys changes the
	 * match. Absent: the operator has no such test, and the match stays unknown.
	 */
	readonly couldMatch?: (actual: string, widened: Glob) => boolean;
	/** Why the operator cannot read a request value, e.g. `is not a number`: AWS does not document what it matches. */
	readonly problem?: (actual: string) => string | undefined;
	/** The same for a policy value, where it differs from `problem` (an IP range, not an address). */
	readonly valueProblem?: (expected: string) => string | undefined;
	/**
	 * Why a request value neither certainly matches a policy value nor certainly does not, where one of them is read in
	 * more than one way AWS leaves open (a date without a zone): `compare` is then `false`, and the match `unknown`.
	 */
	readonly undecided?: (actual: string, expected: string) => string | undefined;
	readonly relation: Relation;
};

export type OperatorSpec = ValueOperator | {readonly kind: 'null'};

const ignoringCase = (expected: string): ((actual: string) => boolean) => {
	const lower = expected.toLowerCase();
	return actual => actual.toLowerCase() === lower;
};

/** Two values that parse (or decode) to the same thing; a request value that does not parse matches nothing. */
const sameParsed =
	<T>(parse: (text: string) => T | undefined) =>
	(expected: string): ((actual: string) => boolean) => {
		const wanted = parse(expected);
		return actual => {
			const value = parse(actual);
			return value !== undefined && value === wanted;
		};
	};

const string = (comparison: StringComparison, negated: boolean): ValueOperator => ({
	kind: 'value',
	negated,
	variables: comparison === 'like' ? 'glob' : 'text',
	compare: (actual, expected) => compareString(comparison, actual, expected),
	...(comparison === 'like' ? {prepare: (expected: string) => globMatcher(expected as Glob), plain: 'glob' as const} : {}),
	...(comparison === 'equalsIgnoreCase' ? {prepare: ignoringCase} : {}),
	...(comparison === 'equals' ? {plain: 'equals' as const} : {}),
	couldMatch: comparison === 'equalsIgnoreCase' ? (actual, widened) => globMatch(widened, actual, {ignoreCase: true}) : (actual, widened) => globMatch(widened, actual),
	relation:
		comparison === 'like'
			? {holds: 'matches', fails: 'does not match', list: 'plain'}
			: comparison === 'equalsIgnoreCase'
				? {holds: 'is', fails: 'is not', list: 'oneOf', note: ' (ignoring case)'}
				: {holds: 'is', fails: 'is not', list: 'oneOf'},
});

const numericWords: Readonly<Record<OrderComparison, string>> = {
	equals: 'equal to',
	lessThan: 'less than',
	lessThanEquals: 'less than or equal to',
	greaterThan: 'greater than',
	greaterThanEquals: 'greater than or equal to',
};

const numeric = (comparison: OrderComparison, negated = false): ValueOperator => ({
	kind: 'value',
	negated,
	variables: 'none',
	compare: (actual, expected) => compareNumeric(comparison, actual, expected),
	prepare: expected => numericTest(comparison, expected),
	problem: numericProblem,
	relation: {holds: `is ${numericWords[comparison]}`, fails: `is not ${numericWords[comparison]}`, list: 'plain'},
});

const dateWords: Readonly<Record<OrderComparison, string>> = {
	equals: 'the same time as',
	lessThan: 'before',
	lessThanEquals: 'at or before',
	greaterThan: 'after',
	greaterThanEquals: 'at or after',
};

const date = (comparison: OrderComparison, negated = false): ValueOperator => ({
	kind: 'value',
	negated,
	variables: 'none',
	compare: (actual, expected) => compareDate(comparison, actual, expected),
	prepare: expected => dateTest(comparison, expected),
	problem: dateProblem,
	undecided: (actual, expected) => dateUndecided(comparison, actual, expected),
	relation: {holds: `is ${dateWords[comparison]}`, fails: `is not ${dateWords[comparison]}`, list: 'plain'},
});

const arn = (negated: boolean): ValueOperator => ({
	kind: 'value',
	negated,
	variables: 'glob',
	compare: compareArn,
	prepare: expected => arnGlobMatcher(expected as Glob),
	plain: 'arn',
	// A plain pattern, not read by ARN segment: a variable's value may hold a colon, so `*` may span segments here.
	couldMatch: (actual, widened) => globMatch(widened, actual),
	problem: arnProblem,
	valueProblem: arnPatternProblem,
	relation: {holds: 'matches', fails: 'does not match', list: 'plain'},
});

const ip = (negated: boolean): ValueOperator => ({
	kind: 'value',
	negated,
	variables: 'none',
	compare: ipInRange,
	prepare: ipRangeTest,
	problem: ipProblem,
	valueProblem: ipRangeProblem,
	undecided: ipUndecided,
	relation: {holds: 'is in', fails: 'is not in', list: 'plain'},
});

/** Every base operator of the IAM reference and how to evaluate it. */
export const operatorSpecs: Readonly<Record<BaseOperator, OperatorSpec>> = {
	StringEquals: string('equals', false),
	StringNotEquals: string('equals', true),
	StringEqualsIgnoreCase: string('equalsIgnoreCase', false),
	StringNotEqualsIgnoreCase: string('equalsIgnoreCase', true),
	StringLike: string('like', false),
	StringNotLike: string('like', true),
	NumericEquals: numeric('equals'),
	NumericNotEquals: numeric('equals', true),
	NumericLessThan: numeric('lessThan'),
	NumericLessThanEquals: numeric('lessThanEquals'),
	NumericGreaterThan: numeric('greaterThan'),
	NumericGreaterThanEquals: numeric('greaterThanEquals'),
	DateEquals: date('equals'),
	DateNotEquals: date('equals', true),
	DateLessThan: date('lessThan'),
	DateLessThanEquals: date('lessThanEquals'),
	DateGreaterThan: date('greaterThan'),
	DateGreaterThanEquals: date('greaterThanEquals'),
	// The IAM reference allows policy variables with Bool (not with Numeric, Date, Binary, IpAddress, Null).
	Bool: {kind: 'value', negated: false, variables: 'text', compare: compareBool, prepare: sameParsed(parseBool), problem: boolProblem, relation: {holds: 'is', fails: 'is not', list: 'plain'}},
	BinaryEquals: {kind: 'value', negated: false, variables: 'none', compare: compareBinary, prepare: sameParsed(decodeBase64), problem: binaryProblem, relation: {holds: 'is', fails: 'is not', list: 'plain'}},
	IpAddress: ip(false),
	NotIpAddress: ip(true),
	ArnEquals: arn(false),
	ArnLike: arn(false),
	ArnNotEquals: arn(true),
	ArnNotLike: arn(true),
	Null: {kind: 'null'},
};

const byLowerName = new Map<string, BaseOperator>(baseOperators.map(name => [name.toLowerCase(), name]));

/** The spec of a base operator name (any case); `undefined` for an operator IAM does not have. */
export const findOperator = (name: string): OperatorSpec | undefined => {
	// Parsed clauses carry the canonical name: look it up as is before folding case.
	if (Object.hasOwn(operatorSpecs, name)) return operatorSpecs[name as BaseOperator];
	const base = byLowerName.get(name.toLowerCase());
	return base && operatorSpecs[base];
};
