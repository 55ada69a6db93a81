import {describe, expect, it} from 'vitest';
import {withRequestFacts} from '../../source/commands/check-request-facts.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {parsePresignedUrl} from '../../source/inputs/presigned-url/parse-presigned-url.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import type {PresignedUrlInfo} from '../../source/snapshot/operation-facts.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, bucket, buildSnapshot, bucketArn, deny, keyArn, objectKey, policy} from '../diagnosis/support/build-snapshot.js';
import {decisions, findingIds} from '../diagnosis/support/fix-checks.js';
import {runBuiltCli} from '../commands/run-built-cli.js';

/**
 * S3 User Guide, "Download and upload objects with presigned URLs" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html):
 * "The credentials used by the presigned URL are those of the AWS Identity and Access Management (IAM) principal who
 * generated the URL." So the signer is the caller, at the time the URL is used.
 */

// AWS's own example of a presigned URL (Amazon S3 API Reference, "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)").
const signature = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
const awsExample = `https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=${signature}`;

const token = 'IQoJb3JpZ2luX2VjEXAMPLETOKENFwoGZXIvYXdzEBYaDEXAMPLESESSIONTOKEN0123456789abcdef';
const temporary = `https://${bucket}.s3.eu-west-1.amazonaws.com/${encodeURIComponent(objectKey).replace(/%2F/g, '/')}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAIOSFODNN7EXAMPLE%2F20261204%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261204T080000Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=${signature}`;
const sigV2Url = `https://${bucket}.s3.amazonaws.com/${objectKey}?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1798761600&Signature=${encodeURIComponent('vjbyPxybdZaNmGa%2ByT272YEAiv4=')}`;

const factsOf = (url: string) => {
	const parsed = parsePresignedUrl(url);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return parsed.value;
};

const presignedSnapshot = (operation: 'presigned-download' | 'presigned-upload', info: PresignedUrlInfo, overrides: Parameters<typeof buildSnapshot>[0] = {}): Snapshot =>
	buildSnapshot({
		object: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn}},
		presignedUrl: info,
		...overrides,
		question: {operation, ...overrides.question},
	});

describe('parsing a pasted presigned URL', () => {
	it("keeps AWS's example's bucket, key, signer and expiry (X-Amz-Date + X-Amz-Expires), and nothing of its signature", () => {
		const facts = factsOf(awsExample);
		expect(facts).toEqual({
			bucket: 'examplebucket',
			objectKey: 'test.txt',
			presignedUrl: {signatureVersion: 4, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', signedAt: '2013-05-24T00:00:00Z', expiresSeconds: 86400, expiresAt: '2013-05-25T00:00:00Z', signedHeaders: ['host']},
		});
		expect(JSON.stringify(facts)).not.toContain(signature);
	});

	it('reads path-style and Regional endpoints, and decodes the key', () => {
		expect(factsOf(`https://s3.eu-west-1.amazonaws.com/${bucket}/reports/2025/q1%20final.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${signature}`)).toMatchObject({
			bucket,
			objectKey: 'reports/2025/q1 final.csv',
			region: 'eu-west-1',
		});
	});

	it('tells Signature Version 2 (AWSAccessKeyId and Signature) from 4', () => {
		expect(factsOf(sigV2Url).presignedUrl).toEqual({signatureVersion: 2, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', expiresAt: '2027-01-01T00:00:00Z'});
	});

	it('refuses what is not a presigned S3 URL in one line that does not quote it', () => {
		for (const text of ['not a url', `https://example.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${signature}`, `https://examplebucket.s3.amazonaws.com/test.txt`, 'x'.repeat(20_000)]) {
			const parsed = parsePresignedUrl(text);
			expect(parsed.ok).toBe(false);
			if (!parsed.ok) {
				expect(parsed.error.message).toMatch(/^the pasted text is not an S3 presigned URL: /);
				expect(parsed.error.message).not.toContain(signature);
				expect(parsed.error.message).not.toContain('example.com');
			}
		}
	});
});

describe('the credentials in a URL go nowhere', () => {
	const facts = factsOf(temporary);
	const snapshot = withRequestFacts(presignedSnapshot('presigned-download', facts.presignedUrl), {presignedUrl: temporary}, facts);
	const diagnosis = diagnose(snapshot);
	const outputs = {
		facts: JSON.stringify(facts),
		snapshot: JSON.stringify(snapshot),
		json: renderJson(diagnosis),
		markdown: renderMarkdown(diagnosis),
		text: renderText(diagnosis, {color: false, width: 100}),
	};

	it.each(Object.keys(outputs))('%s holds neither X-Amz-Signature nor X-Amz-Security-Token', name => {
		const output = outputs[name as keyof typeof outputs];
		expect(output).not.toContain(signature);
		expect(output).not.toContain(token);
		expect(output).not.toContain(encodeURIComponent(token));
		expect(output).not.toMatch(/X-Amz-Signature|X-Amz-Security-Token/i);
	});

	it('check refuses a URL for another object without echoing it', async () => {
		const run = await runBuiltCli(['check', '--operation', 'presigned-download', '--presigned-url', temporary, '--bucket', 'another-bucket']);
		expect(run.exitCode).toBe(2);
		expect(run.stderr).toContain('--bucket and --key must name the object the --presigned-url is for');
		expect(run.stdout + run.stderr).not.toContain(signature);
		expect(run.stdout + run.stderr).not.toContain(token);
	});
});

describe('presigned-download and presigned-upload, diagnosed as the signer', () => {
	it('is the download as the signer: its policies decide, with the query-string authentication it carries', () => {
		const diagnosis = diagnose(presignedSnapshot('presigned-download', factsOf(awsExample).presignedUrl));
		expect(decisions(diagnosis)).toEqual({'s3:GetObject@destination': 'allowed', 'kms:Decrypt@destination': 'allowed'});
		expect(diagnosis.actions[0]!.context).toMatchObject({'s3:authType': 'REST-QUERY-STRING', 's3:signatureversion': 'AWS4-HMAC-SHA256'});
	});

	it('is denied by a bucket policy that refuses presigned requests (s3:authType REST-QUERY-STRING), where a plain download is not', () => {
		const noPresigned = policy(deny('s3:*', [bucketArn, `${bucketArn}/*`], {Principal: '*', Condition: {StringEquals: {'s3:authType': 'REST-QUERY-STRING'}}}));
		expect(decisions(diagnose(presignedSnapshot('presigned-download', factsOf(awsExample).presignedUrl, {bucket: {policy: noPresigned}})))['s3:GetObject@destination']).toBe('denied');
		// A plain download's authentication type is not in the snapshot: the same policy cannot deny it for sure.
		expect(decisions(diagnose(buildSnapshot({question: {operation: 'download'}, bucket: {policy: noPresigned}})))['s3:GetObject@destination']).not.toBe('denied');
	});

	it('finds a SigV2 URL: KMS API Reference, "All KMS operations require Signature Version 4."', () => {
		const diagnosis = diagnose(presignedSnapshot('presigned-download', factsOf(sigV2Url).presignedUrl));
		const finding = diagnosis.findings.find(candidate => candidate.id === 'presigned-url-sigv2')!;
		expect(finding.severity).toBe('error');
		expect(finding.message).toContain('require AWS Signature Version 4');
		expect(diagnosis.actions[0]!.context['s3:signatureversion']).toBe('AWS');
	});

	// S3 User Guide, "Download and upload objects with presigned URLs" (Who can create a presigned URL): "Temporary security
	// credentials – Can't be valid for longer than the credentials themselves. [...] IAM role credentials – The presigned
	// URL expires when the role session expires, even if you specify a longer expiration time."
	it('warns that temporary credentials (ASIA…) end the URL before its own expiry; long-term ones (AKIA…) do not', () => {
		const temporaryFinding = diagnose(presignedSnapshot('presigned-download', factsOf(temporary).presignedUrl)).findings.find(finding => finding.id === 'presigned-url-temporary-credentials')!;
		expect(temporaryFinding.message).toContain('ASIAIOSFODNN7EXAMPLE');
		expect(temporaryFinding.message).toContain('2026-12-11T08:00:00Z');
		expect(findingIds(diagnose(presignedSnapshot('presigned-download', factsOf(awsExample).presignedUrl)))).not.toContain('presigned-url-temporary-credentials');
	});

	it('without the signer, names its access key ID and the read that finds its account', () => {
		const {principal: _principal, ...withoutPrincipal} = presignedSnapshot('presigned-download', factsOf(awsExample).presignedUrl);
		const finding = diagnose(withoutPrincipal).findings.find(candidate => candidate.id === 'presigned-url-signer-unknown')!;
		expect(finding.remedy).toContain('aws sts get-access-key-info --access-key-id AKIAIOSFODNN7EXAMPLE');
	});

	it("with the signer's account known: its list-access-keys names the profile a live collection read that account with, none where no profile did", () => {
		const {principal: _principal, ...withoutPrincipal} = presignedSnapshot('presigned-download', factsOf(awsExample).presignedUrl);
		const signerAccount = '444455556666';
		const known = {...withoutPrincipal, presignedUrl: {...withoutPrincipal.presignedUrl!, signerAccount}};
		const remedyWith = (profiles: NonNullable<NonNullable<Snapshot['metadata']>['profiles']>): string =>
			diagnose({...known, metadata: {collectedBy: 'live', profiles}}).findings.find(candidate => candidate.id === 'presigned-url-signer-unknown')!.remedy!;
		expect(remedyWith([{name: 'partner', arn: `arn:aws:iam::${signerAccount}:user/admin`, roles: ['bucket']}])).toContain("(aws iam list-access-keys --user-name NAME --profile 'partner' there shows");
		expect(remedyWith([{name: 'mine', arn: 'arn:aws:iam::111122223333:user/admin', roles: ['caller']}])).toContain('(aws iam list-access-keys --user-name NAME there shows');
	});

	it('an upload naming a key whose URL did not sign the SSE headers is warned about; AWS does not document the answer, so no verdict rests on it', () => {
		const unsigned = presignedSnapshot('presigned-upload', factsOf(awsExample).presignedUrl);
		const diagnosis = diagnose(unsigned);
		expect(decisions(diagnosis)).toEqual({'s3:PutObject@destination': 'allowed', 'kms:GenerateDataKey@destination': 'allowed'});
		const finding = diagnosis.findings.find(candidate => candidate.id === 'presigned-upload-sse-headers-unsigned')!;
		expect(finding.severity).toBe('warning');
		expect(finding.message).toContain('x-amz-server-side-encryption, x-amz-server-side-encryption-aws-kms-key-id');
		const signed = presignedSnapshot('presigned-upload', {...factsOf(awsExample).presignedUrl, signedHeaders: ['host', 'x-amz-server-side-encryption', 'x-amz-server-side-encryption-aws-kms-key-id']});
		expect(findingIds(diagnose(signed))).not.toContain('presigned-upload-sse-headers-unsigned');
	});

	it('a presigned upload is one PutObject with kms:GenerateDataKey, never multipart', () => {
		const diagnosis = diagnose(presignedSnapshot('presigned-upload', factsOf(awsExample).presignedUrl, {question: {sizeBytes: 2 * 1024 ** 3}}));
		expect(diagnosis.actions.map(action => action.id)).toEqual(['s3:PutObject@destination', 'kms:GenerateDataKey@destination']);
		expect(diagnosis.question.principalArn).toBe(`arn:aws:iam::${account}:user/alice`);
	});
});

describe('examples/presigned-download-sigv2.json', () => {
	it('every policy allows it, and it still fails: the verdict is denied, and the SigV2 finding says why', async () => {
		const {readFileSync} = await import('node:fs');
		const {parseSnapshot} = await import('../../source/snapshot/parse-snapshot.js');
		const parsed = parseSnapshot(readFileSync(new URL('../../examples/presigned-download-sigv2.json', import.meta.url), 'utf8'), 'example');
		if (!parsed.ok) throw new Error(parsed.error.message);
		const diagnosis = diagnose(parsed.value);
		expect(decisions(diagnosis)).toEqual({'s3:GetObject@destination': 'allowed', 'kms:Decrypt@destination': 'allowed'});
		expect(findingIds(diagnosis)).toContain('presigned-url-sigv2');
		expect(diagnosis.verdict).toBe('denied');
	});
});

describe('a hostile presigned URL', () => {
	it('carries control characters in its key only as far as the report, which shows none of them', () => {
		const facts = factsOf(`https://${bucket}.s3.amazonaws.com/evil%1B%5B31mred%07.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${signature}`);
		expect(facts.objectKey).toBe('evil\u001B[31mred\u0007.csv');
		const diagnosis = diagnose(presignedSnapshot('presigned-download', facts.presignedUrl, {question: {objectKey: facts.objectKey}}));
		// Tab and newline aside, no C0 control character nor DEL.
		const controls = (output: string): string[] => [...output].filter(character => (character < ' ' && character !== '\n' && character !== '\t') || character === '\u007F');
		expect(controls(renderText(diagnosis, {color: false, width: 100}))).toEqual([]);
		expect(controls(renderMarkdown(diagnosis))).toEqual([]);
	});

	it('keeps nothing of a malformed header list, expiry or access key', () => {
		const facts = factsOf(`https://${bucket}.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%1B[2J%2F20261204&X-Amz-Date=yesterday&X-Amz-Expires=99999999&X-Amz-SignedHeaders=host%3B%1B[2J&X-Amz-Signature=${signature}`);
		expect(facts.presignedUrl).toEqual({signatureVersion: 4, signedHeaders: ['host']});
	});
});
