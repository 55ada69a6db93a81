import type {NamedPolicy, OrganizationLevel, PolicyJson, Snapshot} from './snapshot.js';

/**
 * AWS's own maximum size for each kind of policy: a policy larger than its kind allows cannot exist in
 * an account, so one in a snapshot, bundle or paste is refused by name rather than evaluated.
 * Sizes are measured on the compact JSON, and for IAM and Organizations without whitespace, as AWS
 * counts them, so no real policy is ever over.
 */

export type PolicyKind = 'key policy' | 'bucket policy' | 'IAM managed policy' | 'IAM inline policy' | 'session policy' | 'SCP' | 'RCP';

type Limit = {readonly max: number; readonly unit: 'bytes' | 'characters'; readonly source: string};

export const policyLimits: Readonly<Record<PolicyKind, Limit>> = {
	// KMS PutKeyPolicy: "The policy size limit is 32 KiB (32768 bytes)."
	'key policy': {max: 32_768, unit: 'bytes', source: 'KMS PutKeyPolicy'},
	// S3 user guide: "Bucket policies are limited to 20 KB in size."
	'bucket policy': {max: 20 * 1024, unit: 'bytes', source: 'the Amazon S3 User Guide'},
	// IAM quotas: a managed policy 6,144 characters; a role's inline policies 10,240 in all (users 2,048, groups 5,120).
	'IAM managed policy': {max: 6_144, unit: 'characters', source: 'IAM quotas'},
	'IAM inline policy': {max: 10_240, unit: 'characters', source: "IAM quotas (a role's inline policies)"},
	// STS AssumeRole: session policies "can't exceed 2,048 characters".
	'session policy': {max: 2_048, unit: 'characters', source: 'STS AssumeRole'},
	// Organizations quotas: SCPs and RCPs 5,120 characters.
	SCP: {max: 5_120, unit: 'characters', source: 'Organizations quotas'},
	RCP: {max: 5_120, unit: 'characters', source: 'Organizations quotas'},
};

/**
 * IAM quotas: "You can add as many inline policies as you want to an IAM user, role, or group. But the total
 * aggregate policy size (the sum size of all inline policies) per entity cannot exceed the following quotas"; "IAM
 * does not count white space when calculating the size of a policy against these quotas."
 */
export const inlinePoliciesQuota: Readonly<Record<'user' | 'role' | 'group', number>> = {user: 2_048, role: 10_240, group: 5_120};

/** The policy's size as AWS counts it for its kind. */
export const policySize = (document: unknown, kind: PolicyKind): number => {
	const compact = JSON.stringify(document) ?? '';
	return policyLimits[kind].unit === 'bytes' ? Buffer.byteLength(compact, 'utf8') : compact.replace(/\s/g, '').length;
};

/** "key.policy is 40,000 bytes, more than the 32,768 AWS allows for a key policy (KMS PutKeyPolicy)", or undefined. */
export const policySizeProblem = (document: unknown, kind: PolicyKind, where: string): string | undefined => {
	const size = policySize(document, kind);
	const limit = policyLimits[kind];
	if (size <= limit.max) return undefined;
	const number = (value: number): string => value.toLocaleString('en-US');
	return `${where} is ${number(size)} ${limit.unit}, more than the ${number(limit.max)} AWS allows for ${/^(?:SCP|RCP|IAM)/.test(kind) ? 'an' : 'a'} ${kind} (${limit.source})`;
};

const isNamed = (policy: PolicyJson | NamedPolicy): policy is NamedPolicy => typeof policy['name'] === 'string' && typeof policy['document'] === 'object';

const levelProblems = (levels: readonly OrganizationLevel[] | undefined, kind: 'SCP' | 'RCP', path: string): (string | undefined)[] =>
	(levels ?? []).flatMap((level, levelIndex) =>
		level.map((policy, index) => policySizeProblem(isNamed(policy) ? policy.document : policy, kind, `${path}[${levelIndex}][${index}]`)),
	);

/** Every policy of a snapshot that is larger than AWS allows for its kind, named by its path. */
export const policySizeProblems = (snapshot: Snapshot): readonly string[] => {
	const {principal, bucket, key, source, organization} = snapshot;
	const problems = [
		key?.policy === undefined ? undefined : policySizeProblem(key.policy, 'key policy', 'key.policy'),
		source?.keyInfo?.policy === undefined ? undefined : policySizeProblem(source.keyInfo.policy, 'key policy', 'source.keyInfo.policy'),
		bucket?.policy ? policySizeProblem(bucket.policy, 'bucket policy', 'bucket.policy') : undefined,
		source?.bucketInfo?.policy ? policySizeProblem(source.bucketInfo.policy, 'bucket policy', 'source.bucketInfo.policy') : undefined,
		...(principal?.identityPolicies ?? []).map((policy, index) =>
			policySizeProblem(policy.document, policy.arn ? 'IAM managed policy' : 'IAM inline policy', `principal.identityPolicies[${index}] (${policy.name})`),
		),
		principal?.permissionsBoundary ? policySizeProblem(principal.permissionsBoundary.document, 'IAM managed policy', 'principal.permissionsBoundary') : undefined,
		principal?.sessionPolicy ? policySizeProblem(principal.sessionPolicy, 'session policy', 'principal.sessionPolicy') : undefined,
		...levelProblems(organization?.serviceControlPolicies, 'SCP', 'organization.serviceControlPolicies'),
		...levelProblems(organization?.resourceControlPolicies, 'RCP', 'organization.resourceControlPolicies'),
	];
	return problems.filter((problem): problem is string => problem !== undefined);
};

/** The kind of a pasted policy from the wizard's question title ("Key policy", "SCP 2", "Identity policy 1"). */
export const policyKindOfTitle = (title: string): PolicyKind => {
	const lower = title.toLowerCase();
	if (lower.includes('key')) return 'key policy';
	if (lower.includes('bucket')) return 'bucket policy';
	if (lower.startsWith('scp')) return 'SCP';
	if (lower.startsWith('rcp')) return 'RCP';
	if (lower.includes('session')) return 'session policy';
	if (lower.includes('boundary')) return 'IAM managed policy';
	return 'IAM inline policy';
};
