import {describe, expect, it} from 'vitest';
import {collectSnapshot} from '../../source/aws/collect.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderText} from '../../source/report/render-text.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {expectValidSnapshot, useFakeAws} from '../support/fake-aws/harness.js';
import type {FakeScenario} from '../support/fake-aws/scenario.js';

/**
 * AWS General Reference, ARN format: "A partition is a group of AWS Regions. Each AWS account is scoped to one
 * partition. The following are the supported partitions: aws - AWS Regions, aws-cn - China Regions, aws-us-gov - AWS
 * GovCloud (US) Regions". A profile in China (cn-north-1) or GovCloud (us-gov-west-1) reads its partition's buckets: a
 * read it could not make is named on the bucket's or the object's ARN in that partition, not in aws.
 */

const account = '111122223333';
const china = {accessKeyId: 'AKIAFAKECHINA0000001', secretAccessKey: 'china-secret'};
const gov = {accessKeyId: 'AKIAFAKEGOVCLOUD0001', secretAccessKey: 'gov-secret'};

const scenario = (): FakeScenario => ({
	credentials: [
		{...china, arn: `arn:aws-cn:iam::${account}:user/reader`, userId: 'AIDAFAKECHINA0000001', account},
		{...gov, arn: `arn:aws-us-gov:iam::${account}:user/reader`, userId: 'AIDAFAKEGOVCLOUD0001', account},
	],
	users: [{account, name: 'reader', id: 'AIDAFAKECHINA0000001'}],
	buckets: [
		{name: 'beijing-reports', account, region: 'cn-north-1', policy: null, encryption: null, ownership: 'BucketOwnerEnforced'},
		{name: 'gov-reports', account, region: 'us-gov-west-1', policy: null, encryption: null, ownership: 'BucketOwnerEnforced'},
	],
});

const files = () => ({
	config: ['[profile china]', 'region = cn-north-1', '', '[profile gov]', 'region = us-gov-west-1', ''].join('\n'),
	credentials: [
		'[china]',
		`aws_access_key_id = ${china.accessKeyId}`,
		`aws_secret_access_key = ${china.secretAccessKey}`,
		'[gov]',
		`aws_access_key_id = ${gov.accessKeyId}`,
		`aws_secret_access_key = ${gov.secretAccessKey}`,
		'',
	].join('\n'),
});

const state = useFakeAws({scenario, files});

const collected = async (profile: string, bucket: string): Promise<Snapshot> => {
	for (const operation of ['GetBucketPolicy', 'GetBucketEncryption', 'HeadObject']) state.fake.addFault({service: 's3', operation, kind: 'denied'});
	const result = await collectSnapshot({question: {operation: 'download', bucket, objectKey: 'q1/summary.csv'}, profile, env: state.home.env});
	if (!result.ok) throw new Error(`collection failed: ${result.error.kind}: ${result.error.message}`);
	expectValidSnapshot(result.value);
	return result.value;
};

const resolveWith = (snapshot: Snapshot, path: string): string | undefined => snapshot.unread?.find(note => note.path === path)?.resolveWith;

describe('live reads in another partition name its ARNs', () => {
	it('China (cn-north-1): the reads that were refused are named on arn:aws-cn, in the snapshot and the report', async () => {
		const snapshot = await collected('china', 'beijing-reports');
		expect(resolveWith(snapshot, 'bucket.policy')).toBe('s3:GetBucketPolicy on arn:aws-cn:s3:::beijing-reports');
		expect(resolveWith(snapshot, 'bucket.defaultEncryption')).toBe('s3:GetEncryptionConfiguration on arn:aws-cn:s3:::beijing-reports');
		expect(resolveWith(snapshot, 'object')).toBe('s3:GetObject on arn:aws-cn:s3:::beijing-reports/q1/summary.csv');
		const report = renderText(diagnose(snapshot), {width: 200, color: false});
		expect(report).toContain('arn:aws-cn:s3:::beijing-reports');
		expect(report).not.toContain('arn:aws:s3:::');
	});

	it('GovCloud (us-gov-west-1): on arn:aws-us-gov', async () => {
		const snapshot = await collected('gov', 'gov-reports');
		expect(resolveWith(snapshot, 'bucket.policy')).toBe('s3:GetBucketPolicy on arn:aws-us-gov:s3:::gov-reports');
		expect(resolveWith(snapshot, 'object')).toBe('s3:GetObject on arn:aws-us-gov:s3:::gov-reports/q1/summary.csv');
	});
});
