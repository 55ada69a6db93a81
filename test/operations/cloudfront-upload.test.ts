import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucket, buildSnapshot, customerKey, enableIam, keyArn, objectKey, policy, without} from '../diagnosis/support/build-snapshot.js';
import {applyFix, decisions, expectLeastPrivilege, findingIds} from '../diagnosis/support/fix-checks.js';

/**
 * CloudFront Developer Guide, "Restrict access to an Amazon S3 origin": OAC supports "Dynamic requests (PUT and
 * DELETE) to Amazon S3", which "OAI doesn't support". A viewer's PUT becomes CloudFront's PutObject, and S3 asks KMS
 * for the new object's data key: AWS's OAC key policy example lists the KMS actions for it beside kms:Decrypt.
 */

const distributionArn = `arn:aws:cloudfront::${account}:distribution/EDFDVBD6EXAMPLE`;
const cloudfront = {Service: 'cloudfront.amazonaws.com'};
const fromDistribution = {StringEquals: {'AWS:SourceArn': distributionArn}};

const writeSnapshot = (keyPolicy = policy(enableIam(), allow('kms:Decrypt', '*', {Principal: cloudfront, Condition: fromDistribution}))): Snapshot =>
	without(
		buildSnapshot({
			question: {operation: 'cloudfront-upload', bucket, objectKey},
			distribution: {arn: distributionArn, originAccess: 'origin-access-control', originType: 's3-rest'},
			bucket: {policy: policy(allow(['s3:GetObject', 's3:PutObject'], `arn:aws:s3:::${bucket}/*`, {Principal: cloudfront, Condition: fromDistribution}))},
			key: customerKey(keyArn, keyPolicy),
		}),
		'principal',
		'question.sizeBytes',
		'question.tool',
		'question.kmsKeyId',
	);

describe('cloudfront-upload: a viewer PUT written through CloudFront with OAC', () => {
	it("needs s3:PutObject and kms:GenerateDataKey on the bucket default's key, never in parts", () => {
		const diagnosis = diagnose(writeSnapshot());
		expect(diagnosis.actions.map(action => action.id)).toEqual(['s3:PutObject@destination', 'kms:GenerateDataKey@destination']);
		expect(diagnosis.actions[1]!.resource).toBe(keyArn);
		expect(diagnosis.actions[1]!.context['aws:SourceArn']).toBe(distributionArn);
	});

	it('a key policy that lets CloudFront only decrypt (reads work, writes fail) gets a proven fix with exactly kms:GenerateDataKey', () => {
		const snapshot = writeSnapshot();
		const diagnosis = diagnose(snapshot);
		expect(decisions(diagnosis)).toEqual({'s3:PutObject@destination': 'allowed', 'kms:GenerateDataKey@destination': 'denied'});
		const [fix] = diagnosis.fixes;
		expect(fix).toMatchObject({place: 'key-policy', target: keyArn, proven: true});
		expect(fix!.statement).toMatchObject({Principal: cloudfront, Action: ['kms:GenerateDataKey'], Condition: fromDistribution});
		expectLeastPrivilege(fix!);
		expect(diagnose(applyFix(snapshot, fix!)).verdict).toBe('allowed');
	});

	it('with a legacy OAI, says OAI cannot write SSE-KMS objects either', () => {
		const snapshot: Snapshot = {...writeSnapshot(), distribution: {arn: distributionArn, originAccess: 'origin-access-identity'}};
		expect(findingIds(diagnose(snapshot))).toContain('cloudfront-oai-cannot-read-sse-kms');
	});
});
