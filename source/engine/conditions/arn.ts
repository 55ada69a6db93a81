import {arnGlobMatches, isArnShaped} from '../arn.js';
import type {Glob} from '../glob.js';

/**
 * `ArnEquals` and `ArnLike` behave identically: each colon-separated part is matched on its own and
 * may hold `*` and `?`. Case-sensitive. `expected` is a `Glob` made by `prepare` in evaluate-condition.
 */
export const compareArn = (actual: string, expected: string): boolean => arnGlobMatches(expected as Glob, actual);

/*
 * AWS matches "each of the six colon-delimited components of the ARN" and says nothing of text that has fewer: such a
 * value, in the request or the policy, may match anything (unknown). A lone `*` is the wildcard for every ARN.
 */
export const arnProblem = (actual: string): string | undefined => (isArnShaped(actual) ? undefined : 'is not an ARN (six parts separated by colons)');

export const arnPatternProblem = (expected: string): string | undefined => (expected === '*' ? undefined : arnProblem(expected));
