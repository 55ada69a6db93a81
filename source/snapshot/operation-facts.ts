import type {AwsServiceName} from './service-names.js';

/** The facts only some operations read: who makes the request for the caller, and how. Part of the snapshot (snapshot.ts). */

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
