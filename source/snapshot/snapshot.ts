import type {ContextValue} from '../engine/context.js';
import type {Assumption} from './assumptions.js';
import type {DistributionInfo, PresignedUrlInfo, ReplicationRule, ServiceInfo} from './operation-facts.js';
import type {DenialEvidence, SnapshotMetadata, UnreadNote} from './provenance.js';
import type {Question} from './question.js';

export type {Operation} from './operation-names.js';
export type {Assumption, AssumptionId} from './assumptions.js';

/**
 * The snapshot: everything known about one failing (or feared) S3 request. Live collection, pasted
 * policies, support bundles and the built-in examples all produce one; the diagnosis reads only this.
 * Documented in docs/snapshot.md and validated by snapshot-schema.ts. Its parts of their own: the question
 * (question.ts), the facts only some operations read (operation-facts.ts), how it knows what it holds (provenance.ts).
 *
 * Absent means unknown; `null` means known to be none.
 */

export const snapshotFormat = 's3-kms-doctor/snapshot@1';

/** A policy document as JSON, exactly as AWS returns it (parsed by the engine's parsePolicy). */
export type PolicyJson = Readonly<Record<string, unknown>>;

export type NamedPolicy = {
	readonly name: string;
	/** Managed policy ARN, when it is one. */
	readonly arn?: string;
	readonly document: PolicyJson;
};

export type EncryptionAlgorithm = 'aws:kms' | 'aws:kms:dsse' | 'AES256';

export type DefaultEncryption = {
	readonly algorithm: EncryptionAlgorithm;
	readonly kmsKeyId?: string;
	readonly bucketKeyEnabled?: boolean;
};

export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

export type BucketInfo = {
	readonly name?: string;
	readonly accountId?: string;
	/** Given (the wizard's "another account" without its ID): the bucket is not in the caller's account. Only with `accountId` absent. */
	readonly notCallersAccount?: true;
	readonly region?: string;
	/** `null`: the bucket has no bucket policy. */
	readonly policy?: PolicyJson | null;
	/** `null`: no default encryption configured (S3 then uses SSE-S3). */
	readonly defaultEncryption?: DefaultEncryption | null;
	readonly objectOwnership?: ObjectOwnership | null;
	/** GetBucketVersioning's Status; `null`: versioning was never enabled (AWS's answer has no Status). Replication needs `Enabled`. */
	readonly versioning?: 'Enabled' | 'Suspended' | null;
};

/** What HeadObject says of an existing object (download, copy source), and who owns it. */
export type ObjectInfo = {
	readonly encryption?: DefaultEncryption | null;
	readonly ownerAccountId?: string;
	/**
	 * Whether the object's owner is the bucket's owner: s3:GetObjectAcl's Owner compared with s3:GetBucketAcl's. S3 names
	 * both by canonical user ID, not account ID, so `false` says another account owns it without saying which.
	 */
	readonly ownedByBucketOwner?: boolean;
};

export type KeyManager = 'CUSTOMER' | 'AWS';
export type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport' | 'PendingReplicaDeletion' | 'Unavailable' | 'Creating' | 'Updating';

export type GrantConstraints = {
	readonly encryptionContextEquals?: Readonly<Record<string, string>>;
	readonly encryptionContextSubset?: Readonly<Record<string, string>>;
};

export type KeyGrant = {
	readonly grantId?: string;
	readonly name?: string;
	readonly granteePrincipal: string;
	readonly retiringPrincipal?: string;
	readonly operations: readonly string[];
	readonly constraints?: GrantConstraints;
};

export type KeyInfo = {
	/** The key ARN (`arn:aws:kms:REGION:ACCOUNT:key/ID`). */
	readonly arn: string;
	readonly aliases?: readonly string[];
	readonly keyManager?: KeyManager;
	readonly keyState?: KeyState;
	/** `SYMMETRIC_DEFAULT`, `RSA_2048`, … S3 needs a symmetric encryption key. */
	readonly keySpec?: string;
	readonly keyUsage?: string;
	readonly multiRegion?: boolean;
	readonly policy?: PolicyJson;
	readonly grants?: readonly KeyGrant[];
};

export type PrincipalInfo = {
	/** IAM user, role, or `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`. */
	readonly arn: string;
	/** For a session: the role behind it, with its path (`arn:aws:iam::ACCT:role/path/Name`), as GetRole returns it. */
	readonly roleArn?: string;
	/** The unique ID (`AIDA…` or `AROA…:session`), for `aws:userid`. */
	readonly userId?: string;
	readonly identityPolicies?: readonly NamedPolicy[];
	/** `null`: no permissions boundary. */
	readonly permissionsBoundary?: NamedPolicy | null;
	/**
	 * The boundary's managed policy ARN, as iam:GetRole or iam:GetUser named it, where its document was not read
	 * (`permissionsBoundary` absent): a document pasted for it is then that policy's, and a fix can name it.
	 */
	readonly permissionsBoundaryArn?: string;
	/** `null`: no session policy. Session policies cannot be read from AWS, only pasted. */
	readonly sessionPolicy?: PolicyJson | null;
	/** Principal tags, for `aws:PrincipalTag`; for a session, its role's own tags (GetRole), which its session tags override. */
	readonly tags?: Readonly<Record<string, string>>;
	/**
	 * For a session: the tags passed when it was created (and those inherited from an earlier session of a role chain),
	 * which AWS cannot read back; `null`: none were passed. Absent: not known, and every aws:PrincipalTag key is unknown.
	 */
	readonly sessionTags?: Readonly<Record<string, string>> | null;
	/** The organization ID, for `aws:PrincipalOrgID`; `null` when the account is in no organization. */
	readonly organizationId?: string | null;
	/** For a role: its trust policy (GetRole's AssumeRolePolicyDocument), which says who may assume it. */
	readonly trustPolicy?: PolicyJson;
};

/** Policies of one level of the organization tree (root, OUs…, the account). */
export type OrganizationLevel = readonly (PolicyJson | NamedPolicy)[];

export type OrganizationInfo = {
	/** SCPs, root level first, the principal's account level last. `[]`: no SCPs apply (management account). */
	readonly serviceControlPolicies?: readonly OrganizationLevel[];
	/** RCPs of the resource's account, same order. */
	readonly resourceControlPolicies?: readonly OrganizationLevel[];
};

export type Snapshot = {
	readonly format: typeof snapshotFormat;
	readonly metadata?: SnapshotMetadata;
	readonly question: Question;
	readonly principal?: PrincipalInfo;
	readonly bucket?: BucketInfo;
	/** What HeadObject said of the object (download) or nothing (upload). */
	readonly object?: ObjectInfo;
	readonly key?: KeyInfo;
	/** Facts of the copy source: its bucket, its object and its key. */
	readonly source?: {
		readonly bucketInfo?: BucketInfo;
		readonly objectInfo?: ObjectInfo;
		readonly keyInfo?: KeyInfo;
	};
	readonly organization?: OrganizationInfo;
	/** The CloudFront distribution whose requests are diagnosed (cloudfront-download). */
	readonly distribution?: DistributionInfo;
	/** The replication rule (replication); the role it names is the principal. */
	readonly replication?: ReplicationRule;
	/** The presigned URL's facts (presigned-download, presigned-upload); its signer is the principal. */
	readonly presignedUrl?: PresignedUrlInfo;
	/** The AWS service whose requests are diagnosed (service-read, service-write). */
	readonly service?: ServiceInfo;
	/** Other request context keys: `aws:SourceIp`, `aws:SourceVpce`, `aws:SecureTransport`, … `null` = known absent. */
	readonly requestContext?: Readonly<Record<string, ContextValue>>;
	readonly unread?: readonly UnreadNote[];
	/** Facts taken as given without reading them (`check --assume`, the wizard's answers); each is shown beside the verdict. */
	readonly assumptions?: readonly Assumption[];
	/** What a pasted AccessDenied message proved (an SCP or RCP denied, explicitly or because none allows). */
	readonly evidence?: readonly DenialEvidence[];
};
