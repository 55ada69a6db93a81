import type {PolicyJson} from '../snapshot.js';
import type {Mapped} from './answer.js';
import {asString, field} from './json-access.js';
import {policyDocumentOf} from './policy-document.js';

/** iam:GetRolePolicy, GetUserPolicy or GetGroupPolicy: the inline policy's document (URL-encoded from the SDK, an object from the CLI). */
export const inlinePolicyOf = (answer: unknown): Mapped<PolicyJson> => policyDocumentOf(field(answer, 'PolicyDocument'));

/** The field each of the three answers names its owner in, beside PolicyName. */
export const inlinePolicyOwnerFields = {role: 'RoleName', user: 'UserName', group: 'GroupName'} as const;

/** Whose inline policy the answer is, as it says: customer text, held to nothing yet (a field absent or not a string is left out). */
export type InlinePolicyNames = {readonly ownerName?: string; readonly policyName?: string};

export const inlinePolicyNamesOf = (answer: unknown, owner: keyof typeof inlinePolicyOwnerFields): InlinePolicyNames => {
	const ownerName = asString(field(answer, inlinePolicyOwnerFields[owner]));
	const policyName = asString(field(answer, 'PolicyName'));
	return {...(ownerName === undefined ? {} : {ownerName}), ...(policyName === undefined ? {} : {policyName})};
};
