import {arnGlobMatches} from '../arn.js';
import type {Glob} from '../glob.js';

/**
 * `ArnEquals` and `ArnLike` behave identically: each colon-separated part is matched on its own and
 * may hold `*` and `?`. Case-sensitive. `expected` is a `Glob` made by `prepare` in evaluate-condition.
 */
export const compareArn = (actual: string, expected: string): boolean => arnGlobMatches(expected as Glob, actual);
