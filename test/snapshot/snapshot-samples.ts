import type {Snapshot} from '../../source/snapshot/snapshot.js';

/** A snapshot that fills every field of the format at least once (typed, so it cannot drift from snapshot.ts). */
export const completeSnapshot: Snapshot = {
	format: 's3-kms-doctor/snapshot@1',
	metadata: {title: 'Large upload fails', description: 'Small files work.', createdAt: '2025-01-31T10:00:00Z', collectedBy: 'manual', redacted: false},
	question: {
		operation: 'copy',
		bucket: 'dest-bucket',
		objectKey: 'reports/2025|q1.csv',
		sizeBytes: 12_582_912,
		multipartThresholdBytes: 8_388_608,
		tool: 'aws-cli',
		kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
		source: {bucket: 'source-bucket', objectKey: 'in/q1.csv', kmsKeyId: 'alias/source'},
	},
	principal: {
		arn: 'arn:aws:sts::111122223333:assumed-role/uploader/ci-run-42',
		roleArn: 'arn:aws:iam::111122223333:role/ci/uploader',
		userId: 'AROAEXAMPLEID:ci-run-42',
		identityPolicies: [
			{name: 'S3Upload', document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::dest-bucket/*'}]}},
			{name: 'ReadOnly', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', document: {Version: '2012-10-17', Statement: []}},
		],
		permissionsBoundary: null,
		sessionPolicy: null,
		tags: {team: 'data'},
		organizationId: 'o-a1b2c3d4e5',
	},
	bucket: {
		accountId: '111122223333',
		region: 'eu-west-1',
		policy: null,
		defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', bucketKeyEnabled: true},
		objectOwnership: 'BucketOwnerEnforced',
	},
	object: {encryption: null, ownerAccountId: '111122223333'},
	key: {
		arn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
		aliases: ['alias/uploads'],
		keyManager: 'CUSTOMER',
		keyState: 'Enabled',
		keySpec: 'SYMMETRIC_DEFAULT',
		keyUsage: 'ENCRYPT_DECRYPT',
		multiRegion: false,
		policy: {Version: '2012-10-17', Statement: [{Sid: 'EnableIam', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}]},
		grants: [
			{
				grantId: 'abc123',
				name: '',
				granteePrincipal: 'arn:aws:iam::111122223333:role/uploader',
				retiringPrincipal: 'arn:aws:iam::111122223333:role/admin',
				operations: ['Decrypt'],
				constraints: {encryptionContextSubset: {'aws:s3:arn': 'arn:aws:s3:::dest-bucket'}},
			},
		],
	},
	source: {
		bucketInfo: {name: 'source-bucket', accountId: '444455556666', region: 'eu-west-1', policy: {Version: '2012-10-17', Statement: []}, defaultEncryption: null, objectOwnership: null},
		objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: 'arn:aws:kms:eu-west-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321'}},
		keyInfo: {arn: 'arn:aws:kms:eu-west-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321'},
	},
	organization: {
		serviceControlPolicies: [[{Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]}], [{name: 'FullAWSAccess', arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess', document: {Version: '2012-10-17', Statement: []}}]],
		resourceControlPolicies: [],
	},
	requestContext: {'aws:SecureTransport': true, 'aws:SourceIp': '203.0.113.7', 'aws:SourceVpce': null, 'aws:MultiValued': ['a', 'b'], 'aws:EpochTime': 1700000000},
	unread: [{path: 'principal.sessionPolicy', reason: 'session policies cannot be read from AWS', resolveWith: 'paste the session policy given to AssumeRole'}],
};

/** The smallest valid snapshot: everything but the question unknown. */
export const minimalSnapshot = {
	format: 's3-kms-doctor/snapshot@1',
	question: {operation: 'upload', bucket: 'my-bucket', objectKey: 'big.bin'},
} as const satisfies Snapshot;

export const asText = (value: unknown): string => JSON.stringify(value, null, 2);

// Tests poke arbitrary, often wrong, values into the copy: that is the point, so no static shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Draft = Record<string, any>;

/** A deep copy of `base` with `change` applied to it (for one-field variations). */
export const variant = (base: unknown, change: (draft: Draft) => void): Record<string, unknown> => {
	const draft = structuredClone(base) as Draft;
	change(draft);
	return draft;
};
