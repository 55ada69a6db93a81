import {nextMarker, pageOf, type Page} from './answer.js';
import {field, strings} from './json-access.js';

/** iam:ListRolePolicies, ListUserPolicies or ListGroupPolicies: one page of inline policy names. */
export const policyNamesPageOf = (answer: unknown): Page<string> =>
	pageOf(
		strings(field(answer, 'PolicyNames')),
		nextMarker(answer, 'IsTruncated', 'Marker'),
	);
