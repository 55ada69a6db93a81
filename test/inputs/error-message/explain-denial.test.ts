import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {renderDenialText} from '../../../source/inputs/error-message/format-denial.js';
import {explainDenial, looksLikeAccessDenied, parseAccessDenied, type DenialExplanation} from '../../../source/inputs/error-message/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/errors/${name}`, import.meta.url), 'utf8');

const explain = (text: string): DenialExplanation => {
	const result = parseAccessDenied(text);
	if (!result.ok) throw new Error(result.error.message);
	return explainDenial(result.value);
};

const all = (explanation: DenialExplanation): string => [explanation.summary, ...explanation.meaning, ...explanation.checkNext].join('\n');

describe('explainDenial', () => {
	it('says a kms:Decrypt denial in UploadPart is the multipart rule, and to grant Decrypt with GenerateDataKey', () => {
		const explanation = explain(fixture('cli-upload-part-kms-decrypt.txt'));
		expect(explanation.summary).toMatch(/Uploader.*kms:Decrypt.*no identity-based policy/);
		expect(explanation.meaning.join(' ')).toMatch(/UploadPart needs kms:Decrypt, not only kms:GenerateDataKey/);
		expect(explanation.checkNext[0]).toMatch(/kms:Decrypt together with kms:GenerateDataKey/);
		expect(explanation.checkNext.join(' ')).toMatch(/role's IAM policies/);
	});

	it('on a KMS key, an identity-based message does not say the key policy delegates to IAM: AWS does not document it', () => {
		// KMS Developer Guide, "Key policies": "Without permission from the key policy, IAM policies that allow permissions have
		// no effect." Which message KMS returns where the key policy gives none is not documented: a check, not a fact.
		const explanation = explain(fixture('cli-upload-part-kms-decrypt.txt'));
		expect(all(explanation)).not.toMatch(/this means the key policy lets IAM policies grant access/);
		expect(explanation.meaning.join(' ')).toMatch(/AWS does not document which message KMS gives where it does not/);
		expect(explanation.checkNext).toContain(
			'The key policy of arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab: check that it allows the account root (arn:aws:iam::111122223333:root) or the caller itself, or the IAM Allow will not count.',
		);
	});

	it('sends an implicit identity-based denial to the caller\'s IAM policy', () => {
		const explanation = explain(fixture('s3-xml-enhanced.xml'));
		expect(explanation.checkNext[0]).toMatch(/^The role's IAM policies.*add an Allow for s3:GetObject/);
		expect(all(explanation)).not.toMatch(/bucket policy/);
	});

	it('sends an explicit resource-based denial on a KMS action to the key policy, on an S3 action to the bucket policy', () => {
		expect(all(explain(fixture('kms-json-body.json')))).toMatch(/Deny statement in the key policy/);
		const bucket = explain(fixture('java-sdk-bucket-policy-deny.txt'));
		expect(bucket.summary).toMatch(/explicit Deny in a resource-based policy/);
		expect(bucket.checkNext[0]).toMatch(/bucket policy of amzn-s3-demo-bucket.*s3:x-amz-server-side-encryption/);
	});

	it('says both sides must allow when the key is in another account', () => {
		expect(all(explain(fixture('cli-get-object-cross-account-key.txt')))).toMatch(/caller is in 111122223333, the key in 444455556666.*neither alone works/);
	});

	it('says the enhanced message is withheld across accounts for a plain Access Denied', () => {
		const explanation = explain(fixture('s3-xml-plain.xml'));
		expect(explanation.summary).toMatch(/withheld/);
		expect(explanation.meaning[0]).toMatch(/same account or the same organization.*another account/);
		expect(explanation.checkNext.join(' ')).toMatch(/collect-script/);
	});

	it('says the reason is withheld for a CloudTrail S3 event that only says Access Denied', () => {
		const records = JSON.parse(fixture('cloudtrail-records.json')) as {Records: unknown[]};
		const explanation = explain(JSON.stringify(records.Records[2]));
		expect(explanation.summary).toMatch(/withheld/);
		expect(explanation.meaning.join(' ')).toMatch(/The call was UploadPart/);
	});

	it('names the denying policy and the authorization id when AWS gave them', () => {
		const text = all(explain(fixture('identity-explicit-authorization-id.txt')));
		expect(text).toMatch(/an explicit Deny in an identity-based policy/);
		expect(text).toMatch(/arn:aws:iam::111122223333:policy\/DenyUnencryptedAccess/);
		expect(text).toMatch(/--authorization-id a1b2c3d4e5f6g7h8i9j0/);
	});

	/**
	 * "When an SCP denies access, the error message always includes the phrase due to an explicit deny in a Service Control
	 * Policy, even if the denial is implicit." (IAM User Guide, "Troubleshooting access denied error messages",
	 * github.com/awsdocs/iam-user-guide, doc_source/troubleshoot_access-denied.md) So an SCP's "explicit deny" says an
	 * SCP denied, not that a Deny statement matched; the note makes no exception for a message naming the policy.
	 */
	it('says an SCP\'s "explicit deny" may be a Deny or a level that allows the action nowhere, as AWS words both alike', () => {
		const explanation = explain(fixture('scp-explicit-with-policy-arn.txt'));
		expect(explanation.summary).toMatch(/: a service control policy \(SCP\) denied it, by a Deny statement or by allowing it nowhere at some level \(AWS words both as an explicit deny\)\.$/);
		expect(explanation.meaning[0]).toBe(
			"A service control policy (SCP) of the caller's organization denies this request: a Deny statement in one matches it, or some level from the organization root to the caller's account allows the action nowhere.",
		);
		expect(explanation.meaning[1]).toBe(
			'AWS words the denial of a service control policy as an explicit deny even when it is implicit, no SCP allowing the action (IAM User Guide, "Troubleshooting access denied error messages"): the message does not tell which of the two.',
		);
		expect(explanation.checkNext[0]).toMatch(/a Deny for s3:PutObject in one of them, or a level where none allows it .*aws organizations describe-policy for each/);
		expect(all(explanation)).not.toMatch(/A Deny statement in a service control policy|an explicit Deny in a service control policy/);
	});

	/** The same note holds for an SCP reached "transitively through" a VPC endpoint: an SCP denied, by a Deny or by no Allow. */
	it('sends the transitive VPC endpoint denial to the SCPs, worded as any SCP denial: a Deny or no Allow', () => {
		const result = parseAccessDenied(fixture('vpce-transitive-scp.txt'));
		if (!result.ok) throw new Error(result.error.message);
		const explanation = explainDenial(result.value);
		expect(explanation.summary).toMatch(
			/: reached through a VPC endpoint policy, a service control policy \(SCP\) denied it, by a Deny statement or by allowing it nowhere at some level \(AWS words both as an explicit deny\)\.$/,
		);
		expect(explanation.checkNext[0]).toMatch(/^The SCPs that apply to the caller's account: a Deny for s3:PutObject in one of them, .*or a level where none allows it\.$/);
		expect(all(explanation)).not.toMatch(/an explicit Deny in a service control policy|find the Deny/);
		expect(renderDenialText(result.value, explanation)).toMatch(
			/^ {2}Policy {5}VPC endpoint policy, through a service control policy \(SCP\) \(worded as an explicit deny, as AWS words every SCP denial: a Deny, or no Allow at some level\)$/m,
		);
	});

	it.each([
		['sessions-policy-explicit.txt', /session policy it passes/],
		['permissions-boundary-implicit.txt', /permissions boundary.*add kms:Decrypt/],
		['scp-implicit-no-resource.txt', /SERVICE_CONTROL_POLICY/],
		['rcp-explicit.txt', /RESOURCE_CONTROL_POLICY/],
		['vpc-endpoint-implicit.txt', /describe-vpc-endpoints/],
		['role-trust-explicit.txt', /trust policy/],
		['older-without-reason.txt', /IAM policies.*then the key policy/],
	])('%s points at the right place', (name, where) => {
		expect(explain(fixture(name)).checkNext.join('\n')).toMatch(where);
	});

	it.each([
		['kms-disabled.txt', /disabled: this is not a missing permission/, /aws kms enable-key --key-id 'arn:aws:kms:eu-west-1:111122223333:key\//],
		['kms-ciphertext.txt', /does not exist, is in another Region, or the caller may not use it/, /key policy.*kms:Decrypt/],
		['head-object-403.txt', /HEAD request, carries no reason/, /GetObject/],
	])('%s is explained as what it is', (name, summary, check) => {
		const explanation = explain(fixture(name));
		expect(explanation.summary).toMatch(summary);
		expect(explanation.checkNext.join('\n')).toMatch(check);
	});

	it("gives a key pending deletion's commands in the key's Region, as the fixes write them, and KEY to fill in when no key is named", () => {
		// KMS, CreateKey: "Creates a unique customer managed KMS key in your Amazon Web Services account and Region": a key is called in its own Region.
		const named = parseAccessDenied('arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab is pending deletion.');
		if (!named.ok) throw new Error(named.error.message);
		const key = "'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' --region 'eu-central-1'";
		expect(explainDenial(named.value).checkNext).toEqual([`Cancel the deletion, then enable the key: aws kms cancel-key-deletion --key-id ${key} and aws kms enable-key --key-id ${key}`]);
		const unnamed = parseAccessDenied('An error occurred (KMS.DisabledException) when calling the PutObject operation: The key is disabled.');
		if (!unnamed.ok) throw new Error(unnamed.error.message);
		expect(explainDenial(unnamed.value).checkNext).toEqual(['Enable it: aws kms enable-key --key-id KEY']);
	});

	it('quotes the key a pasted message names in the commands it gives, so that pasting them runs nothing of the message', () => {
		const message =
			'An error occurred (KMS.DisabledException) when calling the PutObject operation: User: arn:aws:iam::111122223333:user/a is not authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:us-east-1:111122223333:key/x$(id)` because the key is disabled';
		const parsed = parseAccessDenied(message);
		if (!parsed.ok) throw new Error(parsed.error.message);
		expect(explainDenial(parsed.value).checkNext).toEqual(["Enable it: aws kms enable-key --key-id 'arn:aws:kms:us-east-1:111122223333:key/x$(id)`' --region 'us-east-1'"]);
	});

	it('says Bucket Keys are on when the encryption context names the bucket, and counts the other denials', () => {
		const text = all(explain(fixture('cloudtrail-records.json')));
		expect(text).toMatch(/a bucket ARN: S3 Bucket Keys are on/);
		expect(text).toMatch(/1 more denied event/);
	});

	it('says an unrelated error code is not an access denial', () => {
		expect(explain('An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.').summary).toMatch(/NoSuchKey, which is not an access denial/);
	});
});

describe('looksLikeAccessDenied', () => {
	it.each(['cli-upload-part-kms-decrypt.txt', 's3-xml-plain.xml', 'cloudtrail-records.json', 'kms-ciphertext.txt', 'kms-disabled.txt', 'head-object-403.txt', 'java-sdk-bucket-policy-deny.txt'])(
		'recognises %s',
		name => {
			expect(looksLikeAccessDenied(fixture(name))).toBe(true);
		},
	);

	it.each(['amzn-s3-demo-bucket', 's3://amzn-s3-demo-bucket/key.txt', 'upload', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', ''])('lets %j through', text => {
		expect(looksLikeAccessDenied(text)).toBe(false);
	});
});
