import {ok} from '../../shared/result.js';
import {nextMarker, pageOf, shapeProblem, type Mapped, type Page} from './answer.js';
import {asString, field} from './json-access.js';

export type AttachedPolicy = {readonly arn: string; readonly name?: string};

/**
 * iam:ListAttachedRolePolicies, ListAttachedUserPolicies or ListAttachedGroupPolicies: one page of managed policies.
 * An answer without the list is a problem, not "none": IAM says "If there are no policies attached to the specified
 * role (or none that match the specified path prefix), the operation returns an empty list".
 */
export const attachedPoliciesPageOf = (answer: unknown): Mapped<Page<AttachedPolicy>> => {
	const attached = field(answer, 'AttachedPolicies');
	if (!Array.isArray(attached)) return shapeProblem('the answer holds no AttachedPolicies list, though IAM sends an empty one when there are none');
	return ok(
		pageOf(
			attached.flatMap((item: unknown): AttachedPolicy[] => {
				const arn = asString(field(item, 'PolicyArn'));
				const name = asString(field(item, 'PolicyName'));
				return arn ? [{arn, ...(name ? {name} : {})}] : [];
			}),
			nextMarker(answer, 'IsTruncated', 'Marker'),
		),
	);
};
