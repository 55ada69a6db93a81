import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Fix} from '../../source/diagnosis/diagnosis.js';
import {renderText} from '../../source/report/render-text.js';
import {
	account,
	allow,
	buildSnapshot,
	bucketArn,
	customerKey,
	deny,
	enableIam,
	keyArn,
	keyArnOf,
	named,
	objectArn,
	policy,
	sameAccountDownload,
	userArn,
	without,
} from './support/build-snapshot.js';
import {applyFix, argvOf} from './support/fix-checks.js';

/** Fixes keep the guardrails: what gives protection up says so and comes last; what AWS would refuse is never proven. */

/** A download a bucket policy denies twice (outside the organization, outside the office network): fixes narrow both Denies. */
const twoDeniesDiagnosis = () => {
	const bucketPolicy = policy(
		allow('s3:GetObject', `${bucketArn}/*`, {Principal: {AWS: userArn}}),
		deny('s3:GetObject', `${bucketArn}/*`, {Sid: 'OrgOnly', Principal: '*', Condition: {StringNotEquals: {'aws:PrincipalOrgID': 'o-zzzzzzzzzz'}}}),
		deny('s3:*', `${bucketArn}/*`, {Sid: 'OfficeOnly', Principal: '*', Condition: {NotIpAddress: {'aws:SourceIp': '10.0.0.0/8'}}}),
	);
	return diagnose(sameAccountDownload({principal: {organizationId: 'o-a1b2c3d4e5'}, bucket: {policy: bucketPolicy}, requestContext: {'aws:SourceIp': '203.0.113.7'}}));
};

describe('a fix that gives protection up', () => {
	it('says so when it widens a permissions boundary: a guardrail that may bound many users and roles', () => {
		const boundary = named('Boundary', policy(allow(['s3:GetObject', 's3:PutObject', 'kms:GenerateDataKey'], '*')), `arn:aws:iam::${account}:policy/Boundary`);
		const diagnosis = diagnose(sameAccountDownload({principal: {permissionsBoundary: boundary}}));
		const widen = diagnosis.fixes.find(fix => fix.place === 'permissions-boundary');
		expect(widen).toMatchObject({kind: 'add-allow', proven: true});
		expect(widen!.weakens).toMatch(/permissions boundary Boundary is a guardrail: every user and role it bounds may then be granted kms:Decrypt/);
	});

	it('a new version of a managed policy says IAM may refuse it for its versions, and names the call that tells; still proven', () => {
		// "A managed policy can have up to five versions. If the policy has five versions, you must delete an existing
		// version using DeletePolicyVersion before you create a new version." (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html)
		const boundaryArn = `arn:aws:iam::${account}:policy/Boundary`;
		const boundary = named('Boundary', policy(allow(['s3:GetObject', 's3:PutObject', 'kms:GenerateDataKey'], '*')), boundaryArn);
		const widen = diagnose(sameAccountDownload({principal: {permissionsBoundary: boundary}})).fixes.find(fix => fix.place === 'permissions-boundary')!;
		expect(widen.proven).toBe(true);
		expect(widen.remains).toBe(
			`Whether AWS accepts this policy is not known: IAM keeps at most five versions of a managed policy and refuses another while there are five, and how many this one has is not known: aws iam list-policy-versions --policy-arn '${boundaryArn}' lists them, and aws iam delete-policy-version removes one that is not the default.`,
		);
		expect(argvOf(widen.remains!.slice(widen.remains!.indexOf('aws iam list-policy-versions'), widen.remains!.indexOf(' lists them')))).toEqual(['iam', 'list-policy-versions', '--policy-arn', boundaryArn]);
	});

	it('a boundary with no ARN gets a comment, never a command, whatever its name holds', () => {
		// A snapshot file is a customer's: a newline in the name must not end the comment and start a command.
		const boundary = named('Boundary"\naws s3 rb s3://victim --force #', policy(allow(['s3:GetObject', 's3:PutObject', 'kms:GenerateDataKey'], '*')));
		const widen = diagnose(sameAccountDownload({principal: {permissionsBoundary: boundary}})).fixes.find(fix => fix.place === 'permissions-boundary')!;
		expect(argvOf(widen.command)).toEqual([]);
		expect(widen.command).toBe('# update the permissions boundary "Boundary\\"\\naws s3 rb s3://victim --force #" with the policy above');
	});

	it('comes after changing the request, even when only it is proven', () => {
		// The bucket policy accepts only another key, one the snapshot does not describe: naming it proves nothing yet.
		const requiredKey = keyArnOf(account, 'eu-west-1', '9999abcd-12ab-34cd-56ef-1234567890ab');
		const bucketPolicy = policy(
			deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'OnlyOurKey', Principal: '*', Condition: {StringNotEqualsIfExists: {'s3:x-amz-server-side-encryption-aws-kms-key-id': requiredKey}}}),
		);
		const diagnosis = diagnose(buildSnapshot({bucket: {policy: bucketPolicy}}));
		const kinds = diagnosis.fixes.map(fix => `${fix.kind}${fix.proven ? '' : ' (not proven)'}`);
		expect(kinds).toEqual(['change-request (not proven)', 'narrow-deny']);
		expect(diagnosis.fixes.at(-1)!.weakens).toMatch(/\S/);
	});

	it('names every protection it gives up when it narrows two Denies in one policy', () => {
		const diagnosis = twoDeniesDiagnosis();
		const narrowed = diagnosis.fixes.filter(fix => fix.kind === 'narrow-deny');
		const both = narrowed.find(fix => /OrgOnly/.test(fix.summary) && /OfficeOnly/.test(fix.summary));
		expect(both, narrowed.map(fix => fix.summary).join('\n')).toBeDefined();
		expect(both!.weakens).toMatch(/organization/);
		expect(both!.weakens).toMatch(/10\.0\.0\.0\/8|network|address/);
	});

	it('shows every statement it changes when it narrows two Denies in one policy, each as the policy it writes holds it', () => {
		const diagnosis = twoDeniesDiagnosis();
		const both = diagnosis.fixes.find(fix => fix.kind === 'narrow-deny' && /OrgOnly/.test(fix.summary) && /OfficeOnly/.test(fix.summary))!;
		expect(both.statements.map(statement => statement['Sid'])).toEqual(['OrgOnly', 'OfficeOnly']);
		expect(both.statement).toEqual(both.statements[0]);
		const written = (both.policy!['Statement'] as unknown[]).map(statement => JSON.stringify(statement));
		for (const statement of both.statements) {
			expect(statement).toMatchObject({Effect: 'Deny', Condition: {ArnNotEquals: {'aws:PrincipalArn': userArn}}});
			expect(written).toContain(JSON.stringify(statement));
		}
		const text = renderText(diagnosis, {color: false, width: 200});
		const fixText = text.slice(text.indexOf('\nFixes\n'));
		expect(fixText).toContain('The statements it changes, each Deny narrowed so it no longer denies this request:');
		expect(fixText).toMatch(/"Sid": "OrgOnly"[\s\S]*"Sid": "OfficeOnly"[\s\S]*The whole bucket policy with it/);
	});
});

describe('what a proven fix leaves', () => {
	it('says the request is still not known to be allowed where a row it does not target stays unknown', () => {
		const keyPolicy = policy(allow('kms:DescribeKey', '*', {Principal: {AWS: userArn}}));
		const diagnosis = diagnose(without(sameAccountDownload({key: customerKey(keyArn, keyPolicy)}), 'bucket.policy'));
		const fix = diagnosis.fixes.find(candidate => candidate.place === 'key-policy') as Fix;
		expect(fix.proven).toBe(true);
		expect(fix.remains).toMatch(/still not known to be allowed: s3:GetObject in the bucket policy \(unknown\)/);
		expect(diagnose(applyFix(without(sameAccountDownload({key: customerKey(keyArn, keyPolicy)}), 'bucket.policy'), fix)).verdict).toBe('unknown');
	});

	it('is not proven when the policy it writes is larger than AWS allows (KMS PutKeyPolicy: 32 KiB)', () => {
		// Padding statements that allow nothing the request needs, up to just under the limit.
		const filler: ReturnType<typeof allow>[] = [];
		while (JSON.stringify(policy(...filler)).length < 32_650) filler.push(allow('kms:DescribeKey', '*', {Sid: `Audit${filler.length}`, Principal: {AWS: `arn:aws:iam::${account}:role/Auditor${filler.length}`}}));
		const keyPolicy = policy(...filler);
		expect(JSON.stringify(keyPolicy).length).toBeGreaterThan(32_000);
		expect(JSON.stringify(keyPolicy).length).toBeLessThan(32_768);
		const diagnosis = diagnose(sameAccountDownload({key: customerKey(keyArn, keyPolicy)}));
		const fix = diagnosis.fixes.find(candidate => candidate.place === 'key-policy') as Fix;
		expect(fix.proven).toBe(false);
		expect(fix.remains).toMatch(/AWS would refuse this policy: key\.policy is [\d,]+ bytes, more than the 32,768 AWS allows for a key policy/);
	});
});

describe('documents only AWS can change', () => {
	it('offers no new version of an AWS managed policy, and says to detach it', () => {
		const denyAll = named('AWSDenyAll', policy(deny('*', '*')), 'arn:aws:iam::aws:policy/AWSDenyAll');
		const diagnosis = diagnose(sameAccountDownload({principal: {identityPolicies: [named('Objects', policy(allow('s3:GetObject', objectArn), allow('kms:Decrypt', keyArn))), denyAll]}}));
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.fixes.filter(fix => fix.command.includes('arn:aws:iam::aws:policy/'))).toEqual([]);
		expect(diagnosis.findings.map(finding => finding.message).join('\n')).toMatch(/the Deny is in the AWS managed policy arn:aws:iam::aws:policy\/AWSDenyAll, which only AWS can change/);
	});

	it('never widens an AWS managed policy used as a permissions boundary', () => {
		const boundary = named('AmazonS3ReadOnlyAccess', policy(allow(['s3:Get*', 's3:List*'], '*')), 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
		const diagnosis = diagnose(sameAccountDownload({principal: {permissionsBoundary: boundary}}));
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.fixes.filter(fix => fix.place === 'permissions-boundary')).toEqual([]);
	});

	it('never rewrites the key policy of an AWS managed key', () => {
		const managed = {...customerKey(keyArn, policy(enableIam(), deny('kms:Decrypt', '*', {Principal: {AWS: userArn}}))), keyManager: 'AWS' as const};
		const diagnosis = diagnose(sameAccountDownload({key: managed}));
		expect(diagnosis.fixes.filter(fix => fix.place === 'key-policy')).toEqual([]);
	});
});

describe('a proven fix where something no row says still fails the request', () => {
	it('names the error finding in its remains: a disabled key keeps the request denied whatever the policies say', () => {
		const snapshot = buildSnapshot({
			principal: {identityPolicies: [named('P', policy(allow('s3:PutObject', '*')))]},
			key: {...customerKey(keyArn, policy(enableIam())), keyState: 'Disabled'},
		});
		const diagnosis = diagnose(snapshot);
		const fix = diagnosis.fixes.find(candidate => candidate.place === 'identity-policy') as Fix;
		expect(fix.proven).toBe(true);
		expect(fix.remains).toBe(`The request still fails with this fix alone: the key ${keyArn} is disabled.`);
		expect(diagnose(applyFix(snapshot, fix)).verdict).toBe('denied');
	});
});
