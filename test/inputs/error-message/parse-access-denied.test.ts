import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseAccessDenied, type ParsedDenial} from '../../../source/inputs/error-message/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/errors/${name}`, import.meta.url), 'utf8');

const parsed = (text: string): ParsedDenial => {
	const result = parseAccessDenied(text);
	if (!result.ok) throw new Error(`not recognised: ${result.error.message}`);
	return result.value;
};

const uploaderKey = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const crossAccountKey = 'arn:aws:kms:eu-west-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321';

describe('parseAccessDenied: every form of domain.md §5', () => {
	it.each<[string, Partial<ParsedDenial>]>([
		[
			'cli-upload-part-kms-decrypt.txt',
			{
				form: 'cli',
				principal: 'arn:aws:sts::111122223333:assumed-role/Uploader/alice',
				action: 'kms:Decrypt',
				resource: uploaderKey,
				policyType: 'identity-based',
				denial: 'implicit',
				accounts: ['111122223333'],
				operation: 'upload',
				errorCode: 'AccessDenied',
				apiOperation: 'UploadPart',
				service: 'kms',
			},
		],
		[
			'cli-get-object-cross-account-key.txt',
			{
				principal: 'arn:aws:sts::111122223333:assumed-role/Reader/etl-job',
				resource: crossAccountKey,
				policyType: 'resource-based',
				denial: 'implicit',
				accounts: ['111122223333', '444455556666'],
				operation: 'download',
			},
		],
		[
			'java-sdk-bucket-policy-deny.txt',
			{
				form: 'java-sdk',
				principal: 'arn:aws:iam::111122223333:user/bob',
				action: 's3:PutObject',
				resource: 'arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv',
				policyType: 'resource-based',
				denial: 'explicit',
				errorCode: 'AccessDenied',
				statusCode: 403,
				requestId: '8X3Y5ZR2QEXAMPLE',
				accounts: ['111122223333'],
			},
		],
		[
			'scp-explicit-with-policy-arn.txt',
			{
				policyType: 'service-control-policy',
				denial: 'explicit',
				resource: 'arn:aws:s3:::amzn-s3-demo-bucket/incoming/report.pdf',
				policyArn: 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp1',
				// The management account owns the SCP; the request is the caller's and the bucket's.
				accounts: ['111122223333'],
			},
		],
		[
			'identity-explicit-authorization-id.txt',
			{
				form: 'message',
				action: 's3:GetObject',
				resource: 'arn:aws:s3:::amzn-s3-demo-bucket/finance/ledger.csv',
				policyType: 'identity-based',
				denial: 'explicit',
				policyArn: 'arn:aws:iam::111122223333:policy/DenyUnencryptedAccess',
				authorizationId: 'a1b2c3d4e5f6g7h8i9j0',
			},
		],
		['sessions-policy-explicit.txt', {policyType: 'session-policy', denial: 'explicit', principal: 'arn:aws:sts::111122223333:assumed-role/Uploader/ci-run-42'}],
		[
			'vpce-transitive-scp.txt',
			{action: 's3:PutObject', policyType: 'vpc-endpoint-policy', throughPolicyType: 'service-control-policy', denial: 'explicit', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/incoming/report.pdf'},
		],
		['permissions-boundary-implicit.txt', {policyType: 'permissions-boundary', denial: 'implicit', action: 'kms:Decrypt', operation: 'download'}],
		['scp-implicit-no-resource.txt', {policyType: 'service-control-policy', denial: 'implicit', action: 's3:GetObject', accounts: ['777788889999']}],
		['rcp-explicit.txt', {policyType: 'resource-control-policy', denial: 'explicit', resource: 'arn:aws:s3:::amzn-s3-demo-bucket1/object-name'}],
		['vpc-endpoint-implicit.txt', {policyType: 'vpc-endpoint-policy', denial: 'implicit'}],
		['role-trust-explicit.txt', {policyType: 'role-trust-policy', denial: 'explicit', action: 'sts:AssumeRole', accounts: ['777788889999', '111122223333']}],
		['s3-xml-enhanced.xml', {form: 's3-xml', errorCode: 'AccessDenied', requestId: '4442587FB7D0A2F9', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/data/part-0001.parquet', policyType: 'identity-based'}],
		['s3-xml-plain.xml', {form: 's3-xml', errorCode: 'AccessDenied', message: 'Access Denied', accounts: []}],
		[
			'kms-ciphertext.txt',
			{cause: 'kms-key-inaccessible', action: 'kms:Decrypt', operation: 'download', object: {bucket: 'amzn-s3-demo-bucket', objectKey: 'shared/export.csv'}, service: 'kms'},
		],
		['go-sdk.txt', {form: 'go-sdk', errorCode: 'AccessDenied', apiOperation: 'PutObject', statusCode: 403, action: 'kms:GenerateDataKey', operation: 'upload'}],
		['js-sdk.txt', {form: 'sdk-error', errorCode: 'AccessDenied', action: 's3:PutObject', policyType: 'identity-based', denial: 'implicit'}],
		['kms-disabled.txt', {errorCode: 'KMS.DisabledException', cause: 'key-disabled', operation: 'upload', service: 'kms', keyId: uploaderKey, accounts: ['111122223333']}],
		['head-object-403.txt', {errorCode: '403', statusCode: 403, apiOperation: 'HeadObject', operation: 'download', message: 'Forbidden'}],
		['kms-json-body.json', {form: 'kms-json', errorCode: 'AccessDeniedException', policyType: 'resource-based', denial: 'explicit', resource: crossAccountKey}],
	])('%s', (name, expected) => {
		expect(parsed(fixture(name))).toMatchObject(expected);
	});

	it('leaves out what the text does not say', () => {
		const denial = parsed(fixture('older-without-reason.txt'));
		expect(denial).toMatchObject({action: 'kms:GenerateDataKey', resource: uploaderKey, operation: 'upload'});
		expect(denial).not.toHaveProperty('denial');
		expect(denial).not.toHaveProperty('policyType');
		expect(parsed(fixture('scp-implicit-no-resource.txt'))).not.toHaveProperty('resource');
		// A copy reads its source with s3:GetObject and writes with s3:PutObject: without the API call, no operation is read.
		expect(parsed(fixture('scp-implicit-no-resource.txt'))).not.toHaveProperty('operation');
		expect(parsed(fixture('java-sdk-bucket-policy-deny.txt'))).not.toHaveProperty('operation');
	});

	it('reads the resource without its quotes and without a sentence-ending full stop', () => {
		expect(parsed('User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::bkt/a.b.txt".').resource).toBe('arn:aws:s3:::bkt/a.b.txt');
		expect(parsed('User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bkt/v1.2.txt').resource).toBe('arn:aws:s3:::bkt/v1.2.txt');
	});

	it('accepts every policy type AWS writes, with a, an or the', () => {
		const types = {
			'an identity-based policy': 'identity-based',
			'a resource-based policy': 'resource-based',
			'a service control policy': 'service-control-policy',
			'a resource control policy': 'resource-control-policy',
			'a permissions boundary': 'permissions-boundary',
			'a session policy': 'session-policy',
			'a sessions policy': 'session-policy',
			'a VPC endpoint policy': 'vpc-endpoint-policy',
			'the role trust policy': 'role-trust-policy',
		} as const;
		for (const [words, type] of Object.entries(types)) {
			const denial = parsed(`User: arn:aws:iam::111122223333:role/R is not authorized to perform: s3:GetObject with an explicit deny in ${words}`);
			expect(denial.policyType, words).toBe(type);
			expect(denial.denial).toBe('explicit');
		}
	});

	it('reads a single CloudTrail event: key, encryption context, invoker, accounts', () => {
		expect(parsed(fixture('cloudtrail-decrypt-denied.json'))).toMatchObject({
			form: 'cloudtrail',
			principal: 'arn:aws:sts::111122223333:assumed-role/Uploader/alice',
			action: 'kms:Decrypt',
			resource: uploaderKey,
			policyType: 'identity-based',
			denial: 'implicit',
			errorCode: 'AccessDenied',
			apiOperation: 'Decrypt',
			service: 'kms',
			keyId: uploaderKey,
			encryptionContext: {'aws:s3:arn': 'arn:aws:s3:::amzn-s3-demo-bucket/backups/db-2024-06-01.tar'},
			invokedBy: 's3.amazonaws.com',
			region: 'eu-west-1',
			accounts: ['111122223333'],
		});
	});

	it("keeps the session's role from sessionIssuer only as that session's role: same account and role name, no control character", () => {
		const withIssuer = (arn: string): string => fixture('cloudtrail-decrypt-denied.json').replace('"arn": "arn:aws:iam::111122223333:role/Uploader"', `"arn": ${JSON.stringify(arn)}`);
		expect(parsed(withIssuer('arn:aws:iam::111122223333:role/team/Uploader')).roleArn).toBe('arn:aws:iam::111122223333:role/team/Uploader');
		for (const other of ['arn:aws:iam::111122223333:role/Reader', 'arn:aws:iam::444455556666:role/Uploader', 'arn:aws:iam::111122223333:user/Uploader', 'arn:aws:iam::111122223333:role/te\u001bam/Uploader']) {
			expect(parsed(withIssuer(other)).roleArn).toBeUndefined();
		}
	});

	it('picks the denied events of a Records file and skips the successful one', () => {
		const denial = parsed(fixture('cloudtrail-records.json'));
		expect(denial).toMatchObject({action: 'kms:Decrypt', resource: crossAccountKey, policyType: 'resource-based', accounts: ['111122223333', '444455556666']});
		expect(denial.alsoDenied).toHaveLength(1);
		expect(denial.alsoDenied?.[0]).toMatchObject({action: 's3:PutObject', apiOperation: 'UploadPart', operation: 'upload', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/backups/db-2024-06-01.tar'});
	});

	it('reads `aws cloudtrail lookup-events` output, whose events are JSON strings', () => {
		const event = fixture('cloudtrail-decrypt-denied.json');
		const lookup = JSON.stringify({Events: [{EventId: 'x', EventName: 'Decrypt', CloudTrailEvent: JSON.stringify(JSON.parse(event))}]});
		expect(parsed(lookup)).toMatchObject({action: 'kms:Decrypt', form: 'cloudtrail'});
	});

	it('says a CloudTrail file without a failure holds nothing to explain', () => {
		const records = JSON.parse(fixture('cloudtrail-records.json')) as {Records: unknown[]};
		const result = parseAccessDenied(JSON.stringify({Records: records.Records.slice(0, 1)}));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.message).toMatch(/succeeded.*errorCode/);
	});

	it.each([
		['', /empty/],
		['hello world', /not recognised/],
		['my-bucket', /not recognised/],
		['{"Version": "2012-10-17", "Statement": []}', /neither a CloudTrail event/],
		['{"eventSource": "kms.amazonaws.com", "eventName": ', /not valid JSON.*line 1/],
	])('refuses %j with what it expected', (text, message) => {
		const result = parseAccessDenied(text);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.error.message).toMatch(message);
			expect(result.error.expected).toMatch(/is not authorized to perform/);
			expect(result.error.expected).toMatch(/CloudTrail/);
		}
	});

	it('never throws on hostile input', () => {
		for (const text of ['User: ', 'User: x is not authorized to perform: ', '<Error></Error>', '[]', '{"Records": 5}', 'a'.repeat(100_000), '(Service: ; Status Code: x']) {
			expect(() => parseAccessDenied(text)).not.toThrow();
		}
	});
});
