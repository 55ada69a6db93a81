import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis, Fix} from '../../source/diagnosis/diagnosis.js';
import {account, allow, bucketArn, buildSnapshot, deny, keyArn, objectArn, objectKey, bucket, policy, userArn, without} from './support/build-snapshot.js';
import {argvOf, expectFixesHold} from './support/fix-checks.js';

/**
 * Fixes that keep the guardrails: a policy the request can satisfy is satisfied before it is bent, and a
 * narrowed Deny comes last, saying what it gives up.
 */

const put = 's3:PutObject@destination';
const kinds = (diagnosis: Diagnosis): Fix['kind'][] => diagnosis.fixes.map(fix => fix.kind);

describe('a bucket policy that denies uploads without the SSE-KMS header, the upload relying on default encryption', () => {
	const requireKms = deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'RequireSseKms', Principal: '*', Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption': 'aws:kms'}}});
	const snapshot = without(buildSnapshot({bucket: {policy: policy(allow('s3:GetObject', `${bucketArn}/*`, {Sid: 'Readers', Principal: {AWS: `arn:aws:iam::${account}:root`}}), requireKms)}}), 'question.kmsKeyId');
	const diagnosis = diagnose(snapshot);

	it('first changes the request: aws s3 cp with --sse aws:kms and the key ARN, proven by re-diagnosing it', () => {
		expect(diagnosis.verdict).toBe('denied');
		const [first] = diagnosis.fixes;
		expect(first).toMatchObject({kind: 'change-request', place: null, target: null, statement: null, policy: null, proven: true, resolves: [`${put}#bucket-policy`], weakens: null});
		// "If you specify x-amz-server-side-encryption:aws:kms … but do not provide
		// x-amz-server-side-encryption-aws-kms-key-id, Amazon S3 uses the Amazon Web Services managed key (aws/s3)"
		// (S3 API reference, PutObject): so the command names the key as well as the algorithm.
		expect(argvOf(first!.command)).toEqual(['s3', 'cp', 'q1.csv', `s3://${bucket}/${objectKey}`, '--sse', 'aws:kms', '--sse-kms-key-id', keyArn]);
		// The SDKs' names for the same two headers (PutObjectRequest in @aws-sdk/client-s3, boto3 put_object).
		expect(first!.summary).toContain(`ServerSideEncryption: "aws:kms"`);
		expect(first!.summary).toContain(`SSEKMSKeyId: "${keyArn}"`);
		expect(first!.appliesIn).toEqual({account, role: 'requester'});
	});

	it('offers the narrowed Deny only after it, saying what it gives up', () => {
		expect(kinds(diagnosis)).toEqual(['change-request', 'narrow-deny']);
		const narrowed = diagnosis.fixes[1]!;
		expect(narrowed.weakens).toBe('user alice may then upload objects without SSE-KMS.');
		expect(narrowed.appliesIn).toEqual({account, role: 'bucket-owner'});
		expect(narrowed.summary).not.toMatch(/Then:.*Narrow/);
		expectFixesHold(snapshot, diagnosis);
	});

	it('a request already sending the headers is allowed by the same policy', () => {
		expect(diagnose(buildSnapshot({bucket: {policy: policy(requireKms)}})).verdict).toBe('allowed');
		expect(objectArn).toContain(objectKey);
		expect(userArn).toContain(account);
	});
});
