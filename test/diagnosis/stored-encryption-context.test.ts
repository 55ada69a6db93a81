import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {decisions} from './support/fix-checks.js';

/**
 * S3 API Reference, PutObject (x-amz-server-side-encryption-context): "This value is stored as object metadata and
 * automatically gets passed on to AWS KMS for future GetObject operations on this object." HeadObject does not show that
 * context, so a read's encryption context is aws:s3:arn and perhaps pairs its writer added; a write's is the request's own.
 */

const fixture = (name: string): Snapshot => JSON.parse(readFileSync(new URL(`../fixtures/snapshots/${name}`, import.meta.url), 'utf8')) as Snapshot;
// Download; the only Allow is a grant to the caller's role with EncryptionContextEquals {aws:s3:arn: the object ARN}.
const download = fixture('grant-equals-stored-context.json');
const grantRow = (snapshot: Snapshot, id: string) => diagnose(snapshot).requirements.find(row => row.actionId === id && row.place === 'key-grant');

describe('a grant whose EncryptionContextEquals lists aws:s3:arn alone', () => {
	it('is unknown for a download, never allowed: the stored context may hold pairs beyond it', () => {
		const diagnosis = diagnose(download);
		expect(diagnosis.verdict).toBe('unknown');
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('unknown');
		const row = grantRow(download, 'kms:Decrypt@destination');
		expect(row?.status).toBe('unknown');
		expect(row?.why).toContain('EncryptionContextEquals allows no pair beyond those it lists');
		expect(row?.why).toContain('a CloudTrail kms:Decrypt event for this object');
	});

	it('still fits an upload in parts, whose context is the request\'s own', () => {
		const upload: Snapshot = {
			...download,
			question: {operation: 'upload', bucket: download.question.bucket, objectKey: download.question.objectKey, sizeBytes: 104_857_600, tool: 'aws-cli'},
			key: {...download.key!, grants: [{...download.key!.grants![0]!, operations: ['GenerateDataKey', 'Decrypt']}]},
			principal: {...download.principal!, identityPolicies: [{name: 'Write', document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:PutObject', Resource: '*'}]}}]},
		};
		const diagnosis = diagnose(upload);
		expect(grantRow(upload, 'kms:Decrypt@destination')?.status).toBe('ok');
		expect(diagnosis.verdict).toBe('allowed');
	});
});

describe('a condition on kms:EncryptionContextKeys, for a download', () => {
	const withIdentityCondition = (operator: string): Snapshot => ({
		...download,
		key: {...download.key!, policy: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}]}, grants: []},
		principal: {
			...download.principal!,
			identityPolicies: [
				{
					name: 'Read',
					document: {
						Version: '2012-10-17',
						Statement: [
							{Effect: 'Allow', Action: 's3:GetObject', Resource: '*'},
							{Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: {[operator]: {'kms:EncryptionContextKeys': 'aws:s3:arn'}}},
						],
					},
				},
			],
		},
	});

	it('is settled where aws:s3:arn alone decides it (ForAnyValue), and unknown where pairs not shown could change it (ForAllValues)', () => {
		expect(diagnose(withIdentityCondition('ForAnyValue:StringEquals')).verdict).toBe('allowed');
		const all = diagnose(withIdentityCondition('ForAllValues:StringEquals'));
		expect(all.verdict).toBe('unknown');
		expect(all.unknowns.map(unknown => unknown.resolveWith).join(' ')).toContain('requestParameters.encryptionContext');
	});
});
