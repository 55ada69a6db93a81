import {describe, expect, it} from 'vitest';
import {checkQuestion, checkRegion} from '../../source/aws/check-question.js';
import {readQuestion} from '../../source/inputs/bundle/read-question.js';
import {validateCollectOptions} from '../../source/outputs/collect-script/validate-options.js';
import {validateSnapshotSchema} from '../../source/snapshot/snapshot-schema.js';
import {snapshotFormat} from '../../source/snapshot/snapshot.js';
import {checkBucketName, checkKmsKeyReference, checkPrincipalArn, checkRegion as wizardRegion} from '../../source/ui/conversation/validate.js';

// Every place a user gives a name asks names/, so they can no longer disagree (they did: the wizard refused
// My_Bucket, which check and collect-script took; check took an upper-case key ID that the diagnosis did not).

const bundle = (fields: Record<string, unknown>) => readQuestion({format: 's3-kms-doctor/bundle@1', operation: 'upload', bucket: 'acme-uploads', objectKey: 'k', ...fields});

const bucketVerdicts = (bucket: string) => ({
	wizard: checkBucketName(bucket) === undefined,
	check: checkQuestion({operation: 'upload', bucket, objectKey: 'k'}).ok,
	collectScript: validateCollectOptions({operation: 'upload', bucket, objectKey: 'k'}).ok,
	bundle: bundle({bucket}).ok,
	snapshot: validateSnapshotSchema({format: snapshotFormat, question: {operation: 'upload', bucket, objectKey: 'k'}}),
});

const keyVerdicts = (kmsKeyId: string) => ({
	wizard: checkKmsKeyReference(kmsKeyId) === undefined,
	check: checkQuestion({operation: 'upload', bucket: 'acme-uploads', objectKey: 'k', kmsKeyId}).ok,
	collectScript: validateCollectOptions({operation: 'upload', bucket: 'acme-uploads', objectKey: 'k', kmsKeyId}).ok,
	bundle: bundle({kmsKeyId}).ok,
});

const all = (value: boolean) => ({wizard: value, check: value, collectScript: value, bundle: value});

describe('every validator applies names/\'s rules', () => {
	it.each([
		['acme-uploads', true],
		['My_Bucket', true],
		['legacy..name-', true],
		['ab', false],
		['my bucket', false],
		['_bucket', false],
		['a'.repeat(256), false],
	])('bucket %s: %s everywhere', (bucket, accepted) => {
		expect(bucketVerdicts(bucket)).toEqual({...all(accepted), snapshot: accepted});
	});

	it.each([
		['1234abcd-12ab-34cd-56ef-1234567890ab', true],
		['mrk-1234abcd12ab34cd56ef1234567890ab', true],
		['alias/aws/s3', true],
		['arn:aws:kms:eu-west-1:111122223333:alias/uploads', true],
		['arn:aws:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', true],
		['1234ABCD-12AB-34CD-56EF-1234567890AB', false],
		['aws/s3', false],
		['arn:aws:kms:eu-west-1:111122223333:key/abcd', false],
	])('key %s: %s everywhere', (kmsKeyId, accepted) => {
		expect(keyVerdicts(kmsKeyId)).toEqual(all(accepted));
	});

	it.each([
		['arn:aws:iam::111122223333:root', true],
		['arn:aws:sts::111122223333:assumed-role/Uploader/alice', true],
		['arn:aws:sts::111122223333:federated-user/bob', true],
		['arn:aws:iam::111122223333:group/Developers', false],
		['Uploader', false],
	])('principal %s: %s everywhere', (principal, accepted) => {
		expect({
			wizard: checkPrincipalArn(principal) === undefined,
			collectScript: validateCollectOptions({operation: 'upload', bucket: 'acme-uploads', objectKey: 'k', principal}).ok,
			bundle: bundle({principal}).ok,
			snapshot: validateSnapshotSchema({format: snapshotFormat, question: {operation: 'upload', bucket: 'b-1', objectKey: 'k'}, principal: {arn: principal}}),
		}).toEqual({wizard: accepted, collectScript: accepted, bundle: accepted, snapshot: accepted});
	});

	it.each([
		['eu-west-1', true],
		['us-gov-west-1', true],
		['Ireland', false],
		['eu-west-1a', false],
	])('Region %s: %s everywhere', (region, accepted) => {
		expect({
			wizard: wizardRegion(region) === undefined,
			check: checkRegion(region) === undefined,
			collectScript: validateCollectOptions({operation: 'upload', bucket: 'acme-uploads', objectKey: 'k', region}).ok,
			bundle: bundle({region}).ok,
			snapshot: validateSnapshotSchema({format: snapshotFormat, question: {operation: 'upload', bucket: 'b-1', objectKey: 'k'}, bucket: {region}}),
		}).toEqual({wizard: accepted, check: accepted, collectScript: accepted, bundle: accepted, snapshot: accepted});
	});

	it('each names the input and what to do in one line', () => {
		expect(checkBucketName('s3://acme-uploads/k')).toBeUndefined();
		expect(checkQuestion({operation: 'upload', bucket: 'acme-uploads', objectKey: 'k', kmsKeyId: '1234ABCD-12AB-34CD-56EF-1234567890AB'})).toEqual({
			ok: false,
			error: 'the KMS key "1234ABCD-12AB-34CD-56EF-1234567890AB" is not a key ID: KMS writes key IDs in lower case: 1234abcd-12ab-34cd-56ef-1234567890ab',
		});
		expect(checkRegion('EU-WEST-1')).toBe('the Region "EU-WEST-1" is not a Region name such as eu-west-1 or us-east-1: Region names are lower case: eu-west-1');
		expect(bundle({bucket: 's3://acme-uploads'})).toEqual({ok: false, error: '"bucket" "s3://acme-uploads" is not a bucket name: give the bucket name alone, not an s3:// URL: use acme-uploads'});
		const collect = validateCollectOptions({operation: 'upload', bucket: 'acme-uploads', objectKey: 'k', kmsKeyId: 'uploads'});
		expect(collect.ok ? '' : collect.error.message).toBe('--kms-key-id "uploads" is not a key ID: an alias needs its prefix, as in alias/uploads');
	});
});
