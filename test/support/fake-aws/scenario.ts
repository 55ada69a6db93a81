import {createHash} from 'node:crypto';

/**
 * The world the fake AWS endpoint serves: accounts' principals, policies, keys, buckets, objects and an
 * organization. Plain data, so each test builds the situation it needs and the fake answers as AWS would.
 */

export type PolicyDoc = Readonly<Record<string, unknown>>;

/** Access keys and who they belong to (an IAM user, or a role session). */
export type FakeCredential = {
	readonly accessKeyId: string;
	readonly secretAccessKey: string;
	readonly sessionToken?: string;
	/** `arn:aws:iam::ACCT:user/NAME` or `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`. */
	readonly arn: string;
	readonly userId: string;
	readonly account: string;
};

type PolicyHolder = {
	readonly account: string;
	readonly name: string;
	readonly id: string;
	readonly path?: string;
	readonly inline?: Readonly<Record<string, PolicyDoc>>;
	/** Managed policy ARNs. */
	readonly attached?: readonly string[];
};

export type FakeRole = PolicyHolder & {readonly boundary?: string; readonly tags?: Readonly<Record<string, string>>; /** The trust policy GetRole returns (default: no statement). */ readonly trust?: PolicyDoc};
export type FakeUser = PolicyHolder & {readonly groups?: readonly string[]; readonly boundary?: string; readonly tags?: Readonly<Record<string, string>>};
export type FakeGroup = PolicyHolder;

export type FakeManagedPolicy = {
	readonly arn: string;
	readonly name: string;
	readonly defaultVersion: string;
	readonly versions: Readonly<Record<string, PolicyDoc>>;
};

export type FakeGrant = {
	readonly id: string;
	readonly name?: string;
	readonly grantee: string;
	readonly retiring?: string;
	readonly operations: readonly string[];
	readonly constraints?: {readonly EncryptionContextEquals?: Record<string, string>; readonly EncryptionContextSubset?: Record<string, string>};
};

export type FakeKey = {
	readonly account: string;
	readonly region: string;
	readonly id: string;
	readonly policy: PolicyDoc;
	/** `alias/NAME`. */
	readonly aliases?: readonly string[];
	readonly state?: string;
	readonly manager?: 'CUSTOMER' | 'AWS';
	readonly spec?: string;
	readonly usage?: string;
	readonly multiRegion?: boolean;
	readonly grants?: readonly FakeGrant[];
};

export type FakeEncryption = {readonly algorithm: 'aws:kms' | 'aws:kms:dsse' | 'AES256'; readonly kmsKeyId?: string; readonly bucketKey?: boolean};

export type FakeBucket = {
	readonly name: string;
	readonly account: string;
	readonly region: string;
	/** `null`: no bucket policy. */
	readonly policy: PolicyDoc | null;
	/** `null`: no default encryption configuration. */
	readonly encryption: FakeEncryption | null;
	readonly ownership: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter' | null;
	/** GetBucketVersioning's Status; absent: never enabled. */
	readonly versioning?: 'Enabled' | 'Suspended';
	/** GetBucketReplication's configuration; absent: ReplicationConfigurationNotFoundError. */
	readonly replication?: FakeReplication;
};

export type FakeReplicationRule = {
	readonly id: string;
	readonly priority?: number;
	readonly prefix?: string;
	readonly status: 'Enabled' | 'Disabled';
	readonly destinationBucket: string;
	readonly destinationAccount?: string;
	readonly replicaKmsKeyId?: string;
	readonly sseKmsEncryptedObjects?: 'Enabled' | 'Disabled';
};

export type FakeReplication = {readonly role: string; readonly rules: readonly FakeReplicationRule[]};

export type FakeObject = {
	readonly bucket: string;
	readonly key: string;
	readonly encryption: FakeEncryption | null;
	/** The account that owns it (GetObjectAcl's Owner); default: the bucket's. */
	readonly owner?: string;
};

/** An account's canonical user ID as S3 names it in an ACL's Owner: 64 hex digits, not the account ID. */
export const canonicalIdOf = (account: string): string => createHash('sha256').update(`canonical:${account}`).digest('hex');

export type FakeOrgPolicy = {
	readonly id: string;
	readonly name: string;
	readonly type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
	readonly document: PolicyDoc;
	/** Root, OU or account IDs it is attached to. */
	readonly targets: readonly string[];
};

export type FakeOrganization = {
	readonly id: string;
	readonly managementAccount: string;
	readonly rootId: string;
	/** Each OU and account with its parent (an OU or the root). */
	readonly parents: Readonly<Record<string, string>>;
	readonly policies: readonly FakeOrgPolicy[];
};

export type FakeScenario = {
	readonly credentials: readonly FakeCredential[];
	readonly roles?: readonly FakeRole[];
	/** Access key IDs of principals outside the scenario, and their accounts: only sts:GetAccessKeyInfo knows them. */
	readonly foreignAccessKeys?: Readonly<Record<string, string>>;
	readonly users?: readonly FakeUser[];
	readonly groups?: readonly FakeGroup[];
	readonly managedPolicies?: readonly FakeManagedPolicy[];
	readonly keys?: readonly FakeKey[];
	readonly buckets?: readonly FakeBucket[];
	readonly objects?: readonly FakeObject[];
	readonly organization?: FakeOrganization;
	/** KMS list pages (ListGrants, ListAliases) hold at most this many items, fewer than the Limit sent. Default: the Limit. */
	readonly kmsPageSize?: number;
	/** IAM list pages hold this many items (to exercise Marker pagination). Default 100. */
	readonly iamPageSize?: number;
	/**
	 * Whether the fake answers kms:ListAliases. Off by default, as before live collection read aliases: the
	 * bundle-matches-live test pins that the collect script records an unknown operation and the alias a DescribeKey
	 * resolved still names the key.
	 */
	readonly listAliases?: boolean;
};

export const keyArn = (key: FakeKey): string => `arn:aws:kms:${key.region}:${key.account}:key/${key.id}`;

export const managedPolicy = (arn: string, versions: Readonly<Record<string, PolicyDoc>>, defaultVersion: string): FakeManagedPolicy => ({
	arn,
	name: arn.split('/').pop()!,
	defaultVersion,
	versions,
});
