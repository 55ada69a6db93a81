import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../../source/snapshot/snapshot.js';
import {walk} from '../../../source/ui/conversation/walk.js';
import {flowEnv} from '../helpers/flow-env.js';

/**
 * The paste path asks only what can change the answer. Issue: "after pasting the first seed article's UploadPart
 * error, the paste path asks 15 more questions (five of them answered by the error) and still ends '? Unknown';
 * the target is a proven fix in at most 8."
 */

const env = flowEnv();

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const caller = 'arn:aws:sts::111122223333:assumed-role/Uploader/alice';
const role = 'arn:aws:iam::111122223333:role/Uploader';
const document = (...statements: object[]): string => JSON.stringify({Version: '2012-10-17', Statement: statements});
const seedError = readFileSync('test/fixtures/errors/cli-upload-part-kms-decrypt.txt', 'utf8').trim();
// The first seed article: the key policy lets the uploader use only kms:GenerateDataKey; IAM allows PutObject and GenerateDataKey.
const keyPolicy = document({Sid: 'Allow use of the key', Effect: 'Allow', Principal: {AWS: role}, Action: 'kms:GenerateDataKey', Resource: '*'});
const identity = document({Effect: 'Allow', Action: ['s3:PutObject', 'kms:GenerateDataKey'], Resource: '*'});

type Script = Readonly<Record<string, string>>;

/** Walks the conversation, answering from the script; fails on a question the script does not answer. */
const run = (start: Script, script: Script): {asked: string[]; snapshot: Snapshot} => {
	const answers: Record<string, string> = {...start};
	const asked: string[] = [];
	for (let round = 0; round < 60; round++) {
		const next = walk(answers, env).next;
		if (next.kind === 'done') return {asked, snapshot: next.ending.snapshot};
		if (next.kind !== 'ask') throw new Error(`stopped at a ${next.kind}`);
		const {id} = next.question;
		if (script[id] === undefined) throw new Error(`asked ${id}, which the script does not answer (asked so far: ${asked.join(', ')})`);
		asked.push(id);
		answers[id] = script[id]!;
	}
	throw new Error('the conversation did not end');
};

const answersAfterError: Script = {
	'bucket-account': 'same',
	'key-policy-how': 'paste',
	'key-policy': keyPolicy,
	'identity-how': 'paste',
	'identity-policy-1': identity,
	'identity-more-1': 'no',
	'bucket-policy-how': 'none',
	guardrails: 'none',
};

describe('the first seed article, after pasting its UploadPart error', () => {
	it('reaches a proven fix in at most 8 questions, none of them answered by the error', () => {
		const {asked, snapshot} = run({start: 'error', 'error-text': seedError}, answersAfterError);
		expect(asked.length).toBeLessThanOrEqual(8);
		// The error names the object, the caller, the key (so its Region) and the call (UploadPart: multipart); a refusal proves no grant allowed it.
		for (const settled of ['read-how', 'bucket', 'object-key', 'principal', 'names-key', 'kms-key', 'default-key', 'size', 'tool', 'bucket-region', 'grants-how']) expect(asked).not.toContain(settled);
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.requirements.find(row => row.action === 'kms:Decrypt' && row.place === 'key-policy')?.status).toBe('missing');
		expect(diagnosis.fixes[0]).toMatchObject({kind: 'add-allow', place: 'key-policy', proven: true});
		expect(diagnosis.findings.map(finding => finding.id)).toContain('multipart-requires-decrypt');
		expect(diagnosis.assumptions).toEqual([
			{id: 'no-grants', statement: 'no KMS grant on the key allows these actions', because: 'the pasted error shows kms:Decrypt refused on this key; aws kms list-grants settles it'},
			// Pasted policies never include the key's state, nor its spec (an upload needs a symmetric key): one read tells both, one sentence says both.
			{id: 'key-enabled', statement: expect.stringMatching(/^the KMS key arn:aws:kms:eu-west-1:\d{12}:key\/[0-9a-f-]+ is enabled and symmetric \(its state and spec, from kms:DescribeKey, were not read or given\)$/)},
		]);
		expect(diagnosis.question).toMatchObject({bucket: 'amzn-s3-demo-bucket', objectKey: 'backups/db-2024-06-01.tar', multipart: 'yes', bucketRegion: 'eu-west-1'});
	});
});

/**
 * A message that names kms:Decrypt on the upload's key, but not the call that failed: an upload calls kms:Decrypt only in
 * parts ("the requester needs permissions for the kms:Decrypt action on the UploadPart and UploadPartCopy APIs", S3 API
 * Reference, CreateMultipartUpload), so it went in parts, and neither the size nor the tool can change that.
 */
describe("AWS's message naming kms:Decrypt on the key, without the call that failed", () => {
	const message = `User: ${caller} is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no resource-based policy allows the kms:Decrypt action`;
	const start: Script = {start: 'error', 'error-text': message};
	const script: Script = {operation: 'upload', bucket: 's3://amzn-s3-demo-bucket/backups/db-2024-06-01.tar', ...answersAfterError, 'grants-how': 'none'};

	it('asks neither the size nor the tool, says why, and the report says the message told it went in parts', () => {
		const {asked, snapshot} = run(start, script);
		expect(asked).not.toContain('size');
		expect(asked).not.toContain('tool');
		const notes = walk({...start, ...script}, env).steps.flatMap(step => (step.kind === 'reads' ? [] : step.notes)).map(note => note.text);
		expect(notes).toContain(
			`The pasted AccessDenied message names kms:Decrypt on ${keyArn}, which S3 calls on that key only in a multipart upload, so the request went in parts: the size and the tool are not asked.`,
		);
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.question.multipart).toBe('yes');
		expect(diagnosis.question.inPartsShownBy).toContain('the pasted AccessDenied message names kms:Decrypt');
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.unknowns.map(note => note.what)).not.toContain('whether the request goes in parts');
	});
});

describe('the first seed article, pasted without an error', () => {
	const start: Script = {start: 'manual', operation: 'upload', bucket: 's3://amzn-s3-demo-bucket/big.bin', 'names-key': 'yes', 'kms-key': keyArn, size: '200 MB', tool: 'aws-cli', principal: caller, 'bucket-region': 'eu-west-1'};

	it('asks for the KMS grants; "none" gives ✘ kms:Decrypt at the key policy with the proven fix and the multipart warning', () => {
		const {asked, snapshot} = run(start, {...answersAfterError, 'grants-how': 'none'});
		expect(asked).toContain('grants-how');
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.fixes[0]).toMatchObject({kind: 'add-allow', place: 'key-policy', proven: true});
		expect(diagnosis.findings.map(finding => finding.id)).toContain('multipart-requires-decrypt');
	});

	it('"I do not know" keeps the grants unknown: the headline leads with the cause, and the fix is still shown', () => {
		const {snapshot} = run(start, {...answersAfterError, 'grants-how': 'unknown'});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.summary).toContain('kms:Decrypt is not allowed by the key policy — unless a KMS grant allows it (grants not given)');
		expect(diagnosis.fixes.some(fix => fix.place === 'key-policy')).toBe(true);
	});

	it('pasted list-grants output is read: a grant for the caller allows kms:Decrypt', () => {
		const grants = JSON.stringify({Grants: [{KeyId: keyArn, GrantId: 'abc', Name: 'uploads', GranteePrincipal: role, Operations: ['Decrypt']}]});
		const {snapshot} = run(start, {...answersAfterError, 'grants-how': 'paste', grants});
		expect(snapshot.key?.grants).toEqual([{grantId: 'abc', name: 'uploads', granteePrincipal: role, operations: ['Decrypt']}]);
		expect(diagnose(snapshot).verdict).toBe('allowed');
	});
});

describe('the S3 Bucket Key', () => {
	const start: Script = {start: 'manual', operation: 'upload', bucket: 's3://reports-bucket/big.csv', 'names-key': 'no', 'default-key': keyArn, size: '1 MB', tool: 'aws-cli', principal: caller, 'bucket-region': 'eu-west-1'};
	const pinned = document({Effect: 'Allow', Principal: {AWS: role}, Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*', Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::reports-bucket/*'}}});
	const script: Script = {...answersAfterError, 'key-policy': pinned, 'grants-how': 'none'};

	it('is asked when a policy tests the encryption context, and the answer changes the verdict', () => {
		const off = run(start, {...script, 'bucket-key': 'off'});
		expect(off.asked).toContain('bucket-key');
		expect(diagnose(off.snapshot).verdict).toBe('allowed');
		expect(diagnose(run(start, {...script, 'bucket-key': 'on'}).snapshot).verdict).toBe('denied');
		expect(diagnose(run(start, {...script, 'bucket-key': 'unknown'}).snapshot).verdict).toBe('unknown');
	});

	it('is not asked when no policy depends on it', () => {
		const {asked} = run(start, {...answersAfterError, 'grants-how': 'none'});
		expect(asked).not.toContain('bucket-key');
	});

	// S3 User Guide, "Configuring your bucket to use an S3 Bucket Key": "When an S3 Bucket Key is enabled for the source or
	// destination bucket, the encryption context will be the bucket Amazon Resource Name (ARN) and not the object ARN".
	it("is not asked after a pasted CloudTrail event of the KMS call: the context it shows settles it (the bucket's ARN: on)", () => {
		const event = readFileSync('test/fixtures/errors/cloudtrail-decrypt-denied.json', 'utf8')
			.replaceAll('kms:Decrypt', 'kms:GenerateDataKey')
			.replace('"eventName": "Decrypt"', '"eventName": "GenerateDataKey"')
			.replace('arn:aws:s3:::amzn-s3-demo-bucket/backups/db-2024-06-01.tar', 'arn:aws:s3:::reports-bucket');
		const {asked, snapshot} = run({start: 'error', 'error-text': event}, {operation: 'upload', bucket: 's3://reports-bucket/big.csv', tool: 'aws-cli', size: '1 MB', ...script});
		expect(asked).not.toContain('bucket-key');
		expect(asked).toEqual(['operation', 'bucket', 'tool', 'size', 'bucket-account', 'key-policy-how', 'key-policy', 'identity-how', 'identity-policy-1', 'identity-more-1', 'bucket-policy-how', 'guardrails']);
		// The key policy is pinned to object ARNs: with the bucket's ARN as context it does not match.
		expect(diagnose(snapshot).verdict).toBe('denied');
	});
});

// IAM: aws:PrincipalArn of a role session is "the ARN of the role, not the ARN of the user that assumed the role", and a
// role's ARN is "arn:aws:iam::account:role/role-name-with-path": the session ARN (assumed-role/role-name/session) leaves the path out.
describe("a session's role ARN", () => {
	const start: Script = {start: 'manual', operation: 'download', bucket: 's3://reports-bucket/q1.csv', 'object-kms-key': keyArn, principal: caller, 'bucket-region': 'eu-west-1'};
	const onlyUploader = document({Sid: 'OnlyUploader', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports-bucket/*', Condition: {ArnNotLike: {'aws:PrincipalArn': role}}});
	const script: Script = {
		'bucket-account': 'same',
		'key-policy-how': 'paste',
		'key-policy': document({Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}),
		'grants-how': 'none',
		'identity-how': 'paste',
		'identity-policy-1': document({Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*'}),
		'identity-more-1': 'no',
		'bucket-policy-how': 'paste',
		'bucket-policy': onlyUploader,
		guardrails: 'none',
	};

	it('is asked when a pasted policy tests aws:PrincipalArn, and the answer decides the verdict', () => {
		const noPath = run(start, {...script, 'role-arn': role});
		expect(noPath.asked).toContain('role-arn');
		expect(noPath.snapshot.principal?.roleArn).toBe(role);
		expect(diagnose(noPath.snapshot).verdict).toBe('allowed');
		expect(diagnose(run(start, {...script, 'role-arn': 'arn:aws:iam::111122223333:role/team/Uploader'}).snapshot).verdict).toBe('denied');
	});

	it('left empty stays unknown, and the result names the read that settles it', () => {
		const {snapshot} = run(start, {...script, 'role-arn': ''});
		expect(snapshot.principal?.roleArn).toBeUndefined();
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.unknowns.find(unknown => unknown.what === "the request's aws:PrincipalArn")?.resolveWith).toContain('iam:GetRole on role Uploader');
	});

	it("takes only a role ARN of the session's account and role name", () => {
		const answers = {...start, ...script};
		const next = walk(answers, env).next;
		const question = next.kind === 'ask' ? next.question : undefined;
		expect(question?.id).toBe('role-arn');
		const validate = question?.kind === 'text' ? question.validate : () => 'not a text question';
		expect(validate('arn:aws:iam::111122223333:role/team/Uploader')).toBeUndefined();
		expect(validate('')).toBeUndefined();
		expect(validate('arn:aws:iam::111122223333:role/team/Reader')).toContain('is not the ARN of role Uploader in account 111122223333');
		expect(validate('arn:aws:iam::444455556666:role/Uploader')).toContain('is not the ARN of role Uploader');
		expect(validate(caller)).toContain("is not a role's ARN");
	});

	it('is not asked when no pasted policy tests aws:PrincipalArn', () => {
		const {asked} = run(start, {...script, 'bucket-policy-how': 'none'});
		expect(asked).not.toContain('role-arn');
	});

	// CloudTrail userIdentity element: for a session, sessionContext.sessionIssuer holds "additional details about the role
	// that was assumed to get credentials", its arn the role's ("arn:aws:iam::account:role/role-name-with-path", IAM).
	const eventWithIssuer = (issuerArn: string): string =>
		readFileSync('test/fixtures/errors/cloudtrail-decrypt-denied.json', 'utf8')
			.replace('"arn": "arn:aws:iam::111122223333:role/Uploader"', `"arn": "${issuerArn}"`)
			.replace('arn:aws:s3:::amzn-s3-demo-bucket/backups/db-2024-06-01.tar', 'arn:aws:s3:::reports-bucket/q1.csv');

	it("is not asked after a pasted CloudTrail event of the session: its sessionIssuer names the role, path included", () => {
		const {asked, snapshot} = run({start: 'error', 'error-text': eventWithIssuer('arn:aws:iam::111122223333:role/team/Uploader')}, {operation: 'download', ...script});
		expect(asked).toEqual(['operation', 'bucket-account', 'key-policy-how', 'key-policy', 'identity-how', 'identity-policy-1', 'identity-more-1', 'bucket-policy-how', 'bucket-policy', 'guardrails']);
		expect(snapshot.principal?.roleArn).toBe('arn:aws:iam::111122223333:role/team/Uploader');
		// The bucket policy denies every ARN but role/Uploader's, without a path: this role is denied.
		expect(diagnose(snapshot).verdict).toBe('denied');
	});

	it("is still asked when the event's sessionIssuer names another role than the session's", () => {
		const {asked} = run({start: 'error', 'error-text': eventWithIssuer('arn:aws:iam::111122223333:role/Reader')}, {operation: 'download', ...script, 'role-arn': role});
		expect(asked).toContain('role-arn');
	});
});

// IAM, "Passing session tags in AWS STS": "New session tags override existing assumed role or federated user tags with the
// same tag key, regardless of case", and AWS cannot read a session's tags back: where a policy tests aws:PrincipalTag, ask.
describe("a session's tags", () => {
	const start: Script = {start: 'manual', operation: 'download', bucket: 's3://reports-bucket/q1.csv', 'object-kms-key': keyArn, principal: caller, 'bucket-region': 'eu-west-1'};
	const script = (condition: boolean): Script => ({
		'bucket-account': 'same',
		'key-policy-how': 'paste',
		'key-policy': document({Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}),
		'grants-how': 'none',
		'identity-how': 'paste',
		'identity-policy-1': document({Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*', ...(condition ? {Condition: {StringEquals: {'aws:PrincipalTag/team': 'data'}}} : {})}),
		'identity-more-1': 'no',
		'bucket-policy-how': 'none',
		guardrails: 'none',
	});

	it('are asked when a pasted policy tests aws:PrincipalTag, and the answer decides the verdict', () => {
		const data = run(start, {...script(true), 'session-tags': 'Team=data, project=atlas'});
		expect(data.asked).toContain('session-tags');
		expect(data.snapshot.principal?.sessionTags).toEqual({Team: 'data', project: 'atlas'});
		expect(diagnose(data.snapshot).verdict).toBe('allowed');
		expect(diagnose(run(start, {...script(true), 'session-tags': 'team=ops'}).snapshot).verdict).toBe('denied');
	});

	it('left empty stay unknown, and the result names the CloudTrail event that shows them', () => {
		const {snapshot} = run(start, {...script(true), 'session-tags': ''});
		expect(snapshot.principal?.sessionTags).toBeUndefined();
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.unknowns.find(unknown => unknown.what.includes('aws:PrincipalTag/team'))?.resolveWith).toContain('the CloudTrail event of the call that created the session');
	});

	it('take KEY=VALUE pairs or none, as IAM takes tags', () => {
		const next = walk({...start, ...script(true)}, env).next;
		const question = next.kind === 'ask' ? next.question : undefined;
		expect(question?.id).toBe('session-tags');
		expect(question?.prompt).toContain('A policy tests aws:PrincipalTag/team');
		const validate = question?.kind === 'text' ? question.validate : () => 'not a text question';
		expect(validate('team=data, cost-center=12 34')).toBeUndefined();
		expect(validate('none')).toBeUndefined();
		expect(validate('team')).toContain('"team" has no KEY=VALUE');
		expect(validate('aws:team=x')).toContain('starts with aws:');
		expect(validate('team=a, TEAM=b')).toContain('is given twice');
		expect(validate('team=a;b')).toContain('is not a tag value');
	});

	it('are not asked when no pasted policy tests aws:PrincipalTag', () => {
		expect(run(start, script(false)).asked).not.toContain('session-tags');
	});
});

describe('a copy', () => {
	const start: Script = {start: 'manual', operation: 'copy', bucket: 's3://dest-bucket/copy.bin', 'source-bucket': 's3://source-bucket/original.bin', 'source-kms-key': keyArn, 'names-key': 'yes', 'kms-key': keyArn, size: '1 MB', tool: 'aws-cli', principal: caller, 'bucket-region': 'eu-west-1'};

	it("asks the source bucket's account, and in the caller's account proposes no source bucket policy", () => {
		const allowAll = document({Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*'});
		const enableIam = document({Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'});
		const {asked, snapshot} = run(start, {
			...answersAfterError,
			'source-bucket-account': 'caller',
			'key-policy': enableIam,
			'grants-how': 'none',
			'identity-policy-1': allowAll,
			'source-key-policy-how': 'paste',
			'source-key-policy': enableIam,
			'source-bucket-policy-how': 'none',
		});
		expect(asked).toContain('source-bucket-account');
		expect(snapshot.source?.bucketInfo?.accountId).toBe('111122223333');
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnosis.fixes.filter(fix => fix.place === 'bucket-policy')).toEqual([]);
	});
});

describe('a pasted error that names a service control policy', () => {
	const scpError = readFileSync('test/fixtures/errors/scp-explicit-with-policy-arn.txt', 'utf8').trim();
	const allowAll = document({Effect: 'Allow', Action: ['s3:PutObject', 'kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*'});
	const enableIam = document({Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'});
	const script: Script = {
		...answersAfterError,
		'names-key': 'no',
		'default-key': keyArn,
		size: '1 MB',
		tool: 'aws-cli',
		'bucket-region': 'eu-west-1',
		'key-policy': enableIam,
		'grants-how': 'none',
		'identity-policy-1': allowAll,
		guardrails: 'unknown',
	};

	it('says an SCP is what denied, with the policy AWS named, though the SCPs could not be pasted', () => {
		const diagnosis = diagnose(run({start: 'error', 'error-text': scpError}, script).snapshot);
		const finding = diagnosis.findings.find(candidate => candidate.id === 'denied-by-scp-per-error');
		expect(finding?.message).toContain(
			'says s3:PutObject was denied "with an explicit deny in a service control policy" (arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp1): an SCP is what denied, by a Deny statement or by a level where none allows s3:PutObject',
		);
		expect(finding?.remedy).toContain('aws organizations describe-policy --policy-id p-examplescp1');
		expect(diagnosis.verdict).toBe('denied');
		// The row agrees with the verdict: ✘ by the message (AWS words an SCP's implicit deny as explicit too), not "may allow or deny".
		expect(diagnosis.requirements.find(row => row.place === 'scp' && row.action === 's3:PutObject')).toMatchObject({status: 'missing', decidedBy: expect.stringContaining('pasted AccessDenied message')});
	});

	it('says what the message settles, an SCP refused, not that a Deny did: AWS words an implicit SCP deny as explicit too', () => {
		// IAM User Guide: "When an SCP denies access, the error message always includes the phrase due to an explicit deny in
		// a Service Control Policy, even if the denial is implicit."
		const first = walk({start: 'error', 'error-text': scpError}, env);
		const found = first.steps.flatMap(step => (step.kind === 'notes' ? step.notes : [])).filter(note => note.tone === 'found').map(note => note.text);
		expect(found).toContain('Policy: service control policy (SCP) (worded as an explicit deny, as AWS words every SCP denial: a Deny, or no Allow at some level)');
		expect(found.join('\n')).not.toContain('explicit Deny in');
	});

	it('answered "no SCP applies", the message outweighs the answer: the SCP row is unknown, never allowed', () => {
		const diagnosis = diagnose(run({start: 'error', 'error-text': scpError}, {...script, guardrails: 'none'}).snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.requirements.find(row => row.place === 'scp' && row.action === 's3:PutObject')).toMatchObject({
			status: 'unknown',
			why: expect.stringMatching(/^As given, no service control policy applies to the caller's account 111122223333, yet the pasted AccessDenied message says/),
			resolveWith: expect.stringContaining('aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY'),
		});
		expect(diagnosis.findings.find(candidate => candidate.id === 'denied-by-scp-per-error')?.message).toContain('yet as given, no service control policy applies');
	});

	it('a message naming another policy type proves nothing about the SCPs: they stay unknown', () => {
		const diagnosis = diagnose(run({start: 'error', 'error-text': seedError}, answersAfterError).snapshot);
		expect(diagnosis.findings.map(finding => finding.id)).not.toContain('denied-by-scp-per-error');
	});
});

describe('"copy failed: …" from a call that does not say whether it went in parts', () => {
	// `aws s3 cp` reads the source's tags for a copy (GetObjectTagging): neither one request nor a part of one.
	const tagsError =
		'copy failed: s3://src-bucket/in/a.bin to s3://dst-bucket/out/a.bin An error occurred (AccessDenied) when calling the GetObjectTagging operation: User: arn:aws:iam::111122223333:user/copier is not authorized to perform: s3:GetObjectTagging on resource: "arn:aws:s3:::src-bucket/in/a.bin" because no identity-based policy allows the s3:GetObjectTagging action';

	it('takes the tool (the AWS CLI prints it) and the source from it, and asks the size', () => {
		const {asked, snapshot} = run(
			{start: 'error', 'error-text': tagsError},
			{...answersAfterError, 'source-kms-key': keyArn, 'names-key': 'yes', 'kms-key': keyArn, size: '100 MB', 'bucket-region': 'eu-west-1', 'source-bucket-account': 'caller', 'grants-how': 'none', 'source-key-policy-how': 'unknown', 'source-bucket-policy-how': 'none'},
		);
		expect(asked).toContain('size');
		for (const settled of ['tool', 'source-bucket', 'source-key']) expect(asked).not.toContain(settled);
		expect(snapshot.question).toMatchObject({operation: 'copy', tool: 'aws-cli', sizeBytes: 100_000_000, source: {bucket: 'src-bucket', objectKey: 'in/a.bin', kmsKeyId: keyArn}});
		const shown = walk({start: 'error', 'error-text': tagsError, 'source-kms-key': keyArn, 'names-key': 'yes', 'kms-key': keyArn}, env).steps.flatMap(step => (step.kind === 'notes' ? step.notes : [])).map(note => note.text);
		expect(shown).toContain('Tool: the AWS CLI (its aws s3 commands report "… failed: A to B")');
	});
});
