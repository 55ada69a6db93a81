import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {bucketAccountLine, keyAccountLine} from '../../source/report/describe.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucket, buildSnapshot, customerKey, enableIam, keyArn, keyArnOf, objectArn, objectKey, otherAccount, policy, without} from '../diagnosis/support/build-snapshot.js';
import {applyFix, decisions, expectLeastPrivilege, findingIds, statusTable} from '../diagnosis/support/fix-checks.js';

/**
 * CloudFront Developer Guide, "Restrict access to an Amazon S3 origin"
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html):
 * "We recommend that you use OAC instead because it supports the following features: … Amazon S3 server-side
 * encryption with AWS KMS (SSE-KMS)". Its bucket policy example allows `"Principal": {"Service": "cloudfront.amazonaws.com"}`
 * `s3:GetObject` with `"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/<CloudFront distribution ID>"}`,
 * and its key policy example the same principal and condition for the KMS actions.
 */

const distributionArn = `arn:aws:cloudfront::${account}:distribution/EDFDVBD6EXAMPLE`;
const otherDistribution = `arn:aws:cloudfront::${account}:distribution/E2QWRUHAPOMQZL`;
const cloudfront = {Service: 'cloudfront.amazonaws.com'};
const fromDistribution = (arn = distributionArn) => ({StringEquals: {'AWS:SourceArn': arn}});

const bucketPolicyForOac = (arn = distributionArn) => policy(allow('s3:GetObject', `arn:aws:s3:::${bucket}/*`, {Sid: 'AllowCloudFrontServicePrincipalReadOnly', Principal: cloudfront, Condition: fromDistribution(arn)}));
const keyStatementForOac = (arn = distributionArn, actions: string | string[] = 'kms:Decrypt') =>
	allow(actions, '*', {Sid: 'AllowCloudFrontServicePrincipalSSE-KMS', Principal: cloudfront, Condition: fromDistribution(arn)});

/** CloudFront with OAC reads an SSE-KMS object; no principal of ours makes the request. */
const cloudfrontSnapshot = (overrides: Parameters<typeof buildSnapshot>[0] = {}, key = keyArn): Snapshot =>
	without(
		buildSnapshot({
			question: {operation: 'cloudfront-download', bucket, objectKey},
			distribution: {arn: distributionArn, originAccess: 'origin-access-control', originType: 's3-rest'},
			bucket: {policy: bucketPolicyForOac()},
			object: {encryption: {algorithm: 'aws:kms', kmsKeyId: key, bucketKeyEnabled: false}},
			key: customerKey(key, policy(enableIam(key.split(':')[4]), keyStatementForOac())),
			...overrides,
		}),
		'principal',
		'question.sizeBytes',
		'question.tool',
		'question.kmsKeyId',
	);

describe('cloudfront-download: CloudFront with origin access control reads an SSE-KMS object', () => {
	it("is allowed by AWS's own OAC bucket policy and key policy statements", () => {
		const diagnosis = diagnose(cloudfrontSnapshot());
		expect(decisions(diagnosis)).toEqual({'s3:GetObject@destination': 'allowed', 'kms:Decrypt@destination': 'allowed'});
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnosis.fixes).toEqual([]);
	});

	it("never asks whether the bucket is in the principal's account: a service principal has none", () => {
		const {question} = diagnose(cloudfrontSnapshot());
		expect(bucketAccountLine(question)).toBe(`account ${account}; the requester is an AWS service, which has no account: the resource policies alone decide`);
		expect(keyAccountLine(question)).not.toContain("principal's");
	});

	it('asks as cloudfront.amazonaws.com, with the distribution as AWS:SourceArn, on both S3 and KMS', () => {
		const diagnosis = diagnose(cloudfrontSnapshot());
		expect(diagnosis.question.principalArn).toBe('cloudfront.amazonaws.com');
		for (const action of diagnosis.actions) {
			expect(action.context['aws:SourceArn']).toBe(distributionArn);
			expect(action.context['aws:SourceAccount']).toBe(account);
		}
		const decrypt = diagnosis.actions.find(action => action.action === 'kms:Decrypt')!;
		expect(decrypt.context['kms:EncryptionContext:aws:s3:arn']).toBe(objectArn);
		// AWS documents no forward access session for the service principal: these keys are not invented.
		expect(decrypt.context['kms:ViaService']).toBeUndefined();
		expect(decrypt.context['aws:CalledVia']).toBeUndefined();
	});

	it('answers unknown, not allowed, when a key policy condition rests on kms:ViaService, which AWS does not document for it', () => {
		const viaS3 = allow('kms:Decrypt', '*', {Principal: cloudfront, Condition: {StringEquals: {'AWS:SourceArn': distributionArn, 'kms:ViaService': 's3.eu-west-1.amazonaws.com'}}});
		const diagnosis = diagnose(cloudfrontSnapshot({key: customerKey(keyArn, policy(enableIam(), viaS3))}));
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('unknown');
	});

	it('names the missing key policy statement, and its proven fix is AWS\'s statement with exactly kms:Decrypt for this distribution', () => {
		const snapshot = cloudfrontSnapshot({key: customerKey(keyArn, policy(enableIam()))});
		const diagnosis = diagnose(snapshot);
		expect(statusTable(diagnosis)['kms:Decrypt@destination#key-policy']).toBe('missing');
		// The account's IAM delegation does not reach a service principal: it has no identity policies.
		expect(diagnosis.requirements.some(requirement => requirement.place === 'identity-policy')).toBe(false);
		expect(diagnosis.fixes).toHaveLength(1);
		const [fix] = diagnosis.fixes;
		expect(fix).toMatchObject({place: 'key-policy', target: keyArn, proven: true});
		expect(fix!.statement).toEqual({
			Sid: 'AllowCloudFrontServicePrincipalSSEKMS',
			Effect: 'Allow',
			Principal: cloudfront,
			Action: ['kms:Decrypt'],
			Resource: '*',
			Condition: fromDistribution(),
		});
		expectLeastPrivilege(fix!);
		expect(diagnose(applyFix(snapshot, fix!)).verdict).toBe('allowed');
	});

	it('fixes a bucket policy without the OAC statement in the bucket policy, for this object and distribution only', () => {
		const snapshot = cloudfrontSnapshot({bucket: {policy: null}});
		const diagnosis = diagnose(snapshot);
		expect(statusTable(diagnosis)['s3:GetObject@destination#bucket-policy']).toBe('missing');
		const fix = diagnosis.fixes.find(candidate => candidate.place === 'bucket-policy')!;
		expect(fix).toMatchObject({target: `arn:aws:s3:::${bucket}`, proven: true});
		expect(fix.statement).toMatchObject({Principal: cloudfront, Action: ['s3:GetObject'], Resource: [objectArn], Condition: fromDistribution()});
		expect(fix.appliesIn).toEqual({account, role: 'bucket-owner'});
		expect(diagnose(applyFix(snapshot, fix)).verdict).toBe('allowed');
	});

	it("across accounts puts the key policy fix in the key owner's account", () => {
		const foreignKey = keyArnOf(otherAccount);
		const snapshot = cloudfrontSnapshot({key: customerKey(foreignKey, policy(enableIam(otherAccount)))}, foreignKey);
		const diagnosis = diagnose(snapshot);
		const fix = diagnosis.fixes.find(candidate => candidate.place === 'key-policy')!;
		expect(fix).toMatchObject({target: foreignKey, proven: true});
		expect(fix.appliesIn).toEqual({account: otherAccount, role: 'key-owner'});
		expect(fix.command).toContain(foreignKey);
	});

	it('finds an AWS:SourceArn that names another distribution, in the bucket policy and the key policy', () => {
		const snapshot = cloudfrontSnapshot({bucket: {policy: bucketPolicyForOac(otherDistribution)}, key: customerKey(keyArn, policy(enableIam(), keyStatementForOac(otherDistribution)))});
		const diagnosis = diagnose(snapshot);
		expect(decisions(diagnosis)).toEqual({'s3:GetObject@destination': 'denied', 'kms:Decrypt@destination': 'denied'});
		const finding = diagnosis.findings.find(candidate => candidate.id === 'cloudfront-source-arn-other-distribution')!;
		expect(finding.message).toContain(`The bucket policy allows cloudfront.amazonaws.com only for ${otherDistribution}`);
		expect(finding.message).toContain('key policy');
		expect(finding.message).toContain(`this distribution is ${distributionArn}`);
	});

	it('with no distribution ARN cannot tell the AWS:SourceArn conditions, answers unknown and proposes no fix', () => {
		const snapshot = cloudfrontSnapshot({distribution: {originAccess: 'origin-access-control'}});
		const diagnosis = diagnose({...snapshot, distribution: {originAccess: 'origin-access-control'}});
		expect(diagnosis.verdict).toBe('unknown');
		expect(findingIds(diagnosis)).toContain('cloudfront-distribution-unknown');
		expect(diagnosis.fixes).toEqual([]);
	});

	it('says a legacy OAI cannot read SSE-KMS objects ("OAI doesn\'t support these features")', () => {
		const diagnosis = diagnose(cloudfrontSnapshot({distribution: {originAccess: 'origin-access-identity'}}));
		const finding = diagnosis.findings.find(candidate => candidate.id === 'cloudfront-oai-cannot-read-sse-kms')!;
		expect(finding.severity).toBe('error');
		expect(finding.remedy).toContain('origin access control (OAC)');
	});

	it('says a website endpoint origin cannot use OAC ("That means you can\'t use OAC (or OAI)")', () => {
		const diagnosis = diagnose(cloudfrontSnapshot({distribution: {originType: 's3-website', originAccess: 'none'}}));
		expect(findingIds(diagnosis)).toContain('cloudfront-website-origin-no-oac');
		expect(findingIds(diagnosis)).not.toContain('cloudfront-no-origin-access');
	});

	it('never grants the snapshot\'s principal what CloudFront needs, even when one is left in the snapshot', () => {
		const snapshot = {...cloudfrontSnapshot({key: customerKey(keyArn, policy(enableIam()))}), principal: buildSnapshot().principal!};
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.fixes.every(fix => JSON.stringify(fix.statement).includes('cloudfront.amazonaws.com'))).toBe(true);
	});
});
