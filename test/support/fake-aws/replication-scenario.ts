import {keyArn, type FakeKey, type FakeScenario, type PolicyDoc} from './scenario.js';
import {accounts, crossAccountFiles, keys} from './scenarios.js';

/**
 * Replication of an SSE-KMS object from acme-source (account app, eu-west-1) to acme-replica (account storage,
 * us-east-1, or app for the same-account case), as the S3 User Guide sets it up: the role trusts s3.amazonaws.com,
 * its policy is AWS's minimum replication policy with the KMS statements, the rule opts in to SSE-KMS objects.
 */

const {app, storage} = accounts;
const policy = (...statements: Record<string, unknown>[]): PolicyDoc => ({Version: '2012-10-17', Statement: statements});
const enableIam = (owner: string) => ({Sid: 'EnableIAM', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${owner}:root`}, Action: 'kms:*', Resource: '*'});

export const replicationRoleArn = `arn:aws:iam::${app}:role/replication-role`;

export const sourceKey: FakeKey = {account: app, region: 'eu-west-1', id: '1111aaaa-11aa-11aa-11aa-111111111111', policy: policy(enableIam(app)), grants: []};

export const replicaKeyIn = (owner: string): FakeKey => ({
	account: owner,
	region: 'us-east-1',
	id: '2222bbbb-22bb-22bb-22bb-222222222222',
	aliases: ['alias/replicas'],
	policy: policy(enableIam(owner), ...(owner === app ? [] : [{Sid: 'SourceAccount', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${app}:root`}, Action: 'kms:Encrypt', Resource: '*'}])),
	grants: [],
});

export const replicationScenario = (destinationAccount: string = storage, replicaKmsKeyId?: string, replicaVersioning?: 'Enabled' | 'Suspended'): FakeScenario => {
	const replicaKey = replicaKeyIn(destinationAccount);
	return {
		credentials: [
			{...keys.uploader, arn: `arn:aws:sts::${app}:assumed-role/uploader/ci-run`, userId: 'AROAFAKEUPLOADER0001:ci-run', account: app},
			{...keys.storageAdmin, arn: `arn:aws:iam::${storage}:user/storage-admin`, userId: 'AIDAFAKESTORAGE00001', account: storage},
			{...keys.securityAdmin, arn: `arn:aws:iam::${accounts.security}:user/security-admin`, userId: 'AIDAFAKESECURITY0001', account: accounts.security},
		],
		roles: [
			{account: app, name: 'uploader', path: '/service/', id: 'AROAFAKEUPLOADER0001'},
			{
				account: app,
				name: 'replication-role',
				id: 'AROAFAKEREPLICATION1',
				trust: policy({Effect: 'Allow', Principal: {Service: 's3.amazonaws.com'}, Action: 'sts:AssumeRole'}),
				inline: {
					ReplicationPolicy: policy(
						{Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: 'arn:aws:s3:::acme-source'},
						{Effect: 'Allow', Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl'], Resource: 'arn:aws:s3:::acme-source/*'},
						{Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete'], Resource: 'arn:aws:s3:::acme-replica/*'},
						{Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyArn(sourceKey), Condition: {StringLike: {'kms:ViaService': 's3.eu-west-1.amazonaws.com'}}},
						{Effect: 'Allow', Action: 'kms:Encrypt', Resource: keyArn(replicaKey), Condition: {StringLike: {'kms:ViaService': 's3.us-east-1.amazonaws.com'}}},
					),
				},
			},
		],
		users: [
			{account: storage, name: 'storage-admin', id: 'AIDAFAKESTORAGE00001'},
			{account: accounts.security, name: 'security-admin', id: 'AIDAFAKESECURITY0001'},
		],
		keys: [sourceKey, replicaKey],
		buckets: [
			{
				name: 'acme-source',
				account: app,
				region: 'eu-west-1',
				policy: null,
				encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn(sourceKey), bucketKey: false},
				ownership: 'BucketOwnerEnforced',
				versioning: 'Enabled',
				replication: {
					role: replicationRoleArn,
					rules: [
						{id: 'logs', priority: 2, prefix: 'logs/', status: 'Enabled', destinationBucket: 'acme-replica'},
						{
							id: 'tax',
							priority: 1,
							prefix: 'Tax/',
							status: 'Enabled',
							destinationBucket: 'acme-replica',
							...(destinationAccount === app ? {} : {destinationAccount}),
							replicaKmsKeyId: replicaKmsKeyId ?? keyArn(replicaKey),
							sseKmsEncryptedObjects: 'Enabled',
						},
					],
				},
			},
			{
				name: 'acme-replica',
				account: destinationAccount,
				region: 'us-east-1',
				policy:
					destinationAccount === app
						? null
						: policy({Sid: 'Permissions on objects', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${app}:root`}, Action: ['s3:ReplicateDelete', 's3:ReplicateObject'], Resource: 'arn:aws:s3:::acme-replica/*'}),
				encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn(replicaKey), bucketKey: false},
				ownership: 'BucketOwnerEnforced',
				...(replicaVersioning ? {versioning: replicaVersioning} : {}),
			},
		],
		objects: [{bucket: 'acme-source', key: 'Tax/2026/return.pdf', encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn(sourceKey), bucketKey: false}}],
	};
};

/** Profiles app (the source account), storage (the destination's) and security. */
export const replicationFiles = crossAccountFiles;
