import type {ContextValue} from '../engine/context.js';
import type {Operation} from './operation-names.js';
import type {AwsServiceName} from './service-names.js';
import type {Assumption} from './assumptions.js';

export type {Operation} from './operation-names.js';
export type {Assumption, AssumptionId} from './assumptions.js';

/**
 * The snapshot: everything known about one failing (or feared) S3 request. Live collection, pasted
 * policies, support bundles and the built-in examples all produce one; the diagnosis reads only this.
 * Documented in docs/snapshot.md and validated by snapshot-schema.ts.
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

export type UploadTool = 'aws-cli' | 'sdk' | 'sdk-js' | 'boto3' | 'dotnet' | 'console' | 'other';

export type CopySource = {
	readonly bucket: string;
	readonly objectKey: string;
	/** The source object's key, when known. */
	readonly kmsKeyId?: string;
};

export type Question = {
	readonly operation: Operation;
	readonly bucket: string;
	readonly objectKey: string;
	readonly sizeBytes?: number;
	/** Known from the request itself (an error from UploadPart proves it went in parts): size and tool then do not decide. */
	readonly multipart?: boolean;
	/** Above this size the tool switches to multipart upload. Default: 8 MiB, the AWS CLI's. */
	readonly multipartThresholdBytes?: number;
	readonly tool?: UploadTool;
	/** The key named in the request (upload/copy), or the object's key (download). */
	readonly kmsKeyId?: string;
	readonly source?: CopySource;
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

/**
 * The replication rule of the source bucket that covers the object (operation `replication`), from GetBucketReplication:
 * S3 assumes `role` to read the source object and write its replica into `destinationBucket`.
 */
export type ReplicationRule = {
	/** The configuration's Role: the IAM role S3 assumes (the snapshot's principal is that role). */
	readonly role?: string;
	readonly ruleId?: string;
	readonly status?: 'Enabled' | 'Disabled';
	/** Destination.Bucket, as an ARN (`arn:aws:s3:::BUCKET`). */
	readonly destinationBucket?: string;
	/** Destination.Account, when the rule names the destination bucket's owner. */
	readonly destinationAccount?: string;
	/** Destination.EncryptionConfiguration.ReplicaKmsKeyID; `null`: the rule names none. */
	readonly replicaKmsKeyId?: string | null;
	/** SourceSelectionCriteria.SseKmsEncryptedObjects.Status is `Enabled`; `false`: disabled or absent (SSE-KMS objects are not replicated). */
	readonly sseKmsEncryptedObjects?: boolean;
};

/** How a CloudFront distribution signs its requests to the S3 origin. */
export type OriginAccess = 'origin-access-control' | 'origin-access-identity' | 'none';

/** The CloudFront distribution that reads the object (operation `cloudfront-download`). */
export type DistributionInfo = {
	/** `arn:aws:cloudfront::ACCOUNT:distribution/ID`: what `AWS:SourceArn` carries on its requests. */
	readonly arn?: string;
	readonly originAccess?: OriginAccess;
	/** `s3-rest`: the bucket's REST endpoint; `s3-website`: its website endpoint, a custom origin. */
	readonly originType?: 's3-rest' | 's3-website';
};

/**
 * The AWS service that reads or writes the object (operations `service-read`, `service-write`). Which credentials
 * it uses follows from its name (source/operations/aws-services.ts): the caller's own, or a role of the service's.
 */
export type ServiceInfo = {
	readonly name: AwsServiceName;
	/** The IAM role the service uses (a Glue job's role, a Lambda function's execution role …); the principal is then this role. */
	readonly roleArn?: string;
};

/**
 * What a pasted presigned URL tells (operations `presigned-download`, `presigned-upload`). Only these: never its
 * signature or security token, which are live credentials.
 */
export type PresignedUrlInfo = {
	/** 4: `X-Amz-Algorithm=AWS4-HMAC-SHA256`; 2: `AWSAccessKeyId` and `Signature`. */
	readonly signatureVersion: 2 | 4;
	/** From `X-Amz-Credential` (or `AWSAccessKeyId`): `AKIA…` long-term, `ASIA…` temporary credentials. */
	readonly accessKeyId?: string;
	/** `X-Amz-Date`, as an ISO 8601 time. */
	readonly signedAt?: string;
	/** `X-Amz-Expires`, in seconds; for SigV2, the seconds from now to `Expires` are not kept, only `expiresAt`. */
	readonly expiresSeconds?: number;
	/** When the URL itself stops working, as an ISO 8601 time. */
	readonly expiresAt?: string;
	/** `X-Amz-SignedHeaders`, lower case. */
	readonly signedHeaders?: readonly string[];
	/** The account of the signer's access key, from `sts:GetAccessKeyInfo`. */
	readonly signerAccount?: string;
	/** true: the principal is the signer (its own credentials use `accessKeyId`, compared live, or the user said so); false: its credentials use another key; absent: not known. */
	readonly signedByPrincipal?: boolean;
};

/** Policies of one level of the organization tree (root, OUs…, the account). */
export type OrganizationLevel = readonly (PolicyJson | NamedPolicy)[];

export type OrganizationInfo = {
	/** SCPs, root level first, the principal's account level last. `[]`: no SCPs apply (management account). */
	readonly serviceControlPolicies?: readonly OrganizationLevel[];
	/** RCPs of the resource's account, same order. */
	readonly resourceControlPolicies?: readonly OrganizationLevel[];
};

/**
 * What a pasted AccessDenied message proves: AWS named the policy type that denied the action, explicitly ("with an
 * explicit deny in a service control policy") or implicitly ("because no service control policy allows the ACTION
 * action"). AWS names only one type, so a message naming another type proves nothing about the SCPs (they stay unknown).
 * `identity`: an identity-based policy (the caller's); `resource`: a resource-based policy, the bucket policy for an
 * s3: action, the key policy for a kms: one; `boundary`: the caller's permissions boundary; `session`: the session policy
 * passed when the caller's session was created.
 */
export type DenialEvidence = {
	/** `vpc-endpoint`: the endpoint the request went through; no snapshot holds its policy, so no row shows it. */
	readonly deniedBy: 'scp' | 'rcp' | 'identity' | 'resource' | 'boundary' | 'session' | 'vpc-endpoint';
	readonly action: string;
	/**
	 * How AWS said it denied: a Deny applied, or none of that type allows the action. Absent: explicit, as every snapshot
	 * before this field meant. For an SCP, AWS says "explicit" of an implicit deny too: the diagnosis takes it as either.
	 */
	readonly deny?: 'explicit' | 'implicit';
	/** The denying policy's ARN, when AWS added it (same account or organization). */
	readonly policyArn?: string;
	/**
	 * The ARN of the resource the message names ("on resource: arn:aws:kms:…:key/…", an S3 object's), as AWS wrote it:
	 * where two legs need the action (a copy's kms:Decrypt on two keys), it tells which. Absent: not named, or not an ARN.
	 */
	readonly resource?: string;
};

/** Why a field is missing, and what would fill it. Collection records one for each failed read. */
export type UnreadNote = {
	/** Dotted path in the snapshot, e.g. `key.policy`, `principal.identityPolicies`. */
	readonly path: string;
	readonly reason: string;
	/** The read permission or paste that would resolve it, e.g. `kms:GetKeyPolicy on arn:aws:kms:…`. */
	readonly resolveWith?: string;
};

/** The part a profile played in a live collection: the caller's (--profile, AWS_PROFILE), the bucket's or the key's account. */
export type ProfileRole = 'caller' | 'bucket' | 'key';

/** A named AWS CLI profile a live collection read with, and who it was (sts:GetCallerIdentity): a fix to its account names it. */
export type CollectedProfile = {
	readonly name: string;
	/** The identity its credentials are, as sts:GetCallerIdentity named it: its account is the profile's. */
	readonly arn: string;
	readonly roles: readonly ProfileRole[];
};

export type SnapshotMetadata = {
	readonly title?: string;
	readonly description?: string;
	readonly createdAt?: string;
	readonly collectedBy?: 'live' | 'manual' | 'bundle' | 'example';
	readonly redacted?: boolean;
	/** live: the named profiles read with (not the SDK's default chain, which has no name). */
	readonly profiles?: readonly CollectedProfile[];
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
