import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import type {PolicyJson, Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucketArn, buildSnapshot, crossAccountDownload, otherAccount, policy, region, rootOf, without} from './support/build-snapshot.js';
import {decisions, requirementOf} from './support/fix-checks.js';

/**
 * An AWS managed key (aws/s3) of another account than the caller's. AWS KMS Developer Guide, "AWS KMS keys": "Specifically,
 * it can only be used in the context of the AWS service you're operating in and it can only be used by principals within the
 * account that the key exists. You cannot manage anything about the lifecycle or permissions of these keys." And "Change a
 * key policy": "You can view the key policy for an AWS managed key or a customer managed key, but you can only change the key
 * policy for a customer managed key." So reading its key policy or listing its grants cannot let the other account in.
 */
const onlyItsAccount = '"can only be used by principals within the account that the key exists"';

const decrypt = 'kms:Decrypt@destination';
const readers = policy(allow('s3:GetObject', `${bucketArn}/*`, {Principal: {AWS: rootOf(account)}}));

// GetKeyPolicy and ListGrants do not work from another account: the key policy and grants are typically not read.
const download = (keyManager: 'AWS' | 'CUSTOMER', keyPolicy?: PolicyJson): Snapshot => {
	const snapshot = crossAccountDownload({bucketPolicy: readers, ...(keyPolicy ? {keyPolicy} : {})});
	const key = {...snapshot.key!, keyManager};
	return without({...snapshot, key}, ...(keyPolicy ? ['key.grants'] : ['key.policy', 'key.grants']));
};

const text = (diagnosis: Diagnosis): string => renderText(diagnosis, {color: false, width: 400});
const rowLine = (report: string, place: string): string => {
	const from = report.indexOf(`\n  ${place}  `);
	return report.slice(from).split('\n')[2]!;
};

describe('an AWS managed key of another account, its key policy and grants not read', () => {
	const diagnosis = diagnose(download('AWS'));

	it('marks the key policy ✘ in the documented words, with no read to settle it', () => {
		const row = requirementOf(diagnosis, decrypt, 'key-policy');
		expect(row.status).toBe('missing');
		expect(row.why).toContain(onlyItsAccount);
		expect(row.why).toContain(`AWS managed key of account ${otherAccount}`);
		expect(row.why).toContain(`user alice of account ${account}`);
		expect(row.why).not.toMatch(/could not be read|may allow or deny/);
		expect(row.resolveWith).toBeUndefined();
	});

	it('marks the KMS grants ✘ too: no grant can let another account use the key', () => {
		const row = requirementOf(diagnosis, decrypt, 'key-grant');
		expect(row.status).toBe('missing');
		expect(row.why).toContain(onlyItsAccount);
		expect(row.why).not.toMatch(/could not be read|may allow/);
		expect(row.resolveWith).toBeUndefined();
	});

	it('denies kms:Decrypt and asks no question the rule already answers', () => {
		expect(decisions(diagnosis)[decrypt]).toBe('denied');
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.unknowns).toEqual([]);
	});

	it('says no more than AWS does in the finding', () => {
		const finding = diagnosis.findings.find(candidate => candidate.id === 'aws-managed-key-cross-account')!;
		expect(finding.severity).toBe('error');
		expect(finding.message).toContain(onlyItsAccount);
		expect(finding.message).toContain(`account ${account} cannot use it`);
		expect(finding.message).not.toMatch(/never/);
	});

	it('text, markdown and JSON reports agree', () => {
		const report = text(diagnosis);
		expect(report).toMatch(/✘ {2}kms:Decrypt +not allowed/);
		expect(rowLine(report, 'Key policy')).toMatch(/✘ {2}kms:Decrypt +missing/);
		expect(rowLine(report, 'KMS grants')).toMatch(/✘ {2}kms:Decrypt +missing/);
		expect(report).not.toMatch(/resolve with: kms:(GetKeyPolicy|ListGrants)/);
		expect(report.slice(report.indexOf('\nUnknowns'))).toMatch(/Unknowns\n {2}None\./);

		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toMatch(/\| ✘ \| `kms:Decrypt` \| `arn:aws:kms:[^`]+` \| not allowed \|/);
		expect(markdown.match(/\| ✘ \| `kms:Decrypt` \| missing \| — \| The key is an AWS managed key/g)).toHaveLength(2);
		expect(markdown).not.toMatch(/GetKeyPolicy|ListGrants/);

		const json = JSON.parse(renderJson(diagnosis)) as {actions: {action: string; decision: string}[]; requirements: {action: string; place: string; status: string; why: string; resolveWith?: string}[]; unknowns: unknown[]};
		expect(json.actions.find(action => action.action === 'kms:Decrypt')?.decision).toBe('denied');
		const rows = json.requirements.filter(row => row.action === 'kms:Decrypt' && (row.place === 'key-policy' || row.place === 'key-grant'));
		expect(rows.map(row => [row.place, row.status, row.resolveWith])).toEqual([
			['key-policy', 'missing', undefined],
			['key-grant', 'missing', undefined],
		]);
		expect(json.unknowns).toEqual([]);
	});
});

describe('an AWS managed key of another account, its key policy read', () => {
	// KMS Developer Guide, "AWS KMS condition keys": the AWS managed key for Amazon EBS's statement "combines a Principal element
	// that specifies all AWS identities with the kms:CallerAccount condition key to effectively allow access to all identities in
	// AWS account 111122223333"; aws/s3's reads the same with kms:ViaService for S3.
	const awsS3Policy = policy({
		Sid: 'Allow access through S3 for all principals in the account that are authorized to use S3',
		Effect: 'Allow',
		Principal: {AWS: '*'},
		Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
		Resource: '*',
		Condition: {StringEquals: {'kms:CallerAccount': otherAccount, 'kms:ViaService': `s3.${region}.amazonaws.com`}},
	});
	const diagnosis = diagnose(download('AWS', awsS3Policy));

	it('keeps what the key policy read says, and settles the grants not read', () => {
		const policyRow = requirementOf(diagnosis, decrypt, 'key-policy');
		expect(policyRow.status).toBe('missing');
		expect(policyRow.decidedBy).toMatch(/Allow access through S3/);
		const grants = requirementOf(diagnosis, decrypt, 'key-grant');
		expect(grants.status).toBe('missing');
		expect(grants.why).toContain(onlyItsAccount);
		expect(decisions(diagnosis)[decrypt]).toBe('denied');
		expect(diagnosis.unknowns).toEqual([]);
	});
});

describe('what the rule leaves alone', () => {
	it('a customer managed key of another account: its unread key policy may still allow', () => {
		const diagnosis = diagnose(download('CUSTOMER'));
		expect(requirementOf(diagnosis, decrypt, 'key-policy')).toMatchObject({status: 'unknown', resolveWith: expect.stringMatching(/kms:GetKeyPolicy/) as unknown});
		expect(requirementOf(diagnosis, decrypt, 'key-grant').status).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
	});

	it("the caller's own account's AWS managed key: its unread key policy stays unknown", () => {
		const snapshot = without(buildSnapshot({key: {keyManager: 'AWS'}}), 'key.policy', 'key.grants');
		const diagnosis = diagnose(snapshot);
		expect(requirementOf(diagnosis, 'kms:GenerateDataKey@destination', 'key-policy')).toMatchObject({status: 'unknown', resolveWith: expect.stringMatching(/kms:GetKeyPolicy/) as unknown});
		expect(diagnosis.findings.map(finding => finding.id)).not.toContain('aws-managed-key-cross-account');
		expect(diagnosis.verdict).toBe('unknown');
	});

	// S3 API Reference, ServerSideEncryptionByDefault: "If you use a KMS key alias instead, then KMS resolves the key within
	// the requester's account. This behavior can result in data that's encrypted with a KMS key that belongs to the
	// requester, and not the bucket owner." So alias/aws/s3 named by a caller of another account is the caller's own aws/s3.
	it("alias/aws/s3 named in the request by a caller of another account: the caller's own aws/s3, not the bucket owner's", () => {
		const snapshot = without(
			buildSnapshot({question: {kmsKeyId: 'alias/aws/s3'}, bucket: {accountId: otherAccount, policy: policy(allow('s3:PutObject', `${bucketArn}/*`, {Principal: {AWS: rootOf(account)}}))}}),
			'key',
		);
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.findings.map(finding => finding.id)).not.toContain('aws-managed-key-cross-account');
		expect(renderText(diagnosis, {color: false, width: 400})).not.toContain(`aws/s3 of account ${otherAccount}`);
		expect(diagnosis.verdict).toBe('unknown');
		// Named in the bucket's default encryption, it resolves in the requester's account too.
		const byDefault = without({...snapshot, bucket: {...snapshot.bucket, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: 'alias/aws/s3'}}}, 'question.kmsKeyId');
		expect(diagnose(byDefault).findings.map(finding => finding.id)).not.toContain('aws-managed-key-cross-account');
	});

	it('the bucket owner\'s aws/s3, which S3 picks when no key is named, still fails across accounts', () => {
		const snapshot = without(
			buildSnapshot({bucket: {accountId: otherAccount, policy: policy(allow('s3:PutObject', `${bucketArn}/*`, {Principal: {AWS: rootOf(account)}})), defaultEncryption: {algorithm: 'aws:kms'}}}),
			'key',
			'question.kmsKeyId',
		);
		expect(diagnose(snapshot).findings.map(finding => finding.id)).toContain('aws-managed-key-cross-account');
	});
});
