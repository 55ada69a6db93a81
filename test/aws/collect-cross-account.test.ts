import {describe, expect, it} from 'vitest';
import {collectSnapshot} from '../../source/aws/collect.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {expectValidSnapshot, notePaths, useFakeAws} from '../support/fake-aws/harness.js';
import {keyArn} from '../support/fake-aws/scenario.js';
import {accounts, crossAccountFiles, crossAccountScenario, sharedKey} from '../support/fake-aws/scenarios.js';

const state = useFakeAws({scenario: crossAccountScenario, files: crossAccountFiles, checksS3Region: true});

const download = {operation: 'download', bucket: 'shared-data', objectKey: 'in/data.json'} as const;
const sharedKeyArn = keyArn(sharedKey);

const collected = async (options: Omit<Parameters<typeof collectSnapshot>[0], 'env'>): Promise<Snapshot> => {
	const result = await collectSnapshot({...options, env: state.home.env});
	if (!result.ok) throw new Error(`collection failed: ${result.error.kind}: ${result.error.message}`);
	expectValidSnapshot(result.value);
	return result.value;
};

describe('live collection across accounts', () => {
	it("with the caller's profile only: reads what crosses accounts, and says which profile would read the rest", async () => {
		const snapshot = await collected({question: download, profile: 'app'});
		expect(snapshot.principal?.identityPolicies?.map(policy => policy.name)).toEqual(['shared-data']);
		expect(snapshot.object?.encryption?.kmsKeyId).toBe(sharedKeyArn);
		// DescribeKey and ListGrants work across accounts with the key's ARN.
		expect(snapshot.key).toEqual({arn: sharedKeyArn, keyManager: 'CUSTOMER', keyState: 'Enabled', keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', multiRegion: false, grants: []});
		expect(snapshot.bucket).toEqual({region: 'eu-west-1', defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: sharedKeyArn, bucketKeyEnabled: false}, objectOwnership: 'BucketOwnerEnforced'});
		expect(notePaths(snapshot)).toEqual(['principal.sessionPolicy', 'bucket.policy', 'key.policy', 'organization.resourceControlPolicies']);
		const note = (path: string) => snapshot.unread!.find(item => item.path === path)!;
		expect(note('key.policy')).toEqual({
			path: 'key.policy',
			reason: `the key is in account ${accounts.security} and a key policy can be read only from the key's own account; no profile given is in that account`,
			resolveWith: `kms:GetKeyPolicy on ${sharedKeyArn}, with a profile of account ${accounts.security} (--key-profile)`,
		});
		expect(note('bucket.policy').reason).toMatch(/405 MethodNotAllowed/);
		expect(note('bucket.policy').resolveWith).toBe("s3:GetBucketPolicy on arn:aws:s3:::shared-data, with a profile of the bucket's account (--bucket-profile)");
		// Knowing it cannot work, the collector does not even try (no AccessDenied event in the key owner's CloudTrail).
		expect(state.fake.calls.filter(call => call.operation === 'GetKeyPolicy')).toEqual([]);
		// Not in an organization: no SCPs apply, known for sure.
		expect(snapshot.principal?.organizationId).toBeNull();
		expect(snapshot.organization?.serviceControlPolicies).toEqual([]);
	});

	it("with a profile of each account: reads the bucket policy, the bucket's owner and the key policy", async () => {
		const snapshot = await collected({question: download, profile: 'app', bucketProfile: 'storage', keyProfile: 'security'});
		const scenario = crossAccountScenario();
		expect(snapshot.bucket).toMatchObject({accountId: accounts.storage, policy: scenario.buckets![0]!.policy});
		expect(snapshot.key?.policy).toEqual(sharedKey.policy);
		expect(snapshot.organization).toEqual({serviceControlPolicies: [], resourceControlPolicies: []});
		expect(notePaths(snapshot)).toEqual(['principal.sessionPolicy']);
		const byProfile = (operation: string) => state.fake.calls.filter(call => call.operation === operation).map(call => call.account);
		expect(byProfile('GetKeyPolicy')).toEqual([accounts.security]);
		expect(byProfile('GetBucketPolicy')).toEqual([accounts.storage]);
		expect(byProfile('ListRolePolicies')).toEqual([accounts.app]);
	});

	it('resolves an alias in the Region of the bucket, as S3 would', async () => {
		const snapshot = await collected({
			question: {operation: 'upload', bucket: 'shared-data', objectKey: 'out/x', kmsKeyId: `arn:aws:kms:eu-west-1:${accounts.security}:alias/shared-data`},
			profile: 'app',
			keyProfile: 'security',
		});
		expect(snapshot.key).toMatchObject({arn: sharedKeyArn, aliases: ['alias/shared-data'], policy: sharedKey.policy});
	});

	it('says the key does not exist when a key named by ID is not in the caller\'s account', async () => {
		const snapshot = await collected({question: {operation: 'upload', bucket: 'shared-data', objectKey: 'out/x', kmsKeyId: sharedKey.id}, profile: 'app'});
		expect(snapshot).not.toHaveProperty('key');
		expect(snapshot.unread).toContainEqual({
			path: 'key',
			reason: `kms:DescribeKey: not found (NotFoundException): Invalid keyId '${sharedKey.id}'; an alias or key ID names a key of the caller's account in the bucket's Region, so name another account's key by its ARN`,
			resolveWith: `kms:DescribeKey on ${sharedKey.id} (Region eu-west-1)`,
		});
	});
});
