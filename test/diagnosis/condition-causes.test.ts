import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {allow, bucketArn, buildSnapshot, customerKey, keyArn, policy, userArn} from './support/build-snapshot.js';
import {findingIds, requirementOf} from './support/fix-checks.js';

/**
 * "StringEquals: Exact matching, case sensitive"; "StringLike: Case-sensitive matching. The values can include
 * multi-character match wildcards (*) and single-character match wildcards (?) anywhere in the string" (IAM User
 * Guide, IAM JSON policy elements: condition operators).
 */

const context = 'kms:EncryptionContext:aws:s3:arn';
const withKeyCondition = (operator: string) =>
	buildSnapshot({
		key: customerKey(keyArn, policy(allow(['kms:GenerateDataKey', 'kms:Decrypt'], '*', {Sid: 'ObjectsOnly', Principal: {AWS: userArn}, Condition: {[operator]: {[context]: `${bucketArn}/*`}}}))),
	});

describe('a wildcard under StringEquals', () => {
	it('names the operator as the cause, and does not tell the user to write the value the policy already has', () => {
		const diagnosis = diagnose(withKeyCondition('StringEquals'));
		expect(diagnosis.verdict).toBe('denied');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'string-equals-wildcard');
		expect(finding?.message).toContain(`key policy, Sid "ObjectsOnly" compares ${context} with StringEquals, which reads * and ? as plain characters`);
		expect(finding?.remedy).toBe('In key policy, Sid "ObjectsOnly", change StringEquals to StringLike.');
		expect(findingIds(diagnosis)).not.toContain('bucket-key-context');
	});

	it('says nothing where the policy uses StringLike and it matches', () => {
		const diagnosis = diagnose(withKeyCondition('StringLike'));
		expect(diagnosis.verdict).toBe('allowed');
		expect(findingIds(diagnosis)).not.toContain('string-equals-wildcard');
	});

	it('says nothing where even StringLike would not match (the value, not the operator, is wrong)', () => {
		const snapshot = buildSnapshot({
			key: customerKey(keyArn, policy(allow(['kms:GenerateDataKey', 'kms:Decrypt'], '*', {Principal: {AWS: userArn}, Condition: {StringEquals: {[context]: 'arn:aws:s3:::other-bucket/*'}}}))),
		});
		expect(findingIds(diagnose(snapshot))).not.toContain('string-equals-wildcard');
	});
});

describe('the row of a key policy whose statement for this caller fails only on its condition', () => {
	it('names that statement and its failing condition, not a delegation nobody wrote', () => {
		// Bucket Keys on: S3 sends the bucket ARN, which "arn:aws:s3:::bucket/*" does not match.
		const snapshot = buildSnapshot({
			bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}},
			key: customerKey(keyArn, policy(allow(['kms:GenerateDataKey', 'kms:Decrypt'], '*', {Sid: 'WriterCtx', Principal: {AWS: userArn}, Condition: {StringLike: {[context]: `${bucketArn}/*`}}}))),
		});
		const diagnosis = diagnose(snapshot);
		const row = requirementOf(diagnosis, 'kms:GenerateDataKey@destination', 'key-policy');
		expect(row.status).toBe('missing');
		expect(row.decidedBy).toBe('key policy, Sid "WriterCtx"');
		expect(row.why).toContain('its condition does not hold');
		expect(row.conditions?.[0]).toMatchObject({key: context, expected: [`${bucketArn}/*`]});
	});
});
