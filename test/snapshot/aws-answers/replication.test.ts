import {describe, expect, it} from 'vitest';
import {iamEntityOf, replicationRuleOf, versioningOf} from '../../../source/snapshot/aws-answers/index.js';

/** The answers replication reads: GetBucketReplication, GetBucketVersioning, GetRole's trust policy. */

const configuration = {
	ReplicationConfiguration: {
		Role: 'arn:aws:iam::111122223333:role/replication-role',
		Rules: [
			{ID: 'all', Priority: 1, Status: 'Enabled', Filter: {Prefix: ''}, Destination: {Bucket: 'arn:aws:s3:::replica'}},
			{
				ID: 'tax',
				Priority: 2,
				Status: 'Enabled',
				Filter: {And: {Prefix: 'Tax/', Tags: [{Key: 'k', Value: 'v'}]}},
				SourceSelectionCriteria: {SseKmsEncryptedObjects: {Status: 'Enabled'}},
				Destination: {Bucket: 'arn:aws:s3:::replica', Account: '444455556666', EncryptionConfiguration: {ReplicaKmsKeyID: 'alias/replicas'}},
			},
			{ID: 'v1', Prefix: 'old/', Status: 'Disabled', Destination: {Bucket: 'arn:aws:s3:::other'}},
		],
	},
};

describe('GetBucketReplication', () => {
	it('chooses the highest-priority rule whose destination and prefix cover the object', () => {
		expect(replicationRuleOf(configuration, {objectKey: 'Tax/2026/a.pdf', destinationBucket: 'replica'})).toEqual({
			ok: true,
			value: {
				role: 'arn:aws:iam::111122223333:role/replication-role',
				ruleId: 'tax',
				status: 'Enabled',
				destinationBucket: 'arn:aws:s3:::replica',
				destinationAccount: '444455556666',
				replicaKmsKeyId: 'alias/replicas',
				sseKmsEncryptedObjects: true,
			},
		});
		const other = replicationRuleOf(configuration, {objectKey: 'logs/a', destinationBucket: 'replica'});
		expect(other.ok && other.value).toMatchObject({ruleId: 'all', replicaKmsKeyId: null, sseKmsEncryptedObjects: false});
	});

	it("reads a V1 rule's Prefix, picks a rule by ID, and says when no rule covers the object", () => {
		const v1 = replicationRuleOf(configuration, {objectKey: 'old/x', destinationBucket: 'other'});
		expect(v1.ok && v1.value).toMatchObject({ruleId: 'v1', status: 'Disabled'});
		const byId = replicationRuleOf(configuration, {objectKey: 'anything', destinationBucket: 'nowhere', ruleId: 'all'});
		expect(byId.ok && byId.value.ruleId).toBe('all');
		const none = replicationRuleOf(configuration, {objectKey: 'x', destinationBucket: 'nowhere'});
		expect(!none.ok && none.error.message).toBe('no replication rule replicates x to nowhere');
		expect(replicationRuleOf({}, {objectKey: 'x', destinationBucket: 'b'}).ok).toBe(false);
	});
});

describe('GetBucketVersioning', () => {
	it('is Enabled or Suspended; a bucket never versioned answers with no Status, which is null', () => {
		expect(versioningOf({Status: 'Enabled'})).toBe('Enabled');
		expect(versioningOf({Status: 'Suspended', MFADelete: 'Disabled'})).toBe('Suspended');
		expect(versioningOf({})).toBeNull();
	});
});

describe("GetRole's trust policy", () => {
	const trust = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: 's3.amazonaws.com'}, Action: 'sts:AssumeRole'}]};
	it('is decoded from the SDK (URL-encoded) and read as the CLI prints it (an object)', () => {
		const sdk = iamEntityOf({Role: {Arn: 'arn:aws:iam::111122223333:role/r', AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust))}}, 'role');
		expect(sdk.ok && sdk.value.trustPolicy).toEqual(trust);
		const cli = iamEntityOf({Role: {Arn: 'arn:aws:iam::111122223333:role/r', AssumeRolePolicyDocument: trust}}, 'role');
		expect(cli.ok && cli.value.trustPolicy).toEqual(trust);
	});
});
