import {isIamName, type IamNameKind} from '../../names/index.js';
import {shellQuote} from '../../shared/shell.js';
import {inlinePolicyNamesOf} from '../../snapshot/aws-answers/index.js';
import type {UnreadNote} from '../../snapshot/provenance.js';
import type {BundleFiles} from './bundle-files.js';
import {calls, stems} from './bundle-layout.js';

/** A group's inline policy, as the bundle lists it; the script wrote its answer to its naming's stem(group, policy). */
export type GroupPolicyRef = {readonly group: string; readonly policy: string; readonly groupArn: string};

/** How a bundle names a group's inline policy files: the stem of one, and how every one of a group starts. */
export type GroupPolicyNaming = {readonly stem: (group: string, policy: string) => string; readonly prefix: (group: string) => string};

const currentNaming: GroupPolicyNaming = {stem: stems.groupPolicy, prefix: stems.groupPolicyPrefix};
const legacyNaming: GroupPolicyNaming = {stem: stems.legacyGroupPolicy, prefix: stems.legacyGroupPolicyPrefix};

/** This script's naming, unless the bundle holds the policy only under an older script's (a `.` between the names). */
export const groupPolicyNamingIn = (files: BundleFiles, group: string, policy: string): GroupPolicyNaming =>
	files.call(currentNaming.stem(group, policy)).state === 'absent' && files.call(legacyNaming.stem(group, policy)).state !== 'absent' ? legacyNaming : currentNaming;

/** A name goes into a sentence only when IAM would take it: anything else is customer text (a control character, a megabyte). */
const shown = (name: string, kind: IamNameKind): string => (isIamName(name, kind) ? name : '(not an IAM name)');

const whose = (group: string | undefined, policy: string | undefined): string => {
	if (group !== undefined && policy !== undefined) return `policy ${shown(policy, 'policy')} of group ${shown(group, 'group')}`;
	return group === undefined ? `policy ${shown(policy ?? '', 'policy')}` : `group ${shown(group, 'group')}`;
};

const reasonOf = (answer: unknown, asked: GroupPolicyRef, groups: readonly string[], naming: GroupPolicyNaming): string | undefined => {
	const stem = naming.stem(asked.group, asked.policy);
	const file = `${stem}.json`;
	const {ownerName, policyName} = inlinePolicyNamesOf(answer, 'group');
	if (ownerName === undefined && policyName === undefined) {
		// The script writes a group's files only for the groups the user is in: one such group is the only reading.
		const fitting = groups.filter(group => stem.startsWith(naming.prefix(group)));
		if (fitting.length <= 1) return undefined;
		return `${file} names no GroupName or PolicyName, and its name fits ${fitting.map(group => `group ${shown(group, 'group')}`).join(' and ')}: whose policy it holds is not known`;
	}
	// Either name settles where the group's part of the file name ends.
	if ((ownerName ?? asked.group) === asked.group && (policyName ?? asked.policy) === asked.policy) return undefined;
	const asking = whose(asked.group, asked.policy);
	const sharing = ownerName !== undefined && policyName !== undefined && isIamName(ownerName, 'group') && isIamName(policyName, 'policy') && naming.stem(ownerName, policyName) === stem;
	if (sharing) return `${file} holds ${whose(ownerName, policyName)}, not ${asking}: the two share this file name, and the collection script kept the answer it wrote last`;
	return `${file} answers for ${whose(ownerName, policyName)}, not ${asking}: the file was edited, or is from another bundle`;
};

/**
 * Why a get-group-policy answer is not the one for `asked`; undefined when it is. The answer names its group and policy
 * (GroupName, PolicyName): an edited file, or one of another bundle, names others. In an older script's bundle IAM's
 * group and policy names may both hold dots, so iam-get-group-policy.A.B.C is policy C of group A.B or policy B.C of
 * group A, and for a user in both groups the script wrote that file twice: those names settle whose it is.
 */
export const groupPolicyAnswerNote = (answer: unknown, asked: GroupPolicyRef, groups: readonly string[], naming: GroupPolicyNaming): UnreadNote | undefined => {
	const reason = reasonOf(answer, asked, groups, naming);
	if (reason === undefined) return undefined;
	const named = isIamName(asked.group, 'group') && isIamName(asked.policy, 'policy') ? ` --group-name ${shellQuote(asked.group)} --policy-name ${shellQuote(asked.policy)}` : '';
	return {path: 'principal.identityPolicies', reason, resolveWith: `${calls.getGroupPolicy.permission} on ${asked.groupArn} (aws iam get-group-policy${named}, pasted)`};
};
