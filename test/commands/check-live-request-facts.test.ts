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
const state = useFakeAws({scenario: () => ({...sameAccountScenario(), foreignAccessKeys: {[partnerKey]: partnerAccount}}), files: sameAccountFiles});
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
