import {nextMarker, pageOf, type Page} from './answer.js';
import {asArray, asString, field} from './json-access.js';

export type AttachedPolicy = {readonly arn: string; readonly name?: string};

/** iam:ListAttachedRolePolicies, ListAttachedUserPolicies or ListAttachedGroupPolicies: one page of managed policies. */
export const attachedPoliciesPageOf = (answer: unknown): Page<AttachedPolicy> =>
	pageOf(
		asArray(field(answer, 'AttachedPolicies')).flatMap((item): AttachedPolicy[] => {
			const arn = asString(field(item, 'PolicyArn'));
			const name = asString(field(item, 'PolicyName'));
			return arn ? [{arn, ...(name ? {name} : {})}] : [];
		}),
		nextMarker(answer, 'IsTruncated', 'Marker'),
	);
