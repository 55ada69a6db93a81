import {listPageOf, type Mapped, type Page} from './answer.js';

/**
 * iam:ListRolePolicies, ListUserPolicies or ListGroupPolicies: one page of inline policy names. An answer without
 * the list is a problem, not "none": IAM says "If there are no inline policies embedded with the specified role, the
 * operation returns an empty list".
 */
export const policyNamesPageOf = (answer: unknown): Mapped<Page<string>> =>
	listPageOf(answer, {list: 'PolicyNames', missing: iamSendsEmptyLists, truncated: 'IsTruncated', marker: 'Marker'}, name => (typeof name === 'string' ? name : undefined));

/** Why IAM's missing list is a problem: IAM says its list operations return an empty list when there is nothing. */
export const iamSendsEmptyLists = 'though IAM sends an empty one when there are none';
