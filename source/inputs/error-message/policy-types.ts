import type {PolicyType} from './parsed-denial.js';

/** How AWS words each type in the message, lower-cased; "sessions policy" appears in one AWS example. */
const phrases: ReadonlyArray<readonly [string, PolicyType]> = [
	['identity-based policy', 'identity-based'],
	['identity based policy', 'identity-based'],
	['resource-based policy', 'resource-based'],
	['resource based policy', 'resource-based'],
	['service control policy', 'service-control-policy'],
	['service control policies', 'service-control-policy'],
	['resource control policy', 'resource-control-policy'],
	['resource control policies', 'resource-control-policy'],
	['permissions boundary', 'permissions-boundary'],
	['permissions boundary policy', 'permissions-boundary'],
	['permission boundary', 'permissions-boundary'],
	['session policy', 'session-policy'],
	['sessions policy', 'session-policy'],
	['session policies', 'session-policy'],
	['vpc endpoint policy', 'vpc-endpoint-policy'],
	['role trust policy', 'role-trust-policy'],
	['trust policy', 'role-trust-policy'],
];

/** "VPC endpoint policy" → `vpc-endpoint-policy`; undefined for words that name no policy type. */
export const policyTypeOfPhrase = (phrase: string): PolicyType | undefined => {
	const wanted = phrase.trim().replace(/\s+/g, ' ').toLowerCase();
	return phrases.find(([words]) => words === wanted)?.[1];
};

/** The alternation for a regular expression, longest first so "permissions boundary policy" wins over "permissions boundary". */
export const policyTypePattern: string = [...phrases]
	.map(([words]) => words)
	.sort((a, b) => b.length - a.length)
	.map(words => words.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&').replace(/ /g, '\\s+'))
	.join('|');

export const policyTypeWords: Readonly<Record<PolicyType, string>> = {
	'identity-based': 'identity-based policy',
	'resource-based': 'resource-based policy',
	'service-control-policy': 'service control policy (SCP)',
	'resource-control-policy': 'resource control policy (RCP)',
	'permissions-boundary': 'permissions boundary',
	'session-policy': 'session policy',
	'vpc-endpoint-policy': 'VPC endpoint policy',
	'role-trust-policy': 'role trust policy',
};
