import {listPageOf, type Mapped, type Page} from './answer.js';
import {iamSendsEmptyLists} from './iam-list-policy-names.js';
import {asString, field} from './json-access.js';

export type AttachedPolicy = {readonly arn: string; readonly name?: string};

/**
 * iam:ListAttachedRolePolicies, ListAttachedUserPolicies or ListAttachedGroupPolicies: one page of managed policies.
 * An answer without the list is a problem, not "none": IAM says "If there are no policies attached to the specified
 * role (or none that match the specified path prefix), the operation returns an empty list".
 */
export const attachedPoliciesPageOf = (answer: unknown): Mapped<Page<AttachedPolicy>> =>
	listPageOf(answer, {list: 'AttachedPolicies', missing: iamSendsEmptyLists, truncated: 'IsTruncated', marker: 'Marker'}, (item): AttachedPolicy | undefined => {
		const arn = asString(field(item, 'PolicyArn'));
		const name = asString(field(item, 'PolicyName'));
		return arn ? {arn, ...(name ? {name} : {})} : undefined;
	});
