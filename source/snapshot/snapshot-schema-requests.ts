import {namePatterns} from '../names/index.js';
import {awsServiceNames} from './service-names.js';

/**
 * The schema of the facts that only some operations read: a CloudFront distribution (cloudfront-download) and a
 * presigned URL (presigned-download, presigned-upload). Kept beside snapshot-schema.ts, which refers to them.
 */

export const distribution = {
	type: 'object',
	description: 'cloudfront-download: the distribution whose origin requests are diagnosed.',
	properties: {
		arn: {type: 'string', pattern: namePatterns.distributionArn.pattern, description: 'The distribution ARN, which its requests carry as AWS:SourceArn.'},
		originAccess: {
			enum: ['origin-access-control', 'origin-access-identity', 'none'],
			description: 'How the distribution signs its requests to the bucket: OAC, a legacy OAI, or not at all.',
		},
		originType: {enum: ['s3-rest', 's3-website'], description: "The origin: the bucket's REST endpoint, or its website endpoint (a custom origin)."},
	},
	additionalProperties: false,
} as const;

export const presignedUrl = {
	type: 'object',
	description: 'presigned-download, presigned-upload: what the URL tells. Never its signature or security token.',
	required: ['signatureVersion'],
	properties: {
		signatureVersion: {enum: [2, 4], description: '4: X-Amz-Algorithm=AWS4-HMAC-SHA256; 2: AWSAccessKeyId and Signature.'},
		accessKeyId: {type: 'string', pattern: namePatterns.accessKeyId.pattern, description: 'The signer\'s access key ID: AKIA… long-term, ASIA… temporary.'},
		signedAt: {type: 'string', description: 'X-Amz-Date, as an ISO 8601 time.'},
		expiresSeconds: {type: 'integer', minimum: 1, maximum: 604800, description: 'X-Amz-Expires, in seconds (at most 7 days).'},
		expiresAt: {type: 'string', description: 'When the URL itself stops working, as an ISO 8601 time.'},
		signedHeaders: {type: 'array', items: {type: 'string', pattern: '^[a-z0-9-]+$'}, maxItems: 64, description: 'X-Amz-SignedHeaders, lower case.'},
		signerAccount: {type: 'string', pattern: namePatterns.accountId.pattern, description: "The account of the signer's access key (sts:GetAccessKeyInfo)."},
		signedByPrincipal: {
			type: 'boolean',
			description: "true: the snapshot's principal signed it (its own credentials use accessKeyId, or the user said so); false: its credentials use another key; absent: not known.",
		},
	},
	additionalProperties: false,
} as const;

export const service = {
	type: 'object',
	description: 'service-read, service-write: the AWS service that reads or writes the object, and the role it uses when it uses one of its own.',
	required: ['name'],
	properties: {
		name: {enum: awsServiceNames, description: 'The service: athena acts with the caller\'s own credentials; the others with a role of theirs.'},
		roleArn: {type: 'string', pattern: namePatterns.roleArn.pattern, description: 'The IAM role the service uses (a Glue job\'s role, a Lambda function\'s execution role, …); the principal is then this role.'},
	},
	additionalProperties: false,
} as const;

export const replication = {
	type: 'object',
	description: "replication: the source bucket's replication rule that covers the object (GetBucketReplication).",
	properties: {
		role: {type: 'string', pattern: namePatterns.roleArn.pattern, description: 'The IAM role S3 assumes to replicate (the principal is that role).'},
		ruleId: {type: 'string', description: "The rule's ID."},
		status: {enum: ['Enabled', 'Disabled'], description: "The rule's Status."},
		destinationBucket: {type: 'string', pattern: `^arn:aws[a-z-]*:s3:::${namePatterns.bucketName.pattern.slice(1, -1)}$`, description: 'Destination.Bucket, as an ARN.'},
		destinationAccount: {type: 'string', pattern: namePatterns.accountId.pattern, description: "Destination.Account: the destination bucket's owner, when the rule names it."},
		replicaKmsKeyId: {type: ['string', 'null'], pattern: '\\S', description: 'Destination.EncryptionConfiguration.ReplicaKmsKeyID: a key ARN (best), key ID, alias or alias ARN; null: the rule names none.'},
		sseKmsEncryptedObjects: {type: 'boolean', description: 'SourceSelectionCriteria.SseKmsEncryptedObjects.Status is Enabled; false: disabled or absent.'},
	},
	additionalProperties: false,
} as const;
