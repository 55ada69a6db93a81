import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Ajv2020} from 'ajv/dist/2020.js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runBuiltCli} from './run-built-cli.js';

/**
 * `check --snapshot` on an upload whose size is not known, an SCP denying kms:Decrypt, which only a multipart upload
 * needs: nobody read or said that the upload goes in parts, so it is unknown (exit 3, docs/exit-codes.md), as the same
 * missing grant without a Deny is, and every report says on what.
 */

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const document = (...statements: readonly Record<string, unknown>[]) => ({Version: '2012-10-17', Statement: statements});
// Written out by hand: no size, and everything allowed but the SCP's Deny of kms:Decrypt.
const snapshot = {
	format: 's3-kms-doctor/snapshot@1',
	question: {operation: 'upload', bucket: 'example-bucket', objectKey: 'exports/report.csv', tool: 'aws-cli', kmsKeyId: keyArn},
	principal: {
		arn: 'arn:aws:iam::111122223333:user/alice',
		permissionsBoundary: null,
		tags: {},
		identityPolicies: [
			{
				name: 'ObjectsAndKey',
				document: document(
					{Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::example-bucket/*'},
					{Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: keyArn},
				),
			},
		],
	},
	bucket: {accountId: '111122223333', region: 'eu-west-1', policy: null, objectOwnership: 'BucketOwnerEnforced', defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: false}},
	key: {
		arn: keyArn,
		keyManager: 'CUSTOMER',
		keyState: 'Enabled',
		keySpec: 'SYMMETRIC_DEFAULT',
		keyUsage: 'ENCRYPT_DECRYPT',
		grants: [],
		policy: document({Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}),
	},
	organization: {
		resourceControlPolicies: [],
		serviceControlPolicies: [
			[
				{name: 'FullAWSAccess', document: document({Effect: 'Allow', Action: '*', Resource: '*'})},
				{name: 'NoKmsDecrypt', document: document({Sid: 'DenyDecrypt', Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*'})},
			],
		],
	},
	requestContext: {},
};

const headline =
	'Uploading to s3://example-bucket/exports/report.csv fails if it goes in parts, which is not known: the SCP "NoKmsDecrypt", attached to the root, Sid "DenyDecrypt" denies kms:Decrypt.';
const conditionally = 'denies kms:Decrypt; this request needs kms:Decrypt only if it goes in parts, which is not known. If it does, no change to the key, bucket or IAM policies makes it work';

const schema = JSON.parse(readFileSync(new URL('../../docs/diagnosis.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({strict: true, allowUnionTypes: true}).compile(schema);

/**
 * The same upload, nothing denying read, and a pasted message: kms:Decrypt on the key was denied by an SCP, or by the key
 * policy, neither of them read. An upload calls kms:Decrypt only in parts ("the requester needs permissions for the
 * kms:Decrypt action on the UploadPart and UploadPartCopy APIs", S3 API Reference, CreateMultipartUpload), so either
 * message tells it went in parts: both say so, and both are denied.
 */
const {organization: _read, key: {policy: _keyPolicy, ...keyUnread}, ...rest} = snapshot;
const messages = {
	scp: {...rest, key: snapshot.key, evidence: [{deniedBy: 'scp', action: 'kms:Decrypt', resource: keyArn}]},
	'key policy': {...rest, organization: {serviceControlPolicies: [], resourceControlPolicies: []}, key: keyUnread, evidence: [{deniedBy: 'resource', action: 'kms:Decrypt', resource: keyArn}]},
};

let folder = '';
let file = '';
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 's3-kms-doctor-only-if-'));
	file = join(folder, 'scp-denies-decrypt.json');
	writeFileSync(file, JSON.stringify(snapshot));
	for (const [name, each] of Object.entries(messages)) writeFileSync(join(folder, `${name.replace(' ', '-')}-message.json`), JSON.stringify(each));
});
afterAll(() => rmSync(folder, {recursive: true, force: true}));

const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('check --snapshot: an SCP denies kms:Decrypt, which the upload needs only if it goes in parts, not known', () => {
	it('text: unknown, exit 3, the headline names the Deny under that condition, the finding a warning saying so', async () => {
		const run = await runBuiltCli(['check', '--snapshot', file]);
		expect(run.exitCode).toBe(3);
		expect(run.stdout).toMatch(/^\? UNKNOWN {2}upload to s3:\/\/example-bucket\/exports\/report\.csv\n/);
		expect(flat(run.stdout)).toContain(headline);
		expect(run.stdout).toMatch(/! {2}warning {2}blocked-by-scp\n/);
		expect(flat(run.stdout)).toContain(conditionally);
		expect(run.stdout).not.toMatch(/✘ {2}error/);
	});

	it('markdown: the same verdict, headline and finding', async () => {
		const run = await runBuiltCli(['check', '--snapshot', file, '--format', 'md']);
		expect(run.exitCode).toBe(3);
		expect(run.stdout).toMatch(/^# \? Unknown: upload to `s3:\/\/example-bucket\/exports\/report\.csv`\n\n/);
		expect(run.stdout).toContain(`\n${headline}\n`);
		expect(run.stdout).toContain(`- ! **warning** \`blocked-by-scp\`: The SCP "NoKmsDecrypt", attached to the root, Sid "DenyDecrypt" ${conditionally}`);
	});

	it('JSON: verdict unknown, the finding a warning, valid against its schema', async () => {
		const run = await runBuiltCli(['check', '--snapshot', file, '--format', 'json']);
		expect(run.exitCode).toBe(3);
		const report = JSON.parse(run.stdout) as {verdict: string; summary: string; findings: {id: string; severity: string; message: string}[]};
		expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
		expect(report.verdict).toBe('unknown');
		expect(report.summary).toBe(headline);
		expect(report.findings.find(finding => finding.id === 'blocked-by-scp')).toMatchObject({severity: 'warning', message: expect.stringContaining(conditionally) as unknown});
		expect(report.findings.filter(finding => finding.severity === 'error')).toEqual([]);
	});
});

describe('check --snapshot: the same upload, a pasted message says kms:Decrypt on its key was denied', () => {
	for (const name of Object.keys(messages)) {
		it(`by ${name === 'scp' ? 'an SCP' : 'the key policy'}: denied, exit 1, and the Multipart line says the message told it went in parts`, async () => {
			const run = await runBuiltCli(['check', '--snapshot', join(folder, `${name.replace(' ', '-')}-message.json`)]);
			expect(run.exitCode).toBe(1);
			expect(run.stdout).toMatch(/^✘ DENIED {2}upload to s3:\/\/example-bucket\/exports\/report\.csv\n/);
			expect(flat(run.stdout)).toContain(
				`Multipart yes: the pasted AccessDenied message names kms:Decrypt on ${keyArn}, which S3 calls on that key only in a multipart upload, so the request went in parts`,
			);
			expect(run.stdout).not.toContain('whether the request goes in parts');
		});
	}
});
