import type {DistributionInfo, ServiceInfo} from '../../snapshot/operation-facts.js';
import type {CopySource, Question} from '../../snapshot/question.js';

/**
 * The support bundle's file names: the collection script writes them, bundleToSnapshot reads them.
 * Every call writes STEM.json (its answer), STEM.stderr (its error) and STEM.exit (its exit status),
 * and one line of manifest.tsv. A stem with a subject (a policy name, an ARN, an id) is `PREFIX.SAFE`, its part cut
 * by namePart where the longest names AWS allows would pass the file systems' limit; two subjects never share a stem
 * (a group's inline policy is `PREFIX.GROUP~POLICY`, a managed policy and a replica key carry their name's cksum).
 */

export const bundleFormat = 's3-kms-doctor/bundle@1';
export const questionFile = 'question.json';
export const manifestFile = 'manifest.tsv';

/** The copy source's bucket, object and key calls carry this prefix. */
export const sourcePrefix = 'source.';

/**
 * The replica keys the replication rules name, read before the rule covering the object is chosen: one prefix per key as
 * named, its safe name and the `cksum` of the whole name. Alias names may hold both `/` and `_` (KMS: "It can contain only
 * alphanumeric characters, forward slashes (/), underscores (_), and dashes (-)"), so alias/a/b and alias/a_b have one
 * safe name: the checksum keeps their files apart.
 */
export const replicaPrefix = 'replica.';
export const replicaKeyPrefix = (named: string): string => `${replicaPrefix}${namePart(named, namePartAround.replicaKey, 'always')}.`;
/** Bundles of older scripts named a replica key's files by its safe name alone (cut, and then checksummed, only where too long). */
export const legacyReplicaKeyPrefix = (named: string): string => `${replicaPrefix}${namePart(named, namePartAround.replicaKey, 'when-cut')}.`;

/** The script reads at most this many distinct replica keys (a configuration holds up to 1,000 rules). */
export const replicaKeyLimit = 10;

export type CallSpec = {
	readonly stem: string;
	/** The IAM permission the call needs, as the script's comment and the unread note say it. */
	readonly permission: string;
	/** Why the script makes the call, in a line. */
	readonly purpose: string;
};

export const calls = {
	callerIdentity: {stem: 'sts-get-caller-identity', permission: 'none (always allowed)', purpose: 'who is running this: account ID and ARN'},
	accessKeyInfo: {stem: 'sts-get-access-key-info', permission: 'sts:GetAccessKeyInfo', purpose: "the account of the presigned URL's access key: whether its signer is in this account"},
	getRole: {stem: 'iam-get-role', permission: 'iam:GetRole', purpose: "the role: its ID, tags and permissions boundary"},
	listRolePolicies: {stem: 'iam-list-role-policies', permission: 'iam:ListRolePolicies', purpose: "the names of the role's inline policies"},
	getRolePolicy: {stem: 'iam-get-role-policy', permission: 'iam:GetRolePolicy', purpose: 'one inline policy of the role'},
	listAttachedRolePolicies: {stem: 'iam-list-attached-role-policies', permission: 'iam:ListAttachedRolePolicies', purpose: 'the managed policies attached to the role'},
	getUser: {stem: 'iam-get-user', permission: 'iam:GetUser', purpose: 'the user: its ID, tags and permissions boundary'},
	listUserPolicies: {stem: 'iam-list-user-policies', permission: 'iam:ListUserPolicies', purpose: "the names of the user's inline policies"},
	getUserPolicy: {stem: 'iam-get-user-policy', permission: 'iam:GetUserPolicy', purpose: 'one inline policy of the user'},
	listAttachedUserPolicies: {stem: 'iam-list-attached-user-policies', permission: 'iam:ListAttachedUserPolicies', purpose: 'the managed policies attached to the user'},
	listGroupsForUser: {stem: 'iam-list-groups-for-user', permission: 'iam:ListGroupsForUser', purpose: "the user's groups, whose policies apply to it too"},
	listGroupPolicies: {stem: 'iam-list-group-policies', permission: 'iam:ListGroupPolicies', purpose: "the names of a group's inline policies"},
	getGroupPolicy: {stem: 'iam-get-group-policy', permission: 'iam:GetGroupPolicy', purpose: 'one inline policy of a group'},
	listAttachedGroupPolicies: {stem: 'iam-list-attached-group-policies', permission: 'iam:ListAttachedGroupPolicies', purpose: 'the managed policies attached to a group'},
	getPolicy: {stem: 'iam-get-policy', permission: 'iam:GetPolicy', purpose: "a managed policy's default version"},
	getPolicyVersion: {stem: 'iam-get-policy-version', permission: 'iam:GetPolicyVersion', purpose: "the managed policy's document"},
	getBucketLocation: {stem: 's3api-get-bucket-location', permission: 's3:GetBucketLocation', purpose: "the bucket's Region (the key must be in the same Region)"},
	headBucket: {stem: 's3api-head-bucket', permission: 's3:ListBucket', purpose: 'whether this account owns the bucket (--expected-bucket-owner)'},
	getBucketPolicy: {stem: 's3api-get-bucket-policy', permission: 's3:GetBucketPolicy', purpose: 'the bucket policy'},
	getBucketEncryption: {stem: 's3api-get-bucket-encryption', permission: 's3:GetEncryptionConfiguration', purpose: "the bucket's default encryption and its KMS key"},
	getBucketOwnershipControls: {stem: 's3api-get-bucket-ownership-controls', permission: 's3:GetBucketOwnershipControls', purpose: "the bucket's Object Ownership setting (ACLs on or off)"},
	getBucketVersioning: {stem: 's3api-get-bucket-versioning', permission: 's3:GetBucketVersioning', purpose: "the bucket's versioning (replication needs it on both buckets)"},
	getBucketReplication: {
		stem: 's3api-get-bucket-replication',
		permission: 's3:GetReplicationConfiguration',
		purpose: "the source bucket's replication rules: the role S3 assumes and each rule's replica key",
	},
	headObject: {stem: 's3api-head-object', permission: 's3:GetObject', purpose: "the object's encryption and key (no KMS permission needed)"},
	getBucketAcl: {stem: 's3api-get-bucket-acl', permission: 's3:GetBucketAcl', purpose: "the bucket owner's canonical ID, compared with the object owner's"},
	getObjectAcl: {stem: 's3api-get-object-acl', permission: 's3:GetObjectAcl', purpose: "the object owner's canonical ID: whether the bucket's account owns the object"},
	describeKey: {stem: 'kms-describe-key', permission: 'kms:DescribeKey', purpose: "the key's ARN, state, manager and spec (works across accounts)"},
	getKeyPolicy: {stem: 'kms-get-key-policy', permission: 'kms:GetKeyPolicy', purpose: "the key policy (only from the key's own account)"},
	listGrants: {stem: 'kms-list-grants', permission: 'kms:ListGrants', purpose: "the key's grants (works across accounts)"},
	listAliases: {stem: 'kms-list-aliases', permission: 'kms:ListAliases', purpose: "the key's aliases"},
	describeOrganization: {stem: 'organizations-describe-organization', permission: 'organizations:DescribeOrganization', purpose: 'the organization ID and its management account'},
	listParents: {stem: 'organizations-list-parents', permission: 'organizations:ListParents', purpose: 'the OU or root above an account or OU'},
	listPoliciesForTarget: {
		stem: 'organizations-list-policies-for-target',
		permission: 'organizations:ListPoliciesForTarget',
		purpose: 'the SCPs or RCPs attached to an account, OU or root',
	},
	describePolicy: {stem: 'organizations-describe-policy', permission: 'organizations:DescribePolicy', purpose: "an SCP's or RCP's document"},
} as const satisfies Readonly<Record<string, CallSpec>>;

export type CallName = keyof typeof calls;

/** The calls that read a role's or a user's own policies: the script makes them, the reader reads them. */
export const principalCalls = {
	role: {get: 'getRole', listInline: 'listRolePolicies', getInline: 'getRolePolicy', listAttached: 'listAttachedRolePolicies'},
	user: {get: 'getUser', listInline: 'listUserPolicies', getInline: 'getUserPolicy', listAttached: 'listAttachedUserPolicies'},
} as const satisfies Readonly<Record<'role' | 'user', Readonly<Record<string, CallName>>>>;

export type OrganizationPolicyFilter = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

const allowedByte = (byte: number): boolean =>
	(byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || '._=+@,-'.includes(String.fromCharCode(byte));

/**
 * A name or ARN made safe for a file name, byte by byte, exactly as the script's
 * `tr -c 'A-Za-z0-9._=+@,-' '_'` does under LC_ALL=C.
 */
export const safeName = (value: string): string =>
	Array.from(new TextEncoder().encode(value), byte => (allowedByte(byte) ? String.fromCharCode(byte) : '_')).join('');

/** The CRC-32 of POSIX `cksum` (polynomial 0x04C11DB7, the length appended, complemented), of a value's UTF-8 bytes. */
export const cksum = (value: string): number => {
	const bytes = [...new TextEncoder().encode(value)];
	for (let length = bytes.length; length > 0; length = Math.floor(length / 256)) bytes.push(length % 256);
	let crc = 0;
	for (const byte of bytes) {
		crc ^= byte << 24;
		for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000_0000 ? (crc << 1) ^ 0x04c1_1db7 : crc << 1;
	}
	return ~crc >>> 0;
};

/**
 * Between a group's name and its inline policy's in a file name. IAM names match [\w+=,.@-]+, so no group name holds
 * it and `iam-get-group-policy.GROUP~POLICY` has one reading, where a `.` there gave group data's policy readers.kms and
 * group data.readers's policy kms one file. `~` is allowed in file names on Linux, macOS and Windows and in tar, and
 * means nothing to sh inside quotes; safeName makes it `_`, so no name's part holds one.
 */
export const groupPolicySeparator = '~';

/** The longest file name Linux's and macOS's file systems take, in bytes; a safe name is ASCII, a byte a character. */
export const fileNameLimit = 255;

/** The longest ending the script gives a stem's files: STEM.json, STEM.exit, STEM.stderr. */
const longestEnding = '.stderr';

/** The longest stem collect_key puts after a key's prefix. */
const longestKeyStem = Math.max(...[calls.describeKey, calls.getKeyPolicy, calls.listGrants, calls.listAliases].map(call => call.stem.length));

/**
 * The bytes around each part namePart bounds, in the longest file name made with it: the script's `name_part` is
 * called with these numbers. Only these parts can pass fileNameLimit with the longest names AWS allows: a managed
 * policy's ARN (a path of up to 512 characters and a name of 128), a group's inline policy (a group name of 128 and a
 * policy name of 128) and a replica key as the replication configuration names it (an alias ARN, its alias up to 256).
 * The other subjects fit (a role's or user's inline policy name, a group name, an Organizations ID): their longest
 * file name, iam-list-attached-group-policies.GROUP.stderr, is 168 bytes.
 */
export const namePartAround = {
	managedPolicy: `${calls.getPolicyVersion.stem}.`.length + longestEnding.length,
	/** And the group's safe name: `iam-get-group-policy.GROUP~PART.stderr` (older scripts: `GROUP.PART`, as long). */
	groupPolicy: `${calls.getGroupPolicy.stem}.${groupPolicySeparator}`.length + longestEnding.length,
	replicaKey: `${replicaPrefix}.`.length + longestKeyStem + longestEnding.length,
} as const;

/**
 * A subject's part of a file name whose other parts take `around` bytes: its safe name, and then, when `checksum` is
 * `always`, `mark` and the `cksum` of the whole subject. Where that would make the name pass fileNameLimit, the safe
 * name is cut so that it fits and the mark and cksum always follow it: two subjects cut to one prefix keep their own
 * files. A mark no safe name holds (`~`) also keeps a cut part from equalling another subject's whole one. The
 * script's `name_part` makes the same part.
 */
export const namePart = (subject: string, around: number, checksum: 'always' | 'when-cut', mark = '.'): string => {
	const safe = safeName(subject);
	const sum = `${mark}${cksum(subject)}`;
	const room = fileNameLimit - around;
	const whole = checksum === 'always' ? `${safe}${sum}` : safe;
	return whole.length <= room ? whole : `${safe.slice(0, Math.max(0, room - sum.length))}${sum}`;
};

/**
 * A managed policy's part of its file names: its safe name, then the `cksum` of the whole ARN, as the script's
 * `policy_file` makes it. The safe name alone maps `policy/a/b` and `policy/a_b` to one file; the checksum keeps them
 * apart, and keeps apart the ARNs whose long paths namePart cuts to one prefix.
 */
export const managedPolicyFileName = (arn: string): string => namePart(arn, namePartAround.managedPolicy, 'always');

export const stems = {
	inlinePolicy: (kind: 'role' | 'user', name: string): string => `${calls[principalCalls[kind].getInline].stem}.${safeName(name)}`,
	groupPolicies: (group: string): string => `${calls.listGroupPolicies.stem}.${safeName(group)}`,
	/** How every file name of a group's inline policies starts: no group's start is another's, as no group name holds the separator. */
	groupPolicyPrefix: (group: string): string => `${calls.getGroupPolicy.stem}.${safeName(group)}${groupPolicySeparator}`,
	/** A cut policy name's cksum follows the separator too: a cut part is never another policy's whole name. */
	groupPolicy: (group: string, name: string): string =>
		`${stems.groupPolicyPrefix(group)}${namePart(name, namePartAround.groupPolicy + safeName(group).length, 'when-cut', groupPolicySeparator)}`,
	/**
	 * Bundles of older scripts put a `.` between the group's name and the policy's. Both may hold dots, so one prefix can
	 * start several groups' names, and policy readers.kms of group data shares a file with policy kms of group data.readers.
	 */
	legacyGroupPolicyPrefix: (group: string): string => `${calls.getGroupPolicy.stem}.${safeName(group)}.`,
	legacyGroupPolicy: (group: string, name: string): string =>
		`${stems.legacyGroupPolicyPrefix(group)}${namePart(name, namePartAround.groupPolicy + safeName(group).length, 'when-cut')}`,
	groupAttached: (group: string): string => `${calls.listAttachedGroupPolicies.stem}.${safeName(group)}`,
	managedPolicy: (arn: string): string => `${calls.getPolicy.stem}.${managedPolicyFileName(arn)}`,
	managedPolicyVersion: (arn: string): string => `${calls.getPolicyVersion.stem}.${managedPolicyFileName(arn)}`,
	/** Bundles of scripts before `policy_file` named a managed policy's files by its safe name alone. */
	legacyManagedPolicy: (arn: string): string => `${calls.getPolicy.stem}.${safeName(arn)}`,
	legacyManagedPolicyVersion: (arn: string): string => `${calls.getPolicyVersion.stem}.${safeName(arn)}`,
	parents: (childId: string): string => `${calls.listParents.stem}.${safeName(childId)}`,
	targetPolicies: (filter: OrganizationPolicyFilter, targetId: string): string => `${calls.listPoliciesForTarget.stem}.${filter}.${safeName(targetId)}`,
	organizationPolicy: (policyId: string): string => `${calls.describePolicy.stem}.${safeName(policyId)}`,
} as const;

/** question.json: what the support engineer asked about, written by the script as generated. The snapshot's question, less what the script reads. */
export type BundleQuestion = Pick<Question, 'operation' | 'bucket' | 'objectKey' | 'kmsKeyId' | 'sizeBytes'> & {
	readonly format: typeof bundleFormat;
	readonly generatedBy?: string;
	/** The principal to inspect; absent: whoever runs the script. */
	readonly principal?: string;
	readonly region?: string;
	readonly source?: Pick<CopySource, 'bucket' | 'objectKey'>;
	/** presigned-download/-upload: the URL rebuilt from its facts, never with its signature or token. */
	readonly presignedUrl?: string;
	/** cloudfront-download/-upload: the distribution, as the support engineer gave it. */
	readonly distribution?: DistributionInfo;
	/** service-read/-write: the AWS service and the role it uses (then also `principal`). */
	readonly service?: ServiceInfo;
	/** replication: the rule's ID, as check --replication-rule; absent: the rule that covers the object. */
	readonly replicationRule?: string;
};
