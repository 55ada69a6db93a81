import {globMatch, type Glob} from '../glob.js';

/** The positive string comparisons; `StringNot…` operators are their negations (see evaluate-condition). */
export type StringComparison = 'equals' | 'equalsIgnoreCase' | 'like';

/**
 * Compare a request value with one policy value. For `like`, `expected` is a `Glob` made by
 * `prepare` in evaluate-condition (a backslash there marks a literal character; see glob.ts).
 */
export const compareString = (comparison: StringComparison, actual: string, expected: string): boolean => {
	switch (comparison) {
		case 'equals':
			return actual === expected;
		case 'equalsIgnoreCase':
			return actual.toLowerCase() === expected.toLowerCase();
		case 'like':
			return globMatch(expected as Glob, actual);
	}
};
