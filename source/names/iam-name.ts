import {notA, parsed, type Parsed} from './name-error.js';

/**
 * IAM's own names. IAM quotas: names of users and roles "must be alphanumeric, including the following common
 * characters: plus (+), equal (=), comma (,), period (.), at (@), underscore (_), and hyphen (-)"; the IAM API
 * Reference gives RoleName and UserName at most 64 characters, GroupName and PolicyName at most 128, same pattern.
 */
export const iamNameSource = '[\\w+=,.@-]+';

export type IamNameKind = 'role' | 'user' | 'group' | 'policy';

const longest: Readonly<Record<IamNameKind, number>> = {role: 64, user: 64, group: 128, policy: 128};

const iamName = new RegExp(`^${iamNameSource}$`);

export const isIamName = (text: string, kind: IamNameKind): boolean => text.length <= longest[kind] && iamName.test(text);

const words: Readonly<Record<IamNameKind, string>> = {role: 'an IAM role name', user: 'an IAM user name', group: 'an IAM group name', policy: 'an IAM policy name'};

export const parseIamName = (text: string, kind: IamNameKind): Parsed<string> => {
	if (isIamName(text, kind)) return parsed(text);
	if (text.length > longest[kind] && iamName.test(text)) return notA(words[kind], `it has ${text.length} characters, IAM allows ${longest[kind]}`);
	return notA(words[kind], 'IAM names have letters, digits and + = , . @ _ - only');
};

/** An inline policy, named as aws iam get-role-policy, get-user-policy or get-group-policy prints it. */
export type InlinePolicyName = {readonly owner: 'role' | 'user' | 'group'; readonly ownerName: string; readonly policyName: string};

/** The owner's name and the policy's, each by IAM's rule; the error names which of the two is not. */
export const parseInlinePolicyName = (owner: InlinePolicyName['owner'], ownerName: string, policyName: string): Parsed<InlinePolicyName> => {
	const ownerParsed = parseIamName(ownerName, owner);
	if (!ownerParsed.ok) return ownerParsed;
	const policyParsed = parseIamName(policyName, 'policy');
	if (!policyParsed.ok) return policyParsed;
	return parsed({owner, ownerName, policyName});
};
