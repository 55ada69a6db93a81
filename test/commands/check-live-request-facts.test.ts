import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import {runBuiltCli} from './run-built-cli.js';

// check in live mode with the facts it is given, not read: a CloudFront distribution, a presigned URL.
// A partner's access key: sts:GetAccessKeyInfo names its account, nothing else in the scenario knows it.
const partnerKey = 'AKIAFAKEPARTNER00001';
const partnerAccount = '123456789012';
const state = useFakeAws({scenario: () => ({...sameAccountScenario(), foreignAccessKeys: {[partnerKey]: partnerAccount}}), files: sameAccountFiles, checksS3Region: true});
let workDir = '';
beforeAll(async () => {
	workDir = await mkdtemp(join(tmpdir(), 's3-kms-doctor-check-facts-'));
});
afterAll(async () => {
	await rm(workDir, {recursive: true, force: true});
});

const object = ['--bucket', 'acme-uploads', '--key', 'reports/2024/q1.csv'];
const distributionArn = 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE';
const signature = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
const token = 'IQoJb3JpZ2luX2VjEXAMPLETOKENFwoGZXIvYXdzEBYaDEXAMPLESESSIONTOKEN0123456789abcdef';
const presigned = `https://acme-uploads.s3.eu-west-1.amazonaws.com/reports/2024/q1.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAIOSFODNN7EXAMPLE%2F20261204%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261204T080000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=${signature}`;

const savedSnapshot = async (path: string) => {
	const parsed = parseSnapshot(await readFile(path, 'utf8'), path);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return parsed.value;
};

describe('check --operation cloudfront-download (live)', () => {
	it('reads the bucket and key, takes the distribution as given, and asks as CloudFront', async () => {
		const saved = join(workDir, 'cloudfront.json');
		const run = await runBuiltCli(['check', '--profile', 'ci', '--operation', 'cloudfront-download', ...object, '--distribution-arn', distributionArn, '--origin-access', 'oac', '--format', 'json', '--save-snapshot', saved]);
		const report = JSON.parse(run.stdout) as {question: {principalArn?: string}; actions: {action: string}[]};
		expect(report.question.principalArn).toBe('cloudfront.amazonaws.com');
		expect(report.actions.map(action => action.action)).toEqual(['s3:GetObject', 'kms:Decrypt']);
		const snapshot = await savedSnapshot(saved);
		expect(snapshot.distribution).toEqual({arn: distributionArn, originAccess: 'origin-access-control'});
		expect(snapshot.principal).toBeUndefined();
		expect(state.fake.calls.filter(call => call.write)).toEqual([]);
	});
});

describe('check --operation presigned-download --presigned-url (live)', () => {
	it('takes the bucket and key from the URL, and its credentials reach no output and no saved snapshot', async () => {
		const saved = join(workDir, 'presigned.json');
		const run = await runBuiltCli(['check', '--profile', 'ci', '--operation', 'presigned-download', '--presigned-url', presigned, '--format', 'md', '--save-snapshot', saved]);
		expect(run.stderr).not.toMatch(/\n\s+at /);
		const text = await readFile(saved, 'utf8');
		for (const output of [run.stdout, run.stderr, text]) {
			expect(output).not.toContain(signature);
			expect(output).not.toContain(token);
			expect(output).not.toContain(encodeURIComponent(token));
		}
		const snapshot = await savedSnapshot(saved);
		expect(snapshot.question).toMatchObject({operation: 'presigned-download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'});
		expect(snapshot.presignedUrl).toEqual({
			signatureVersion: 4,
			accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
			signedAt: '2026-12-04T08:00:00Z',
			expiresSeconds: 3600,
			expiresAt: '2026-12-04T09:00:00Z',
			signedHeaders: ['host'],
			signedByPrincipal: false,
		});
		expect(run.stdout).toContain('presigned-url-temporary-credentials');
	});
});

describe("check --presigned-url (live): who signed the URL", () => {
	const urlSignedWith = (accessKeyId: string): string => presigned.replace('ASIAIOSFODNN7EXAMPLE', accessKeyId);
	type Report = {verdict: string; assumptions: {id: string; statement: string}[]; unknowns: {resolveWith?: string}[]};

	it("is the profile's principal, with nothing assumed, when the profile's own credentials signed it", async () => {
		const run = await runBuiltCli(['check', '--profile', 'ci', '--operation', 'presigned-download', '--presigned-url', urlSignedWith('ASIAFAKEUPLOADER0001'), '--format', 'json']);
		const report = JSON.parse(run.stdout) as Report;
		expect(report.assumptions.map(assumed => assumed.id)).not.toContain('signer-is-principal');
		// Compared locally: no call was needed to tell.
		expect(state.fake.calls.map(call => call.operation)).not.toContain('GetAccessKeyInfo');
	});

	it('is named as an assumption when the key is another of the same account (sts:GetAccessKeyInfo)', async () => {
		const run = await runBuiltCli(['check', '--profile', 'ci', '--operation', 'presigned-download', '--presigned-url', urlSignedWith('AKIAFAKEALICE0000001'), '--format', 'json']);
		const report = JSON.parse(run.stdout) as Report;
		expect(report.assumptions.find(assumed => assumed.id === 'signer-is-principal')?.statement).toBe('the URL was signed by arn:aws:sts::111122223333:assumed-role/uploader/ci-run');
		expect(state.fake.calls.filter(call => call.operation === 'GetAccessKeyInfo')).toHaveLength(1);
	});

	it("is not the profile's principal when the key is of another account: unknown, never the profile's verdict", async () => {
		const run = await runBuiltCli(['check', '--profile', 'ci', '--operation', 'presigned-download', '--presigned-url', urlSignedWith(partnerKey), '--format', 'json']);
		expect(run.exitCode).toBe(3);
		const report = JSON.parse(run.stdout) as Report;
		expect(report.verdict).toBe('unknown');
		expect(report.unknowns.map(note => note.resolveWith)).toContain(`a profile of the signer in account ${partnerAccount}`);
		expect(state.fake.calls.filter(call => call.write)).toEqual([]);
	});
});

describe('check --operation service-read --service (live)', () => {
	const role = 'arn:aws:iam::111122223333:role/service/uploader';

	it("Glue with its role: the role's own policies are read (not the profile's session) and decide", async () => {
		const saved = join(workDir, 'glue.json');
		const run = await runBuiltCli(['check', '--profile', 'ci', '--operation', 'service-read', ...object, '--service', 'glue', '--service-role', role, '--format', 'json', '--save-snapshot', saved]);
		expect(run.stderr).not.toMatch(/\n\s+at /);
		const report = JSON.parse(run.stdout) as {verdict: string; question: {principalArn?: string}};
		expect(report.question.principalArn).toBe(role);
		const snapshot = await savedSnapshot(saved);
		expect(snapshot.service).toEqual({name: 'glue', roleArn: role});
		expect(snapshot.principal?.arn).toBe(role);
		expect(snapshot.principal?.identityPolicies?.map(policy => policy.name)).toEqual(expect.arrayContaining(['s3-write']));
		expect(snapshot.principal?.permissionsBoundary).toBeDefined();
		expect(state.fake.calls.some(call => call.operation === 'GetRole')).toBe(true);
		expect(state.fake.calls.filter(call => call.write)).toEqual([]);
	});

	it('Glue without its role: the profile is not who reads, so no principal, and the finding asks for the role', async () => {
		const saved = join(workDir, 'glue-no-role.json');
		const run = await runBuiltCli(['check', '--profile', 'ci', '--operation', 'service-read', ...object, '--service', 'glue', '--format', 'json', '--save-snapshot', saved]);
		expect(run.stdout).toContain('service-role-not-named');
		expect(run.stdout).not.toContain('"verdict": "allowed"');
		expect((await savedSnapshot(saved)).principal).toBeUndefined();
	});

	it('Athena: the profile is the caller, its request carries aws:CalledVia', async () => {
		const run = await runBuiltCli(['check', '--profile', 'ci', '--operation', 'service-read', ...object, '--service', 'athena', '--format', 'json']);
		const report = JSON.parse(run.stdout) as {question: {principalArn?: string}; findings: {id: string; message: string}[]};
		expect(report.question.principalArn).toBe('arn:aws:sts::111122223333:assumed-role/uploader/ci-run');
		expect(report.findings.find(finding => finding.id === 'service-acts-as')!.message).toContain('aws:CalledVia ["athena.amazonaws.com"]');
	});

	it('refuses --service-role with athena in one line, exit 2, before any read', async () => {
		const run = await runBuiltCli(['check', '--profile', 'ci', '--operation', 'service-read', ...object, '--service', 'athena', '--service-role', role]);
		expect(run.exitCode).toBe(2);
		expect(run.stderr.trim().split('\n')[0]).toBe("s3-kms-doctor: --service-role does not apply to athena: Amazon Athena reads and writes with the caller's own credentials (leave --service-role out; --profile is the caller)");
	});
});
