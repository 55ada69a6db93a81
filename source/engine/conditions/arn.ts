import {arnMatches} from '../arn.js';

/**
 * `ArnEquals` and `ArnLike` behave identically: each colon-separated part is matched on its own and
 * may hold `*` and `?`. Case-sensitive. `expected` is a glob pattern (a backslash escapes).
 */
export const compareArn = (actual: string, expected: string): boolean => arnMatches(expected, actual);
