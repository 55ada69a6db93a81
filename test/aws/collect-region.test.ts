import {describe, expect, it} from 'vitest';
import {regionS3Names} from '../../source/aws/bucket-region.js';
import {collectSnapshot} from '../../source/aws/collect.js';
import {expectValidSnapshot, notePaths, useFakeAws} from '../support/fake-aws/harness.js';
import {keys, sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';

describe('collectSnapshot and the Region it is given', () => {
	it('refuses a Region that is no Region name in one line, before reading any profile or making any call', async () => {
		const result = await collectSnapshot({question: {operation: 'download', bucket: 'acme-uploads', objectKey: 'k'}, region: 'Ireland', env: {}});
		expect(result).toEqual({ok: false, error: {kind: 'bad-input', message: 'the Region "Ireland" is not a Region name such as eu-west-1 or us-east-1'}});
	});
});

// The uploader's keys again, in a profile whose Region is not the bucket's (eu-west-1).
const files = (endpoint: string) => {
	const base = sameAccountFiles(endpoint);
	return {
		config: `${base.config}\n[profile virginia]\nregion = us-east-1\n`,
		credentials: `${base.credentials}\n[virginia]\naws_access_key_id = ${keys.uploader.accessKeyId}\naws_secret_access_key = ${keys.uploader.secretAccessKey}\naws_session_token = ${keys.uploader.sessionToken}\n`,
	};
};

const state = useFakeAws({scenario: sameAccountScenario, files, checksS3Region: true});

/**
 * AWS, "Virtual hosting of buckets" (Amazon S3 User Guide): "For S3 buckets in Regions launched after March 20,
 * 2019, the DNS server doesn't route your request directly to the AWS Region where your bucket resides. It returns an
 * HTTP 400 Bad Request error instead." The error is AuthorizationHeaderMalformed, whose message AWS documents as
 * "The authorization header is malformed; the region '<AWS Region>' is wrong; expecting '<AWS Region>'" (CloudFront
 * Developer Guide, "HTTP 400 status code (Bad Request)"): the fake answers every S3 request signed for another Region
 * so, with the bucket's Region in the error's Region element (or, to a HEAD, which has no body, in x-amz-bucket-region).
 */
describe('every S3 read follows the Region S3 names', () => {
	it("reads the bucket's settings and the object in the bucket's Region when the profile's is another", async () => {
		const result = await collectSnapshot({question: {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'}, profile: 'virginia', env: state.home.env});
		if (!result.ok) throw new Error(result.error.message);
		expectValidSnapshot(result.value);
		const snapshot = result.value;
		expect(snapshot.bucket).toMatchObject({region: 'eu-west-1', accountId: '111122223333', defaultEncryption: {algorithm: 'aws:kms'}, objectOwnership: 'BucketOwnerEnforced'});
		expect(snapshot.bucket?.policy).toMatchObject({Version: '2012-10-17'});
		expect(snapshot.object?.encryption?.algorithm).toBe('aws:kms');
		expect(notePaths(snapshot).filter(path => /^(bucket|object|key)\b/.test(path))).toEqual([]);
		// Each read: refused in the profile's Region, answered in the bucket's.
		const s3 = state.fake.calls.filter(call => call.service === 's3');
		for (const operation of ['HeadBucket', 'GetBucketPolicy', 'GetBucketEncryption', 'GetBucketOwnershipControls', 'HeadObject']) {
			expect(s3.filter(call => call.operation === operation).map(call => `${call.region} ${call.status}`), operation).toEqual(['us-east-1 400', 'eu-west-1 200']);
		}
	});

	it("follows it for a replication's reads too (versioning)", async () => {
		const result = await collectSnapshot({
			question: {operation: 'replication', bucket: 'acme-archive', objectKey: '2019/old.txt', source: {bucket: 'acme-uploads', objectKey: '2019/old.txt'}},
			profile: 'virginia',
			env: state.home.env,
		});
		if (!result.ok) throw new Error(result.error.message);
		const replication = state.fake.calls.filter(call => call.operation === 'GetBucketReplication');
		expect(replication.map(call => `${call.region} ${call.status}`)).toEqual(['us-east-1 400', 'eu-west-1 404']);
		const versioning = state.fake.calls.filter(call => call.operation === 'GetBucketVersioning');
		expect(versioning.filter(call => call.status === 200).map(call => call.region)).toEqual(['eu-west-1', 'eu-west-1']);
		expect(notePaths(result.value).filter(path => path.endsWith('versioning'))).toEqual([]);
	});
});

describe('regionS3Names: the Region S3 names in a refusal', () => {
	const answer = (status: number, extra: {header?: string; region?: string} = {}) => ({
		name: status === 400 ? 'AuthorizationHeaderMalformed' : 'AccessDenied',
		$metadata: {httpStatusCode: status},
		$response: {headers: extra.header ? {'x-amz-bucket-region': extra.header} : {}},
		...(extra.region ? {Region: extra.region} : {}),
	});

	it("takes the header first, else the error's Region element, from a 400 or a redirect", () => {
		expect(regionS3Names(answer(400, {region: 'eu-west-1'}))).toBe('eu-west-1');
		expect(regionS3Names(answer(400, {header: 'ap-southeast-4'}))).toBe('ap-southeast-4');
		expect(regionS3Names(answer(301, {header: 'eu-central-1', region: 'eu-west-1'}))).toBe('eu-central-1');
	});

	it('follows nothing else: a denial that carries the header, a 400 naming no Region, a name that is no Region', () => {
		expect(regionS3Names(answer(403, {header: 'eu-west-1'}))).toBeUndefined();
		expect(regionS3Names(answer(400))).toBeUndefined();
		// It would become part of a host name: s3.evil.example#.amazonaws.com.
		expect(regionS3Names(answer(400, {region: 'evil.example#'}))).toBeUndefined();
		expect(regionS3Names(new Error('socket hang up'))).toBeUndefined();
	});
});
