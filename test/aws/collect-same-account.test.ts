import {describe, expect, it} from 'vitest';
import {collectSnapshot, type ReadProgress} from '../../source/aws/collect.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {expectValidSnapshot, notePaths, useFakeAws} from '../support/fake-aws/harness.js';
import {accounts, sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';

const state = useFakeAws({scenario: sameAccountScenario, files: sameAccountFiles, checksS3Region: true});

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const download = {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'} as const;

const collected = async (options: Omit<Parameters<typeof collectSnapshot>[0], 'env'>): Promise<Snapshot> => {
	const result = await collectSnapshot({...options, env: state.home.env});
	if (!result.ok) throw new Error(`collection failed: ${result.error.kind}: ${result.error.message}`);
	expectValidSnapshot(result.value);
	return result.value;
};

describe('live collection in one account', () => {
	it('reads a role session: the role behind it, its inline and managed policies at their default version, boundary and tags', async () => {
		const snapshot = await collected({question: download, profile: 'ci'});
		expect(snapshot.metadata?.collectedBy).toBe('live');
		expect(snapshot.principal).toMatchObject({
			arn: `arn:aws:sts::${accounts.app}:assumed-role/uploader/ci-run`,
			roleArn: `arn:aws:iam::${accounts.app}:role/service/uploader`,
			userId: 'AROAFAKEUPLOADER0001:ci-run',
			tags: {team: 'data'},
			organizationId: 'o-a1b2c3d4e5',
		});
		expect(snapshot.principal?.identityPolicies).toEqual([
			{name: 's3-write', document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::acme-uploads/*'}]}},
			// v2 is the default version; v1 (kms:Encrypt) must not be what was read.
			{name: 'kms-use', arn: `arn:aws:iam::${accounts.app}:policy/kms-use`, document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: keyArn}]}},
		]);
		expect(snapshot.principal?.permissionsBoundary).toMatchObject({name: 'boundary', arn: `arn:aws:iam::${accounts.app}:policy/boundary`});
		// A role session's session policy cannot be read: unknown, and said so.
		expect(snapshot.principal).not.toHaveProperty('sessionPolicy');
		expect(snapshot.unread).toContainEqual(expect.objectContaining({path: 'principal.sessionPolicy'}));
	});

	it("reads the bucket and the object, and takes the download's key (and its Bucket Key flag) from HeadObject", async () => {
		const snapshot = await collected({question: download, profile: 'ci'});
		expect(snapshot.question).toEqual({...download, kmsKeyId: keyArn});
		expect(snapshot.object).toEqual({encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}});
		expect(snapshot.bucket).toEqual({
			accountId: accounts.app,
			region: 'eu-west-1',
			policy: sameAccountScenario().buckets![0]!.policy,
			defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true},
			objectOwnership: 'BucketOwnerEnforced',
		});
		expect(snapshot.key).toMatchObject({arn: keyArn, keyManager: 'CUSTOMER', keyState: 'Enabled', keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', multiRegion: false});
		expect(snapshot.key?.policy).toEqual(sameAccountScenario().keys![0]!.policy);
		// Two grants, one per ListGrants page.
		expect(snapshot.key?.grants).toEqual([
			{grantId: 'grant-0001', name: 'lambda', granteePrincipal: `arn:aws:iam::${accounts.app}:role/lambda-reader`, operations: ['Decrypt'], constraints: {encryptionContextSubset: {'aws:s3:arn': 'arn:aws:s3:::acme-uploads'}}},
			{grantId: 'grant-0002', granteePrincipal: `arn:aws:iam::${accounts.app}:role/batch`, retiringPrincipal: `arn:aws:iam::${accounts.app}:root`, operations: ['Decrypt', 'GenerateDataKey']},
		]);
		// A member account cannot read its organization's SCPs and RCPs: one note says so, once.
		expect(notePaths(snapshot)).toEqual(['principal.sessionPolicy', 'organization']);
		expect(snapshot.unread?.[1]?.resolveWith).toMatch(/^organizations:ListParents on 111122223333, from the management account/);
	});

	it('reads an IAM user with its groups, lists a managed policy attached twice once, and knows it has no session policy', async () => {
		const snapshot = await collected({question: {operation: 'upload', bucket: 'acme-uploads', objectKey: 'new.csv', kmsKeyId: 'alias/uploads', sizeBytes: 20_000_000}, profile: 'dev'});
		expect(snapshot.principal?.arn).toBe(`arn:aws:iam::${accounts.app}:user/dev-alice`);
		expect(snapshot.principal?.identityPolicies?.map(policy => policy.name)).toEqual(['alice-s3', 'kms-use', 'group developers: read-uploads', 'ReadOnlyAccess']);
		expect(snapshot.principal?.identityPolicies?.find(policy => policy.name === 'ReadOnlyAccess')?.arn).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
		expect(snapshot.principal?.permissionsBoundary).toBeNull();
		expect(snapshot.principal?.sessionPolicy).toBeNull();
		// The alias resolves to the key's ARN; the question keeps what the request named.
		expect(snapshot.key).toMatchObject({arn: keyArn, aliases: ['alias/uploads']});
		expect(snapshot.question.kmsKeyId).toBe('alias/uploads');
		expect(snapshot).not.toHaveProperty('object');
	});

	it("reads the bucket's default key for an upload that names none, without pretending the request named it", async () => {
		const snapshot = await collected({question: {operation: 'upload', bucket: 'acme-uploads', objectKey: 'new.csv'}, profile: 'ci'});
		expect(snapshot.key?.arn).toBe(keyArn);
		expect(snapshot.question).toEqual({operation: 'upload', bucket: 'acme-uploads', objectKey: 'new.csv'});
	});

	it("reads a copy's source bucket, object and key, and knows an old bucket has no policy, default encryption or ownership setting", async () => {
		const snapshot = await collected({
			question: {operation: 'copy', bucket: 'acme-archive', objectKey: '2024/q1.csv', source: {bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'}},
			profile: 'ci',
		});
		expect(snapshot.question.source).toEqual({bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv', kmsKeyId: keyArn});
		expect(snapshot.bucket).toEqual({accountId: accounts.app, region: 'eu-west-1', policy: null, defaultEncryption: null, objectOwnership: null});
		expect(snapshot.source?.bucketInfo).toMatchObject({name: 'acme-uploads', accountId: accounts.app, objectOwnership: 'BucketOwnerEnforced'});
		expect(snapshot.source?.objectInfo).toEqual({encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}});
		expect(snapshot.source?.keyInfo).toMatchObject({arn: keyArn, keyState: 'Enabled'});
		expect(snapshot.source?.keyInfo?.policy).toBeDefined();
		// No key named and no default key: SSE-S3, so there is no destination key to read, and nothing unknown about it.
		expect(snapshot).not.toHaveProperty('key');
		expect(notePaths(snapshot)).toEqual(['principal.sessionPolicy', 'organization']);
	});

	it('reads a bucket and a key once when a copy stays in the same bucket and key', async () => {
		const snapshot = await collected({
			question: {operation: 'copy', bucket: 'acme-uploads', objectKey: 'copies/q1.csv', kmsKeyId: keyArn, source: {bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'}},
			profile: 'ci',
		});
		expect(snapshot.key?.policy).toEqual(snapshot.source?.keyInfo?.policy);
		expect(snapshot.source?.bucketInfo).toEqual({name: 'acme-uploads', ...snapshot.bucket});
		const count = (operation: string) => state.fake.calls.filter(call => call.operation === operation).length;
		expect([count('GetBucketPolicy'), count('GetBucketEncryption'), count('HeadBucket'), count('DescribeKey'), count('GetKeyPolicy'), count('ListGrants')]).toEqual([1, 1, 1, 1, 1, 1]);
	});

	it('drops a guessed key for a download whose object HeadObject shows is not encrypted with a KMS key', async () => {
		const snapshot = await collected({question: {operation: 'download', bucket: 'acme-archive', objectKey: '2019/old.txt', kmsKeyId: 'alias/uploads'}, profile: 'ci'});
		// The bucket has no Object Ownership setting: its ACLs say the bucket's account owns the object.
		expect(snapshot.object).toEqual({encryption: {algorithm: 'AES256'}, ownedByBucketOwner: true, ownerAccountId: accounts.app});
		expect(snapshot.question).toEqual({operation: 'download', bucket: 'acme-archive', objectKey: '2019/old.txt'});
		expect(snapshot).not.toHaveProperty('key');
	});

	it('reads the SCPs and RCPs, root first, when a profile of the management account is given', async () => {
		// `org` as the bucket profile: it is not the bucket's owner (405), so the caller's profile reads the bucket policy.
		const snapshot = await collected({question: download, profile: 'ci', bucketProfile: 'org'});
		const names = (levels: readonly (readonly unknown[])[] | undefined) => levels?.map(level => level.map(policy => (policy as {name: string}).name));
		expect(names(snapshot.organization?.serviceControlPolicies)).toEqual([['FullAWSAccess'], ['FullAWSAccess', 'deny-other-regions'], ['FullAWSAccess']]);
		expect(names(snapshot.organization?.resourceControlPolicies)).toEqual([['rcp-baseline'], [], []]);
		expect(snapshot.bucket?.policy).toEqual(sameAccountScenario().buckets![0]!.policy);
		expect(notePaths(snapshot)).toEqual(['principal.sessionPolicy']);
		const policyCalls = state.fake.calls.filter(call => call.operation === 'GetBucketPolicy').map(call => `${call.account}:${call.status}`);
		// `org`'s Region is us-east-1: S3 first refuses the request and names the bucket's (400), then answers there.
		expect(policyCalls).toEqual([`${accounts.management}:400`, `${accounts.management}:405`, `${accounts.app}:200`]);
	});

	it("uses AWS_PROFILE when no profile is given, and a profile's own endpoint_url", async () => {
		const {AWS_ENDPOINT_URL: _endpoint, ...withoutEndpoint} = state.home.env;
		// `ci` names the fake in its endpoint_url; with no AWS_ENDPOINT_URL nothing else could reach it.
		const result = await collectSnapshot({question: download, env: {...withoutEndpoint, AWS_PROFILE: 'ci'}});
		expect(result.ok && result.value.principal?.arn).toBe(`arn:aws:sts::${accounts.app}:assumed-role/uploader/ci-run`);
	});

	it('reports every read as it runs and how it ended, and makes no call that writes', async () => {
		const events: ReadProgress[] = [];
		await collected({question: download, profile: 'ci', onProgress: event => events.push(event)});
		const finals = new Map<string, ReadProgress>();
		for (const event of events) if (event.state !== 'running') finals.set(event.id, event);
		const started = new Set(events.filter(event => event.state === 'running').map(event => event.id));
		expect([...started].sort()).toEqual([...finals.keys()].sort());
		expect(finals.get('ci:kms:GetKeyPolicy:' + keyArn)).toMatchObject({state: 'ok', label: `kms:GetKeyPolicy ${keyArn} (profile ci)`});
		expect(finals.get('ci:organizations:ListParents:111122223333')).toMatchObject({state: 'unknown', detail: expect.stringMatching(/^denied \(AccessDeniedException\)/)});
		expect(state.fake.calls.length).toBe(started.size);
		expect(state.fake.calls.filter(call => call.write)).toEqual([]);
	});

	it('rejects bad input with one line naming it, before any call', async () => {
		const cases: [Parameters<typeof collectSnapshot>[0]['question'], RegExp][] = [
			[{...download, bucket: 'arn:aws:s3:::acme-uploads'}, /^the bucket "arn:aws:s3:::acme-uploads" is not a bucket name: give the bucket name alone/],
			[{...download, kmsKeyId: 'aws/s3'}, /^the KMS key "aws\/s3" is not a key ID: an alias needs its prefix, as in alias\/aws\/s3$/],
			[{...download, kmsKeyId: 'not a key'}, /^the KMS key "not a key" is not a KMS key ID, key ARN, alias name/],
			[{operation: 'copy', bucket: 'acme-uploads', objectKey: 'x'}, /^a copy needs its source/],
		];
		for (const [question, message] of cases) {
			const result = await collectSnapshot({question, profile: 'ci', env: state.home.env});
			expect(result.ok ? 'ok' : result.error.kind).toBe('bad-input');
			expect(result.ok ? '' : result.error.message).toMatch(message);
		}
		expect(state.fake.calls).toEqual([]);
	});
});
