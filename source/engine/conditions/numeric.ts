import {boundedMemo} from '../memo.js';

/** The ordered comparisons shared by the Numeric and Date operators (`NumericNotEquals` negates `equals`). */
export type OrderComparison = 'equals' | 'lessThan' | 'lessThanEquals' | 'greaterThan' | 'greaterThanEquals';

/** Does `order` (negative: actual < expected, 0: equal, positive: actual > expected) satisfy the comparison? */
export const orderSatisfies = (comparison: OrderComparison, order: number): boolean => {
	switch (comparison) {
		case 'equals':
			return order === 0;
		case 'lessThan':
			return order < 0;
		case 'lessThanEquals':
			return order <= 0;
		case 'greaterThan':
			return order > 0;
		case 'greaterThanEquals':
			return order >= 0;
	}
};

/** An exact decimal: `units × 10^-scale`. Exact, so `9007199254740993` and `0.1 + 0.2` compare correctly. */
type Decimal = {readonly units: bigint; readonly scale: number};

// "An integer or decimal value", as the IAM guide says: digits with an optional sign and point, no exponent (`1e3`).
const decimalPattern = /^([+-]?)(\d+\.?\d*|\.\d+)$/;

/** An integer or decimal (`10`, `-2.5`, `.5`); `undefined` for anything else. */
export const parseDecimal = (text: string): Decimal | undefined => {
	const match = decimalPattern.exec(text);
	if (!match) return undefined;
	const [whole = '', fraction = ''] = match[2]!.split('.');
	const units = BigInt(whole + fraction || '0');
	return {units: match[1] === '-' ? -units : units, scale: fraction.length};
};

const compareDecimals = (a: Decimal, b: Decimal): number => {
	const scale = Math.max(a.scale, b.scale);
	const left = a.units * 10n ** BigInt(scale - a.scale);
	const right = b.units * 10n ** BigInt(scale - b.scale);
	return left < right ? -1 : left > right ? 1 : 0;
};

const knownDecimal = boundedMemo(parseDecimal);

/** A value that is not a number matches nothing. */
export const compareNumeric = (comparison: OrderComparison, actual: string, expected: string): boolean => {
	const left = knownDecimal(actual);
	const right = knownDecimal(expected);
	return left !== undefined && right !== undefined && orderSatisfies(comparison, compareDecimals(left, right));
};

/** `compareNumeric` with the policy's number parsed once. */
export const numericTest = (comparison: OrderComparison, expected: string): ((actual: string) => boolean) => {
	const right = parseDecimal(expected);
	return actual => {
		const left = knownDecimal(actual);
		return left !== undefined && right !== undefined && orderSatisfies(comparison, compareDecimals(left, right));
	};
};

export const numericProblem = (actual: string): string | undefined =>
	knownDecimal(actual) === undefined ? 'is not a number' : undefined;
