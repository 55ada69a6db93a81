import {isIamName, type IamNameKind} from '../../names/index.js';
import {shellQuote} from '../../shared/shell.js';
import {inlinePolicyNamesOf} from '../../snapshot/aws-answers/index.js';
import type {UnreadNote} from '../../snapshot/snapshot.js';
import {calls, stems} from './bundle-layout.js';

/** A group's inline policy, as the bundle lists it; the script wrote its answer to stems.groupPolicy(group, policy). */
export type GroupPolicyRef = {readonly group: string; readonly policy: string; readonly groupArn: string};

/** A name goes into a sentence only when IAM would take it: anything else is customer text (a control character, a megabyte). */
const shown = (name: string, kind: IamNameKind): string => (isIamName(name, kind) ? name : '(not an IAM name)');

const whose = (group: string | undefined, policy: string | undefined): string => {
	if (group !== undefined && policy !== undefined) return `policy ${shown(policy, 'policy')} of group ${shown(group, 'group')}`;
	return group === undefined ? `policy ${shown(policy ?? '', 'policy')}` : `group ${shown(group, 'group')}`;
};

const reasonOf = (answer: unknown, asked: GroupPolicyRef, groups: readonly string[]): string | undefined => {
	const stem = stems.groupPolicy(asked.group, asked.policy);
	const file = `${stem}.json`;
	const {ownerName, policyName} = inlinePolicyNamesOf(answer, 'group');
	if (ownerName === undefined && policyName === undefined) {
		// The script writes a group's files only for the groups the user is in: one such group is the only reading.
		const fitting = groups.filter(group => stem.startsWith(stems.groupPolicyPrefix(group)));
		if (fitting.length <= 1) return undefined;
		return `${file} names no GroupName or PolicyName, and its name fits ${fitting.map(group => `group ${shown(group, 'group')}`).join(' and ')}: whose policy it holds is not known`;
	}
	// Either name settles where the group's part of the file name ends.
	if ((ownerName ?? asked.group) === asked.group && (policyName ?? asked.policy) === asked.policy) return undefined;
	const asking = whose(asked.group, asked.policy);
	const sharing = ownerName !== undefined && policyName !== undefined && isIamName(ownerName, 'group') && isIamName(policyName, 'policy') && stems.groupPolicy(ownerName, policyName) === stem;
	if (sharing) return `${file} holds ${whose(ownerName, policyName)}, not ${asking}: the two share this file name, and the collection script kept the answer it wrote last`;
	return `${file} answers for ${whose(ownerName, policyName)}, not ${asking}: the file was edited, or is from another bundle`;
};

/**
 * Why a get-group-policy answer is not the one for `asked`; undefined when it is. IAM's group and policy names may both hold
 * dots, so iam-get-group-policy.A.B.C is policy C of group A.B or policy B.C of group A, and for a user in both groups the
 * script writes that file twice. The answer names its group and policy (GroupName, PolicyName): they settle whose it is.
 */
export const groupPolicyAnswerNote = (answer: unknown, asked: GroupPolicyRef, groups: readonly string[]): UnreadNote | undefined => {
	const reason = reasonOf(answer, asked, groups);
	if (reason === undefined) return undefined;
	const named = isIamName(asked.group, 'group') && isIamName(asked.policy, 'policy') ? ` --group-name ${shellQuote(asked.group)} --policy-name ${shellQuote(asked.policy)}` : '';
	return {path: 'principal.identityPolicies', reason, resolveWith: `${calls.getGroupPolicy.permission} on ${asked.groupArn} (aws iam get-group-policy${named}, pasted)`};
};
