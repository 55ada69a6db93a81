import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import type {BundleImport} from '../../../source/inputs/bundle/index.js';
import {importedBundle} from '../../support/bundle-round-trip.js';
import {bundleFiles, bundleQuestion, type BundleCall} from '../../support/bundle-files.js';

/**
 * AWS General Reference, ARN format: "A partition is a group of AWS Regions. Each AWS account is scoped to one
 * partition. The following are the supported partitions: aws - AWS Regions, aws-cn - China Regions, aws-us-gov - AWS
 * GovCloud (US) Regions". A bundle collected in China or GovCloud names the permissions that would fill its gaps on the
 * bucket's and the object's ARNs in that partition.
 */

const bucket = bundleQuestion.bucket;
const objectKey = bundleQuestion.objectKey;
const denied: BundleCall = {error: 'AccessDenied: Access Denied'};
const s3Denied: Record<string, BundleCall> = {
	's3api-get-bucket-policy': denied,
	's3api-get-bucket-encryption': denied,
	's3api-get-bucket-ownership-controls': denied,
	's3api-head-object': denied,
};

const question = (fields: Record<string, unknown>) => ({'question.json': JSON.stringify({...bundleQuestion, operation: 'download', ...fields})});

const resolveWith = (result: BundleImport): Record<string, string | undefined> =>
	Object.fromEntries((result.snapshot.unread ?? []).map(note => [note.path, note.resolveWith]));

describe('a bundle collected in another partition', () => {
	it("in China: the caller's aws-cn ARN names the partition of the bucket's and the object's ARNs, down to the diagnosis", () => {
		const caller = {UserId: 'AIDAEXAMPLEALICE0001', Account: '111122223333', Arn: 'arn:aws-cn:iam::111122223333:user/alice'};
		const result = importedBundle(bundleFiles({'sts-get-caller-identity': caller, ...s3Denied}, question({region: 'cn-north-1'})));
		const notes = resolveWith(result);
		expect(notes['bucket.policy']).toBe(`s3:GetBucketPolicy on arn:aws-cn:s3:::${bucket}`);
		expect(notes['bucket.defaultEncryption']).toBe(`s3:GetEncryptionConfiguration on arn:aws-cn:s3:::${bucket}`);
		expect(notes['bucket.objectOwnership']).toBe(`s3:GetBucketOwnershipControls on arn:aws-cn:s3:::${bucket}`);
		expect(notes['object.encryption']).toBe(`s3:GetObject on arn:aws-cn:s3:::${bucket}/${objectKey}`);
		const diagnosis = JSON.stringify(diagnose(result.snapshot));
		expect(diagnosis).toContain(`arn:aws-cn:s3:::${bucket}/${objectKey}`);
		expect(diagnosis).not.toContain('arn:aws:s3:::');
	});

	it('in GovCloud, where the bundle does not say who ran it: the Region it ran in (us-gov-west-1) names aws-us-gov', () => {
		const result = importedBundle(bundleFiles(s3Denied, question({region: 'us-gov-west-1'})));
		expect(resolveWith(result)['bucket.policy']).toBe(`s3:GetBucketPolicy on arn:aws-us-gov:s3:::${bucket}`);
		expect(resolveWith(result)['object.encryption']).toBe(`s3:GetObject on arn:aws-us-gov:s3:::${bucket}/${objectKey}`);
		// No caller's ARN: the bucket's Region gives the diagnosis its partition, so its request is on the GovCloud object.
		const diagnosis = diagnose(result.snapshot);
		expect(diagnosis.question.objectArn).toBe(`arn:aws-us-gov:s3:::${bucket}/${objectKey}`);
		expect(JSON.stringify(diagnosis)).not.toContain('arn:aws:s3:::');
	});

	it('names the s3:// URL, not an arn:aws guess, where neither the caller nor a Region says', () => {
		const result = importedBundle(bundleFiles(s3Denied, question({})));
		expect(resolveWith(result)['bucket.policy']).toBe(`s3:GetBucketPolicy on s3://${bucket}`);
		expect(resolveWith(result)['object.encryption']).toBe(`s3:GetObject on s3://${bucket}/${objectKey}`);
	});
});

describe("a bundle's principal in another partition", () => {
	it("in GovCloud: the role behind the caller's session is named on arn:aws-us-gov, from the ARN's own partition", () => {
		const caller = {UserId: 'AROAEXAMPLEUPLOADER01:alice', Account: '111122223333', Arn: 'arn:aws-us-gov:sts::111122223333:assumed-role/Uploader/alice'};
		const result = importedBundle(bundleFiles({'sts-get-caller-identity': caller, 'iam-get-role': denied, 'iam-list-role-policies': denied}, question({region: 'us-gov-west-1'})));
		const notes = JSON.stringify(result.snapshot.unread);
		expect(notes).toContain('arn:aws-us-gov:iam::111122223333:role/Uploader');
		expect(notes).not.toContain('arn:aws:');
	});

	it("in China: a user's group the listing names without its ARN is named on arn:aws-cn", () => {
		const caller = {UserId: 'AIDAEXAMPLEALICE0001', Account: '111122223333', Arn: 'arn:aws-cn:iam::111122223333:user/alice'};
		const groups = {Groups: [{GroupName: 'Uploaders'}]};
		const result = importedBundle(bundleFiles({'sts-get-caller-identity': caller, 'iam-list-groups-for-user': groups}, question({region: 'cn-north-1'})));
		const notes = JSON.stringify(result.snapshot.unread);
		expect(notes).toContain('arn:aws-cn:iam::111122223333:group/Uploaders');
		expect(notes).not.toContain('arn:aws:');
	});
});
