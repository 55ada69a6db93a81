import {replicationFindings} from './replication-findings.js';
import type {OperationModule} from './types.js';

/**
 * Live replication of an SSE-KMS object: S3 assumes the role the source bucket's replication rule names, reads the
 * source object (question.source) and writes its replica (question.bucket/objectKey, the same key). The actions are
 * AWS's minimum replication policy (S3 User Guide, "Setting up permissions") with the KMS actions of "Replicating
 * encrypted objects": kms:Decrypt on the source object's key, kms:Encrypt on the replica key, each through S3 of
 * that bucket's Region with that bucket's encryption context.
 */

export const s3Principal = 's3.amazonaws.com';

export const replication: OperationModule<'replication'> = {
	name: 'replication',
	legs: {
		source: {
			side: 'source',
			actor: {kind: 'assumed-role', assumedBy: s3Principal},
			keyWords: "source object's key",
			facts: {object: true, key: 'object'},
			questions: {
				bucket: 'Which bucket does it replicate from (the bucket with the replication rule)?',
				objectKmsKey: {title: "Source object's key", prompt: 'Which KMS key encrypts the source object? (its ARN; aws s3api head-object shows SSEKMSKeyId)'},
			},
			actions: [
				{
					service: 's3',
					action: 's3:GetReplicationConfiguration',
					when: 'always',
					sendsKeyHeaders: false,
					on: 'bucket',
					purpose: () => 'S3 reads the source bucket\'s replication configuration as the role',
				},
				{
					service: 's3',
					action: 's3:ListBucket',
					when: 'always',
					sendsKeyHeaders: false,
					on: 'bucket',
					purpose: () => "S3 lists the source bucket's content (AWS's minimum replication policy; it reads delete markers with it)",
				},
				{service: 's3', action: 's3:GetObjectVersionForReplication', when: 'always', sendsKeyHeaders: false, purpose: () => 'S3 reads the source object version to replicate it'},
				{service: 's3', action: 's3:GetObjectVersionAcl', when: 'always', sendsKeyHeaders: false, purpose: () => "S3 reads the source object version's ACL to replicate it"},
				{service: 'kms', action: 'kms:Decrypt', when: 'always', purpose: () => "S3 decrypts the source object's data key to read it"},
			],
		},
		destination: {
			side: 'destination',
			actor: {kind: 'assumed-role', assumedBy: s3Principal},
			keyWords: 'replica key',
			facts: {object: false, key: 'replica'},
			questions: {bucket: 'Which bucket does it replicate to?'},
			actions: [
				{service: 's3', action: 's3:ReplicateObject', when: 'always', sendsKeyHeaders: false, purpose: () => 'S3 writes the replica into the destination bucket (its tags too)'},
				{service: 'kms', action: 'kms:Encrypt', when: 'always', purpose: () => 'S3 encrypts the replica with the replica key (ReplicaKmsKeyID)'},
				{
					service: 'kms',
					action: 'kms:Decrypt',
					when: 'bucket-key',
					purpose: () => 'with an S3 Bucket Key at the destination, KMS decrypt on the replica key verifies the Bucket Key before S3 uses it',
				},
			],
		},
	},
	multipart: {inParts: false, why: 'S3 replicates each object version as one request of its own'},
	wording: {
		label: 'Replication',
		hint: 'S3 replicates an object as the rule\'s role',
		phrase: 'replication to',
		doing: question =>
			question.source
				? `Replicating s3://${question.source.bucket}/${question.source.objectKey} to s3://${question.bucket}/${question.objectKey}`
				: `Replicating to s3://${question.bucket}/${question.objectKey}`,
		request: question =>
			`the replication of ${question.source ? `s3://${question.source.bucket}/${question.source.objectKey} to ` : ''}s3://${question.bucket}/${question.objectKey}`,
	},
	// Replication fails silently (the object's ReplicationStatus is FAILED): no client error names it.
	recognition: {apiCalls: [], actions: ['s3:ReplicateObject', 's3:GetObjectVersionForReplication'], cliTransfers: []},
	findings: replicationFindings,
};
