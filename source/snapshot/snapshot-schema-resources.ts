import {namePatterns, type NamePattern} from '../names/index.js';

/**
 * The schema of what a snapshot knows of the resources themselves: the bucket, an existing object, the KMS key and
 * its grants; and the small pieces every part of the snapshot's schema is built from. snapshot-schema.ts refers to them.
 */

// A pattern rather than minLength, which would make the generated code import ajv's unicode runtime.
export const nonEmptyString = {type: 'string', pattern: '\\S'} as const;
export const stringMap = {type: 'object', additionalProperties: {type: 'string'}} as const;
// Every name's pattern comes from names/, where the parse functions keep the same rules.
export const patterned = (name: NamePattern, description: string) => ({type: 'string', pattern: namePatterns[name].pattern, description}) as const;

export const bucketInfo = {
	type: 'object',
	description: "Facts of the bucket: its account, Region, bucket policy, default encryption and object ownership.",
	properties: {
		name: {...nonEmptyString, description: 'The bucket name, when it differs from question.bucket (copy source).'},
		accountId: patterned('accountId', "The bucket owner's account ID."),
		notCallersAccount: {
			const: true,
			description: "Given: the bucket is in another account than the caller's, though its ID is not known (with accountId absent). The check is then cross-account.",
		},
		region: patterned('region', "The bucket's Region."),
		policy: {type: ['object', 'null'], description: 'The bucket policy document; null: the bucket has no bucket policy.'},
		defaultEncryption: {
			type: ['object', 'null'],
			$ref: '#/$defs/encryption',
			description: 'Default encryption; null: none configured (S3 then uses SSE-S3).',
		},
		objectOwnership: {
			enum: ['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter', null],
			description: 'The Object Ownership setting; null: none set.',
		},
		versioning: {enum: ['Enabled', 'Suspended', null], description: "GetBucketVersioning's Status; null: never enabled. Replication needs Enabled on both buckets."},
	},
	additionalProperties: false,
} as const;

export const objectInfo = {
	type: 'object',
	description: 'What HeadObject says of an existing object, and who owns it.',
	properties: {
		encryption: {type: ['object', 'null'], $ref: '#/$defs/encryption', description: "The object's encryption; null: not encrypted with a key."},
		ownerAccountId: patterned('accountId', "The object owner's account ID."),
		ownedByBucketOwner: {
			type: 'boolean',
			description:
				"Whether the object's owner (GetObjectAcl's Owner) is the bucket's (GetBucketAcl's Owner). false: another account owns it; S3 names owners by canonical user ID, so which account is not known unless ownerAccountId says.",
		},
	},
	additionalProperties: false,
} as const;

export const keyInfo = {
	type: 'object',
	description: 'Facts of the KMS key: its ARN, manager, state, spec, key policy and grants.',
	required: ['arn'],
	properties: {
		arn: patterned('keyArn', 'The key ARN.'),
		aliases: {type: 'array', items: nonEmptyString, description: 'Alias names, e.g. alias/uploads.'},
		keyManager: {enum: ['CUSTOMER', 'AWS'], description: 'CUSTOMER: a customer managed key; AWS: an AWS managed key such as aws/s3.'},
		keyState: {
			enum: ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'PendingReplicaDeletion', 'Unavailable', 'Creating', 'Updating'],
			description: 'The key state, as DescribeKey reports it.',
		},
		keySpec: {...nonEmptyString, description: 'SYMMETRIC_DEFAULT, RSA_2048, … S3 needs a symmetric encryption key.'},
		keyUsage: {...nonEmptyString, description: 'ENCRYPT_DECRYPT, SIGN_VERIFY, …'},
		multiRegion: {type: 'boolean', description: 'A multi-Region key (S3 treats it as a single-Region key).'},
		policy: {$ref: '#/$defs/policyDocument', description: 'The key policy document. Every key has one, so it cannot be null.'},
		grants: {type: 'array', items: {$ref: '#/$defs/keyGrant'}, description: 'Grants on the key, as ListGrants returns them.'},
	},
	additionalProperties: false,
} as const;

export const keyGrant = {
	type: 'object',
	required: ['granteePrincipal', 'operations'],
	properties: {
		grantId: nonEmptyString,
		name: {type: 'string'},
		granteePrincipal: {...nonEmptyString, description: 'The principal the grant allows.'},
		retiringPrincipal: nonEmptyString,
		operations: {type: 'array', items: nonEmptyString, description: 'Decrypt, GenerateDataKey, …'},
		constraints: {
			type: 'object',
			properties: {
				encryptionContextEquals: stringMap,
				encryptionContextSubset: stringMap,
			},
			additionalProperties: false,
		},
	},
	additionalProperties: false,
} as const;
