import {isRegion} from '../../names/index.js';
import {ok} from '../../shared/result.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asString, field} from './json-access.js';

/**
 * s3:GetBucketLocation: no constraint (`null` from the CLI, absent from the SDK) means us-east-1; `EU` is the old name of
 * eu-west-1. Any other text that is not a Region name is a problem: it would name the Region of every call and fix.
 */
export const regionOfLocation = (answer: unknown): Mapped<string> => {
	const location = asString(field(answer, 'LocationConstraint'));
	if (!location) return ok('us-east-1');
	if (location === 'EU') return ok('eu-west-1');
	return isRegion(location) ? ok(location) : shapeProblem("the answer's LocationConstraint is not a Region name such as eu-west-1");
};
