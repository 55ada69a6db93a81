import {parseS3Arn, s3Arn} from '../names/index.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {ResolvedKey} from './resolve-question.js';

/** A key S3 uses whose ARN is not known: how the report names it, never as a placeholder ARN, and what settles it. */
export type UnknownKey = {
	/** "the key of s3://bucket/object (not read)". */
	readonly label: string;
	readonly resolveWith: string;
	/** Why it is not known, when not because which key S3 uses is unknown. */
	readonly reason?: string;
};

/** What naming an unknown key needs of the leg it is on. */
type KeyPlace = {
	readonly objectArn: string;
	readonly bucketArn: string;
	readonly bucketAccount: string | undefined;
	readonly region: string | undefined;
	readonly key: ResolvedKey;
};

/** Where a leg's key comes from, which says what settles it when it is not known. */
export type KeyFrom = 'object' | 'request-or-bucket-default' | 'replica';

/** How to name a key that is not known, and what settles it: which key S3 uses comes first. */
export const unknownKeyOf = (place: KeyPlace, keyFrom: KeyFrom, snapshot: Snapshot): UnknownKey => {
	const object = parseS3Arn(place.objectArn);
	const where = object ? `s3://${object.bucket}/${object.objectKey ?? ''}` : place.objectArn;
	const named = place.key.named;
	if (keyFrom === 'replica') {
		// The source bucket is in the destination's partition: replication does not cross one.
		const sourceBucket = object ? s3Arn(object.partition, snapshot.question.source?.bucket ?? 'SOURCE-BUCKET') : 'the source bucket';
		return named
			? {label: `the replica key ${named} names (not resolved)`, resolveWith: `kms:DescribeKey --key-id ${named} with a profile of the replication role's account, in the destination bucket's Region (or name the key's ARN in the rule)`}
			: snapshot.replication
				? {label: 'the replica key (the rule names none)', resolveWith: `name the replica key in the rule's Destination.EncryptionConfiguration.ReplicaKmsKeyID (on ${sourceBucket})`}
				: {label: 'the replica key (the rule was not read)', resolveWith: `s3:GetReplicationConfiguration on ${sourceBucket}: the rule's ReplicaKmsKeyID names the key`};
	}
	if (place.key.source === 'aws-managed-default') {
		// The default encryption was read or given: SSE-KMS naming no key is the AWS managed key aws/s3. Which key that
		// is, and its policy, are a read in the bucket's account away.
		const inBucketAccount = [place.bucketAccount ? `account ${place.bucketAccount}` : "the bucket's account", place.region].filter(Boolean).join(', ');
		return {
			label: `the AWS managed key aws/s3 (${inBucketAccount}; its key policy not read)`,
			reason: "S3 uses the AWS managed key aws/s3 (the bucket's default encryption names no key); its ARN and key policy are neither read nor given.",
			resolveWith: `kms:DescribeKey --key-id alias/aws/s3 and kms:GetKeyPolicy in ${inBucketAccount} (or paste aws/s3's key policy)`,
		};
	}
	if (named && place.key.source !== 'unknown' && named !== 'aws/s3') {
		return {
			label: `the key that ${named} names (not resolved)`,
			resolveWith: `kms:DescribeKey --key-id ${named} in the account it resolves in (or give the key's ARN)`,
		};
	}
	if (keyFrom === 'object') {
		return {
			label: `the key of ${where} (not read)`,
			resolveWith: `s3:GetObject on ${place.objectArn}: HeadObject names the object's key (or give the key that encrypted it)`,
		};
	}
	return {
		label: `the key of ${where} (not read)`,
		resolveWith: `s3:GetEncryptionConfiguration on ${place.bucketArn}: the bucket's default encryption says whether the object is SSE-KMS and with which key (or name the key in the request)`,
	};
};
