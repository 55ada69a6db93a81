import {describe, expect, it} from 'vitest';
import {
	aclOwnerOf,
	bucketPolicyOf,
	defaultEncryptionOf,
	objectInfoOf,
	objectOwnerOf,
	objectOwnershipOf,
	regionOfHeadBucket,
	regionOfLocation,
} from '../../../source/snapshot/aws-answers/index.js';
import {jsonText, policy, sdkOutput} from './shapes.js';

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('s3:GetBucketPolicy', () => {
	it('parses the bucket policy, a JSON string in both shapes', () => {
		const document = policy('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/*');
		expect(bucketPolicyOf(sdkOutput({Policy: jsonText(document)}))).toEqual({ok: true, value: document});
		expect(bucketPolicyOf({Policy: jsonText(document)})).toEqual({ok: true, value: document});
	});

	it('takes an answer without a policy for a problem, not for "no policy" (that is NoSuchBucketPolicy)', () => {
		expect(bucketPolicyOf(sdkOutput({}))).toEqual({ok: false, error: {kind: 'policy-document', message: 'AWS returned an empty policy document'}});
	});
});

describe('s3:GetBucketEncryption', () => {
	const rules = (rule: Record<string, unknown>) => ({ServerSideEncryptionConfiguration: {Rules: [rule]}});

	it("gives the first rule's algorithm, key and Bucket Key flag, from either shape", () => {
		const answer = rules({ApplyServerSideEncryptionByDefault: {SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn}, BucketKeyEnabled: true});
		const expected = {ok: true, value: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}};
		expect(defaultEncryptionOf(sdkOutput(answer))).toEqual(expected);
		expect(defaultEncryptionOf(answer)).toEqual(expected);
		expect(defaultEncryptionOf(rules({ApplyServerSideEncryptionByDefault: {SSEAlgorithm: 'AES256'}, BucketKeyEnabled: false}))).toEqual({ok: true, value: {algorithm: 'AES256', bucketKeyEnabled: false}});
	});

	it('takes an answer without a rule, or with an algorithm it does not know, for a problem, not for "no default encryption"', () => {
		// S3: "By default, all buckets have a default encryption configuration that uses server-side encryption with
		// Amazon S3 managed keys (SSE-S3)." A 200 without a rule (a proxy's HTML page parses as XML) is not S3's answer.
		const noRule = {ok: false, error: {kind: 'shape', message: 'the answer holds no encryption rule, though every bucket has one'}};
		expect(defaultEncryptionOf(sdkOutput({ServerSideEncryptionConfiguration: {Rules: []}}))).toEqual(noRule);
		expect(defaultEncryptionOf(sdkOutput({ServerSideEncryptionConfiguration: {}}))).toEqual(noRule);
		expect(defaultEncryptionOf({})).toEqual(noRule);
		expect(defaultEncryptionOf(rules({ApplyServerSideEncryptionByDefault: {SSEAlgorithm: 'aws:fips'}}))).toEqual({
			ok: false,
			error: {kind: 'shape', message: 'the default encryption rule has an algorithm this tool does not know'},
		});
	});
});

describe('s3:GetBucketOwnershipControls', () => {
	it("gives the first rule's Object Ownership", () => {
		const answer = {OwnershipControls: {Rules: [{ObjectOwnership: 'BucketOwnerEnforced'}]}};
		expect(objectOwnershipOf(sdkOutput(answer))).toEqual({ok: true, value: 'BucketOwnerEnforced'});
		expect(objectOwnershipOf(answer)).toEqual({ok: true, value: 'BucketOwnerEnforced'});
	});

	it('takes an answer without a rule, or with a setting it does not know, for a problem, not for "no setting" (that is OwnershipControlsNotFoundError)', () => {
		const noRule = {ok: false, error: {kind: 'shape', message: 'the answer holds no Object Ownership rule'}};
		expect(objectOwnershipOf(sdkOutput({OwnershipControls: {Rules: []}}))).toEqual(noRule);
		expect(objectOwnershipOf(sdkOutput({}))).toEqual(noRule);
		expect(objectOwnershipOf({OwnershipControls: {Rules: [{ObjectOwnership: 'Anyone'}]}})).toEqual({
			ok: false,
			error: {kind: 'shape', message: 'the Object Ownership rule has a setting this tool does not know'},
		});
	});
});

describe('s3:GetBucketAcl and s3:GetObjectAcl', () => {
	const bucketOwner = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
	const writer = '852b113e7a2f25102679df27bb0ae12b3f85be6f290b936c4393484be31bebcc';
	const acl = (id: string) => ({Owner: {ID: id}, Grants: [{Grantee: {ID: id, Type: 'CanonicalUser'}, Permission: 'FULL_CONTROL'}]});

	it("gives the owner's canonical user ID, from either shape; an answer without one is a problem", () => {
		expect(aclOwnerOf(sdkOutput(acl(writer)))).toEqual({ok: true, value: writer});
		expect(aclOwnerOf(acl(writer))).toEqual({ok: true, value: writer});
		expect(aclOwnerOf({Grants: []})).toEqual({ok: false, error: {kind: 'shape', message: 'the answer names no Owner.ID'}});
	});

	it("the same owner is the bucket account's object; another is another account's, its account ID not known", () => {
		expect(objectOwnerOf(bucketOwner, bucketOwner, '111122223333')).toEqual({ownedByBucketOwner: true, ownerAccountId: '111122223333'});
		expect(objectOwnerOf(bucketOwner, bucketOwner, undefined)).toEqual({ownedByBucketOwner: true});
		expect(objectOwnerOf(bucketOwner, writer, '111122223333')).toEqual({ownedByBucketOwner: false});
	});
});

describe("the bucket's Region", () => {
	const region = (name: string) => ({ok: true, value: name});

	it('GetBucketLocation: "Buckets in Region us-east-1 have a LocationConstraint of null. Buckets with a LocationConstraint of EU reside in eu-west-1."', () => {
		expect(regionOfLocation(sdkOutput({LocationConstraint: 'eu-central-1'}))).toEqual(region('eu-central-1'));
		expect(regionOfLocation({LocationConstraint: 'eu-central-1'})).toEqual(region('eu-central-1'));
		// The SDK leaves the member out; the CLI prints null.
		expect(regionOfLocation(sdkOutput({}))).toEqual(region('us-east-1'));
		expect(regionOfLocation({LocationConstraint: null})).toEqual(region('us-east-1'));
		expect(regionOfLocation({LocationConstraint: 'EU'})).toEqual(region('eu-west-1'));
		// An edited answer's text is not a Region: it is not taken as one.
		expect(regionOfLocation({LocationConstraint: 'eu-west-1\u001b[2J'})).toEqual({ok: false, error: {kind: 'shape', message: "the answer's LocationConstraint is not a Region name such as eu-west-1"}});
	});

	it('HeadBucket: BucketRegion, when the answer has it and it is a Region name', () => {
		expect(regionOfHeadBucket(sdkOutput({BucketRegion: 'eu-west-1', AccessPointAlias: false}))).toEqual(region('eu-west-1'));
		expect(regionOfHeadBucket({BucketRegion: 'eu-west-1'})).toEqual(region('eu-west-1'));
		// Older CLIs print nothing for head-bucket.
		expect(regionOfHeadBucket({})).toBeUndefined();
		// A header a proxy or fake endpoint made up is not taken as the Region.
		const problem = {ok: false, error: {kind: 'shape', message: "the answer's x-amz-bucket-region header is not a Region name such as eu-west-1"}};
		expect(regionOfHeadBucket({BucketRegion: 'eu-west-1\u001b[2J'})).toEqual(problem);
		expect(regionOfHeadBucket({BucketRegion: 'not a region'})).toEqual(problem);
	});
});

describe('s3:HeadObject', () => {
	it("gives the object's encryption, key and Bucket Key flag, from either shape", () => {
		const head = {ContentLength: 1024, ETag: '"9b2cf535f27731c974343645a3985328"', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn, BucketKeyEnabled: true};
		const expected = {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}};
		expect(objectInfoOf(sdkOutput({...head, LastModified: new Date('2024-03-01T00:00:00Z')}))).toEqual(expected);
		// The CLI prints HTTP dates as S3 sends them.
		expect(objectInfoOf({...head, LastModified: '2024-03-01T00:00:00+00:00'})).toEqual(expected);
	});

	it('says "not encrypted with a key this tool knows" (null) for none or an unknown algorithm', () => {
		expect(objectInfoOf(sdkOutput({ContentLength: 10, ServerSideEncryption: 'AES256'}))).toEqual({encryption: {algorithm: 'AES256'}});
		expect(objectInfoOf({ContentLength: 10})).toEqual({encryption: null});
		expect(objectInfoOf({ServerSideEncryption: 'aws:fips'})).toEqual({encryption: null});
	});
});
