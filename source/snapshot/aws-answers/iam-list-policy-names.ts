import {ok} from '../../shared/result.js';
import {nextMarker, pageOf, shapeProblem, type Mapped, type Page} from './answer.js';
import {field, strings} from './json-access.js';

/**
 * iam:ListRolePolicies, ListUserPolicies or ListGroupPolicies: one page of inline policy names. An answer without
 * the list is a problem, not "none": IAM says "If there are no inline policies embedded with the specified role, the
 * operation returns an empty list".
 */
export const policyNamesPageOf = (answer: unknown): Mapped<Page<string>> => {
	const names = field(answer, 'PolicyNames');
	if (!Array.isArray(names)) return shapeProblem('the answer holds no PolicyNames list, though IAM sends an empty one when there are none');
	return ok(pageOf(strings(names), nextMarker(answer, 'IsTruncated', 'Marker')));
};
