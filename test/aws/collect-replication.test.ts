import {describe, expect, it} from 'vitest';
import {collectSnapshot} from '../../source/aws/collect.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {expectValidSnapshot, useFakeAws} from '../support/fake-aws/harness.js';
import {replicaKeyIn, replicationFiles, replicationRoleArn, replicationScenario, sourceKey} from '../support/fake-aws/replication-scenario.js';
import {keyArn} from '../support/fake-aws/scenario.js';
import {accounts} from '../support/fake-aws/scenarios.js';

// Live collection of a replication against the fake endpoint: the rule, the role, versioning, both buckets and keys.
const state = useFakeAws({scenario: () => replicationScenario(), files: replicationFiles, checksS3Region: true});

const question = {operation: 'replication', bucket: 'acme-replica', objectKey: 'Tax/2026/return.pdf', source: {bucket: 'acme-source', objectKey: 'Tax/2026/return.pdf'}} as const;

const collected = async (options: Omit<Parameters<typeof collectSnapshot>[0], 'env' | 'question'> = {}): Promise<Snapshot> => {
	const result = await collectSnapshot({question, profile: 'app', bucketProfile: 'storage', keyProfile: 'storage', ...options, env: state.home.env});
	if (!result.ok) throw new Error(`collection failed: ${result.error.kind}: ${result.error.message}`);
	expectValidSnapshot(result.value);
	return result.value;
};

describe('live collection of a replication (cross account)', () => {
	it('reads the rule that covers the object, the role it names with its trust policy, versioning, and the replica key', async () => {
		const snapshot = await collected();
		const replicaKey = keyArn(replicaKeyIn(accounts.storage));
		// Two rules replicate to acme-replica: the one whose prefix covers Tax/ is chosen, not the one of higher priority.
		expect(snapshot.replication).toEqual({
			role: replicationRoleArn,
			ruleId: 'tax',
			status: 'Enabled',
			destinationBucket: 'arn:aws:s3:::acme-replica',
			destinationAccount: accounts.storage,
			replicaKmsKeyId: replicaKey,
			sseKmsEncryptedObjects: true,
		});
		expect(snapshot.principal?.arn).toBe(replicationRoleArn);
		expect(snapshot.principal?.identityPolicies?.map(entry => entry.name)).toEqual(['ReplicationPolicy']);
		expect(snapshot.principal?.trustPolicy).toEqual({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: 's3.amazonaws.com'}, Action: 'sts:AssumeRole'}]});
		expect(snapshot.source?.bucketInfo?.versioning).toBe('Enabled');
		expect(snapshot.bucket?.versioning).toBeNull();
		expect(snapshot.source?.keyInfo?.arn).toBe(keyArn(sourceKey));
		expect(snapshot.key?.arn).toBe(replicaKey);
		expect(snapshot.key?.policy).toBeDefined();
		// Only read calls; the rule is read in the source account, the destination's versioning with its profile.
		expect(state.fake.calls.filter(call => call.write)).toEqual([]);
		const byProfile = (operation: string) => state.fake.calls.filter(call => call.operation === operation).map(call => call.account);
		expect(byProfile('GetBucketReplication')).toEqual([accounts.app]);
		expect(byProfile('GetRole')).toEqual([accounts.app]);
		// The destination bucket is in us-east-1, the storage profile's Region eu-west-1: S3 refuses the first request and names its Region.
		expect(byProfile('GetBucketVersioning').sort()).toEqual([accounts.app, accounts.storage, accounts.storage].sort());
		expect(state.fake.calls.filter(call => call.operation === 'GetBucketVersioning' && call.status === 200).map(call => `${call.account} ${call.region}`).sort()).toEqual(
			[`${accounts.app} eu-west-1`, `${accounts.storage} us-east-1`].sort(),
		);
	});

	it('diagnoses what it read: every action allowed, and the destination bucket without versioning is the finding', async () => {
		const diagnosis = diagnose(await collected());
		expect(diagnosis.actions.every(action => action.decision === 'allowed')).toBe(true);
		expect(diagnosis.findings.map(finding => finding.id)).toEqual(['replication-versioning-off']);
	});

	it('--replication-rule picks a rule by ID; a rule that does not exist is a note naming the read, never a guess', async () => {
		const logs = await collected({replicationRule: 'logs'});
		expect(logs.replication?.ruleId).toBe('logs');
		expect(logs.replication?.sseKmsEncryptedObjects).toBe(false);
		const none = await collected({replicationRule: 'nope'});
		expect(none.replication).toBeUndefined();
		expect(none.principal).toBeUndefined();
		expect(none.unread?.find(note => note.path === 'replication')?.reason).toContain('no rule with ID "nope"');
		expect(diagnose(none).findings.map(finding => finding.id)).toContain('replication-rule-unknown');
	});
});
