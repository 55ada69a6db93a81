import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {MiB, account, allow, buildSnapshot, bucket, customerKey, fullIdentityPolicy, keyArn, keyArnOf, policy, region, rootOf} from './support/build-snapshot.js';

/** A copy made in parts calls UploadPartCopy, not UploadPart, and it copies an object, not a file. */

const sourceKey = keyArnOf(account, region, 'aaaaaaaa-1111-2222-3333-444444444444');

const copyOf = (sizeBytes: number): Snapshot =>
	buildSnapshot({
		question: {operation: 'copy', sizeBytes, source: {bucket: 'source-bucket', objectKey: 'in/q1.csv', kmsKeyId: sourceKey}},
		principal: {identityPolicies: [fullIdentityPolicy([keyArn, sourceKey], [bucket, 'source-bucket'])]},
		// The destination key lets the caller generate data keys but not decrypt them.
		key: customerKey(keyArn, policy(allow('kms:GenerateDataKey', '*', {Principal: {AWS: rootOf(account)}}))),
		source: {
			bucketInfo: {accountId: account, region, policy: null, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
			objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
			keyInfo: customerKey(sourceKey),
		},
	});

describe('the words of a copy', () => {
	it('names UploadPartCopy for a large copy, and the destination object', () => {
		const diagnosis = diagnose(copyOf(200 * MiB));
		const purpose = (id: string) => diagnosis.actions.find(action => action.id === id)?.purpose ?? '';
		expect(purpose('kms:Decrypt@destination')).toMatch(/^UploadPartCopy and CompleteMultipartUpload/);
		expect(purpose('s3:PutObject@destination')).toContain('UploadPartCopy');
		expect(diagnosis.actions.map(action => action.purpose).join(' ')).not.toMatch(/UploadPart\b(?!Copy)/);
		const finding = diagnosis.findings.find(each => each.id === 'multipart-requires-decrypt');
		expect(finding?.message).toMatch(/^A 200 MiB object is copied in parts \(UploadPartCopy from/);
		expect(finding?.message).not.toContain('file');
	});

	it('the workaround a fix mentions for a copy in parts is a single CopyObject, not a PUT of a file', () => {
		const fix = diagnose(copyOf(200 * MiB)).fixes.find(each => each.resolves.some(id => id.startsWith('kms:Decrypt@destination')));
		expect(fix?.summary).toContain('(A single CopyObject of at most 5 GB needs no kms:Decrypt on the destination key: a workaround for small enough objects, not the fix.)');
		expect(fix?.summary).not.toContain('single PUT');
	});

	it('keeps the upload words for an upload', () => {
		const diagnosis = diagnose(buildSnapshot({question: {operation: 'upload', sizeBytes: 200 * MiB}, key: customerKey(keyArn, policy(allow('kms:GenerateDataKey', '*', {Principal: {AWS: rootOf(account)}})))}));
		expect(diagnosis.actions.find(action => action.id === 'kms:Decrypt@destination')?.purpose).toMatch(/^UploadPart and CompleteMultipartUpload/);
	});
});
