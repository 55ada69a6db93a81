import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Fix} from '../../source/diagnosis/diagnosis.js';
import {MiB, allow, bucketArn, buildSnapshot, named, objectArn, policy, userArn} from './support/build-snapshot.js';
import {applyFix, decisions, expectFixesHold} from './support/fix-checks.js';

/**
 * An Allow a fix adds keeps the encryption-context scope the policy's owner gave the caller in the statement that
 * nearly matches (the same caller, another action on the key): where it still matches the request. Where it
 * cannot, the fix says plainly that the new statement is broader.
 */

const contextKey = 'kms:EncryptionContext:aws:s3:arn';
const decrypt = 'kms:Decrypt@destination';

/** The key policy names alice for kms:GenerateDataKey only, kept to `scope`: a multipart upload also needs kms:Decrypt. */
const scopedUpload = (scope: string) =>
	buildSnapshot({
		question: {sizeBytes: 100 * MiB},
		key: {policy: policy(allow('kms:GenerateDataKey', '*', {Sid: 'AliceWritesReports', Principal: {AWS: userArn}, Condition: {StringLike: {[contextKey]: scope}}}))},
	});

const keyPolicyFix = (fixes: readonly Fix[]): Fix => {
	const fix = fixes.find(candidate => candidate.place === 'key-policy' && candidate.kind === 'add-allow');
	if (!fix) throw new Error(`no key-policy add-allow among ${fixes.map(candidate => `${candidate.place} ${candidate.kind}`).join(', ')}`);
	return fix;
};

describe('the encryption-context scope of a key policy', () => {
	it('is kept in the added Allow where it still matches the request, and the fix is proven with it', () => {
		const snapshot = scopedUpload(`${bucketArn}/*`);
		const diagnosis = diagnose(snapshot);
		expect(decisions(diagnosis)).toMatchObject({[decrypt]: 'denied'});
		const fix = keyPolicyFix(diagnosis.fixes);
		expect(fix.statement).toMatchObject({Principal: {AWS: userArn}, Action: ['kms:Decrypt'], Condition: {StringLike: {[contextKey]: `${bucketArn}/*`}}});
		expect(fix.proven).toBe(true);
		expect(fix.summary).toContain(`It keeps the encryption-context condition of Sid "AliceWritesReports" (${contextKey})`);
		expect(fix.summary).not.toMatch(/broader/);
		expectFixesHold(snapshot, diagnosis);
		expect(diagnose(applyFix(snapshot, fix)).verdict).toBe('allowed');
	});

	it('is not dropped in silence where it does not match the request: the fix says the new statement is broader', () => {
		// Alice's use of the key is kept to last year's reports; this upload writes this year's.
		const snapshot = scopedUpload(`${bucketArn}/reports/2024/*`);
		expect(objectArn).toContain('/reports/2025/');
		const fix = keyPolicyFix(diagnose(snapshot).fixes);
		expect(JSON.stringify(fix.statement)).not.toContain(contextKey);
		expect(fix.summary).toContain(`The new statement is broader than Sid "AliceWritesReports", which keeps user alice's use of the key to an encryption context (${contextKey}) that this request does not match.`);
	});

	it('is said to be unknown, not kept, where what S3 sends is not known (Bucket Keys not read)', () => {
		const snapshot = scopedUpload(`${bucketArn}/*`);
		const unknownBucketKey = {...snapshot, bucket: {...snapshot.bucket, defaultEncryption: {algorithm: 'aws:kms' as const, kmsKeyId: snapshot.key!.arn}}};
		const fix = keyPolicyFix(diagnose(unknownBucketKey).fixes);
		expect(JSON.stringify(fix.statement)).not.toContain(contextKey);
		expect(fix.summary).toContain(`The new statement is broader than Sid "AliceWritesReports", which keeps user alice's use of the key to an encryption context (${contextKey}); whether this request's matches it is not known, so it could not be kept.`);
	});
});

describe('the encryption-context scope of the caller\'s identity policies', () => {
	it('is kept in the new inline policy where it still matches the request', () => {
		const keyArnOfSnapshot = buildSnapshot().key!.arn;
		const scoped = named(
			'ReportsWriter',
			policy(allow('s3:PutObject', `${bucketArn}/*`), allow('kms:GenerateDataKey', keyArnOfSnapshot, {Sid: 'ReportsKey', Condition: {StringLike: {[contextKey]: `${bucketArn}/reports/*`}}})),
		);
		const snapshot = buildSnapshot({question: {sizeBytes: 100 * MiB}, principal: {identityPolicies: [scoped]}});
		const diagnosis = diagnose(snapshot);
		const fix = diagnosis.fixes.find(candidate => candidate.place === 'identity-policy' && candidate.kind === 'add-allow');
		expect(fix, diagnosis.fixes.map(candidate => candidate.summary).join('\n')).toBeDefined();
		expect(fix!.statement).toMatchObject({Action: ['kms:Decrypt'], Condition: {StringLike: {[contextKey]: `${bucketArn}/reports/*`}}});
		expect(fix!.proven).toBe(true);
		expect(fix!.summary).toContain(`It keeps the encryption-context condition of IAM policy "ReportsWriter", Sid "ReportsKey" (${contextKey})`);
		expectFixesHold(snapshot, diagnosis);
	});
});

describe('the encryption-context scope of a permissions boundary', () => {
	const keyArnOfSnapshot = buildSnapshot().key!.arn;
	const boundaryArn = 'arn:aws:iam::111122223333:policy/Boundary';
	/** The boundary lets the key be used for kms:GenerateDataKey only, kept to `scope`; a multipart upload also needs kms:Decrypt. */
	const boundedUpload = (scope: string, s3 = allow('s3:*', '*')) =>
		buildSnapshot({
			question: {sizeBytes: 100 * MiB},
			principal: {
				permissionsBoundary: named('Boundary', policy(s3, allow('kms:GenerateDataKey', keyArnOfSnapshot, {Sid: 'ReportsKey', Condition: {StringLike: {[contextKey]: scope}}})), boundaryArn),
			},
		});
	const boundaryFix = (fixes: readonly Fix[]): Fix => {
		const fix = fixes.find(candidate => candidate.place === 'permissions-boundary' && candidate.kind === 'add-allow');
		if (!fix) throw new Error(`no boundary add-allow among ${fixes.map(candidate => `${candidate.place} ${candidate.kind}`).join(', ')}`);
		return fix;
	};

	it('is kept in the Allow added to the boundary where it still matches the request, and the fix is proven with it', () => {
		const snapshot = boundedUpload(`${bucketArn}/*`);
		const diagnosis = diagnose(snapshot);
		expect(decisions(diagnosis)).toMatchObject({[decrypt]: 'denied'});
		const fix = boundaryFix(diagnosis.fixes);
		expect(fix.statement).toMatchObject({Action: ['kms:Decrypt'], Resource: [keyArnOfSnapshot], Condition: {StringLike: {[contextKey]: `${bucketArn}/*`}}});
		expect(fix.proven).toBe(true);
		expect(fix.summary).toContain(`It keeps the encryption-context condition of permissions boundary "Boundary", Sid "ReportsKey" (${contextKey})`);
		expect(fix.summary).not.toMatch(/broader/);
		expect(diagnose(applyFix(snapshot, fix)).verdict).toBe('allowed');
	});

	it('is kept only on the key: an S3 action the boundary also lacks gets a statement of its own, without the condition S3 actions never meet', () => {
		const snapshot = boundedUpload(`${bucketArn}/*`, allow('s3:GetObject', '*'));
		const fix = boundaryFix(diagnose(snapshot).fixes);
		expect(fix.statements).toEqual([
			expect.objectContaining({Action: ['s3:PutObject'], Resource: [objectArn]}),
			expect.objectContaining({Action: ['kms:Decrypt'], Resource: [keyArnOfSnapshot], Condition: {StringLike: {[contextKey]: `${bucketArn}/*`}}}),
		]);
		expect(fix.statements[0]).not.toHaveProperty('Condition');
		expect(fix.proven).toBe(true);
		expect(diagnose(applyFix(snapshot, fix)).verdict).toBe('allowed');
	});

	it('is not dropped in silence where it does not match the request: the fix says the new statement is broader', () => {
		const fix = boundaryFix(diagnose(boundedUpload(`${bucketArn}/reports/2024/*`)).fixes);
		expect(JSON.stringify(fix.statements)).not.toContain(contextKey);
		expect(fix.summary).toContain(
			`The new statement is broader than permissions boundary "Boundary", Sid "ReportsKey", which keeps the bounded users' and roles' use of the key to an encryption context (${contextKey}) that this request does not match.`,
		);
	});
});
