import {globMatch} from '../glob.js';

/** The positive string comparisons; `StringNot…` operators are their negations (see evaluate-condition). */
export type StringComparison = 'equals' | 'equalsIgnoreCase' | 'like';

/**
 * Compare a request value with one policy value. For `like`, `expected` is a glob pattern in which a
 * backslash escapes the next character (see `toGlobPattern` in evaluate-condition).
 */
export const compareString = (comparison: StringComparison, actual: string, expected: string): boolean => {
	switch (comparison) {
		case 'equals':
			return actual === expected;
		case 'equalsIgnoreCase':
			return actual.toLowerCase() === expected.toLowerCase();
		case 'like':
			return globMatch(expected, actual);
	}
};
