import {describe, expect, it} from 'vitest';
import {loadActionCatalogue} from '../../source/commands/action-catalogue.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis, Fix} from '../../source/diagnosis/diagnosis.js';
import {fixHeading} from '../../source/report/describe.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderText} from '../../source/report/render-text.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucket, bucketArn, buildSnapshot, crossAccountDownload, deny, enableIam, keyArn, named, objectArn, objectKey, otherAccount, policy, userArn, without} from './support/build-snapshot.js';
import {applyFix, argvOf, expectFixesHold} from './support/fix-checks.js';

/**
 * Fixes that keep the guardrails: a policy the request can satisfy is satisfied before it is bent, and a
 * narrowed Deny comes last, saying what it gives up.
 */

const put = 's3:PutObject@destination';
const kinds = (diagnosis: Diagnosis): Fix['kind'][] => diagnosis.fixes.map(fix => fix.kind);

describe('a bucket policy that denies uploads without the SSE-KMS header, the upload relying on default encryption', () => {
	const requireKms = deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'RequireSseKms', Principal: '*', Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption': 'aws:kms'}}});
	const snapshot = without(buildSnapshot({bucket: {policy: policy(allow('s3:GetObject', `${bucketArn}/*`, {Sid: 'Readers', Principal: {AWS: `arn:aws:iam::${account}:root`}}), requireKms)}}), 'question.kmsKeyId');
	const diagnosis = diagnose(snapshot);

	it('first changes the request: aws s3 cp with --sse aws:kms and the key ARN, proven by re-diagnosing it', () => {
		expect(diagnosis.verdict).toBe('denied');
		const [first] = diagnosis.fixes;
		expect(first).toMatchObject({kind: 'change-request', place: null, target: null, statement: null, policy: null, proven: true, resolves: [`${put}#bucket-policy`], weakens: null});
		// "If you specify x-amz-server-side-encryption:aws:kms … but do not provide
		// x-amz-server-side-encryption-aws-kms-key-id, Amazon S3 uses the Amazon Web Services managed key (aws/s3)"
		// (S3 API reference, PutObject): so the command names the key as well as the algorithm.
		expect(argvOf(first!.command)).toEqual(['s3', 'cp', 'q1.csv', `s3://${bucket}/${objectKey}`, '--sse', 'aws:kms', '--sse-kms-key-id', keyArn]);
		// The SDKs' names for the same two headers (PutObjectRequest in @aws-sdk/client-s3, boto3 put_object).
		expect(first!.summary).toContain(`ServerSideEncryption: "aws:kms"`);
		expect(first!.summary).toContain(`SSEKMSKeyId: "${keyArn}"`);
		expect(first!.appliesIn).toEqual({account, role: 'requester'});
	});

	it('offers the narrowed Deny only after it, saying what it gives up', () => {
		expect(kinds(diagnosis)).toEqual(['change-request', 'narrow-deny']);
		const narrowed = diagnosis.fixes[1]!;
		expect(narrowed.weakens).toBe('user alice may then upload objects without SSE-KMS.');
		expect(narrowed.appliesIn).toEqual({account, role: 'bucket-owner'});
		expect(narrowed.summary).not.toMatch(/Then:.*Narrow/);
		expectFixesHold(snapshot, diagnosis);
	});

	it('a request already sending the headers is allowed by the same policy', () => {
		expect(diagnose(buildSnapshot({bucket: {policy: policy(requireKms)}})).verdict).toBe('allowed');
		expect(objectArn).toContain(objectKey);
		expect(userArn).toContain(account);
	});
});

describe('a key policy Deny pinning the encryption context to object ARNs, while S3 Bucket Keys send the bucket ARN', () => {
	const gdk = 'kms:GenerateDataKey@destination';
	const decrypt = 'kms:Decrypt@destination';
	const context = 'kms:EncryptionContext:aws:s3:arn';
	const pinned = deny(['kms:GenerateDataKey', 'kms:Decrypt'], '*', {Sid: 'OnlyOurObjects', Principal: '*', Condition: {StringNotLike: {[context]: `${bucketArn}/*`}}});
	const snapshot = buildSnapshot({
		question: {sizeBytes: 100 * 1024 * 1024},
		bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}},
		key: {policy: policy(enableIam(), pinned)},
	});
	const diagnosis = diagnose(snapshot);

	it('first corrects the condition to accept the bucket ARN as well, keeping the Deny for every other context', () => {
		expect(diagnosis.verdict).toBe('denied');
		const [first] = diagnosis.fixes;
		expect(first).toMatchObject({kind: 'correct-condition', place: 'key-policy', target: keyArn, proven: true, weakens: null});
		expect([...first!.resolves].sort()).toEqual([`${decrypt}#key-policy`, `${gdk}#key-policy`]);
		// Both values: objects written before Bucket Keys were on keep the object ARN as their context.
		expect(first!.statement).toEqual({...pinned, Condition: {StringNotLike: {[context]: [`${bucketArn}/*`, bucketArn]}}});
		expect(first!.appliesIn).toEqual({account, role: 'key-owner'});
		// Still a Deny: another bucket's context is refused as before.
		const after = diagnose({...snapshot, key: {...snapshot.key!, policy: first!.policy!}});
		expect(after.verdict).toBe('allowed');
	});

	it('the narrowed Deny comes after it and says what it gives up', () => {
		expect(kinds(diagnosis)).toEqual(['correct-condition', 'narrow-deny']);
		expect(diagnosis.fixes[1]!.weakens).toBe(`user alice may then generate data keys with the key and decrypt with the key for any S3 object or bucket, not only "${bucketArn}/*".`);
		expectFixesHold(snapshot, diagnosis);
	});
});

describe('a correction and an Allow the same key policy needs', () => {
	// The Deny pinned to object ARNs breaks kms:Decrypt under Bucket Keys; the key policy also lacks kms:GenerateDataKey.
	const pinned = deny('kms:Decrypt', '*', {Sid: 'OnlyOurObjects', Principal: '*', Condition: {StringNotLike: {'kms:EncryptionContext:aws:s3:arn': `${bucketArn}/*`}}});
	const snapshot = buildSnapshot({
		question: {sizeBytes: 100 * 1024 * 1024},
		bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}},
		key: {policy: policy(allow('kms:Decrypt', '*', {Sid: 'AliceDecrypts', Principal: {AWS: userArn}}), pinned)},
	});
	const diagnosis = diagnose(snapshot);

	it('are one fix: two commands each putting the whole policy as it was would undo each other', () => {
		const keepers = diagnosis.fixes.filter(fix => fix.place === 'key-policy' && fix.weakens === null);
		expect(keepers).toHaveLength(1);
		expect(keepers[0]).toMatchObject({proven: true, remains: null});
		expect(keepers[0]!.statements.map(statement => statement['Sid'])).toEqual(['AllowAliceUseOfKeyThroughS3', 'OnlyOurObjects']);
		expectFixesHold(snapshot, {...diagnosis, fixes: keepers});
	});

	it('is named by both changes it makes, not as an added Allow alone', () => {
		const [merged] = diagnosis.fixes.filter(fix => fix.place === 'key-policy' && fix.weakens === null);
		// Its kind stays the costliest change, the one a reviewer must weigh; the correction folded into it is said too.
		expect(merged).toMatchObject({kind: 'add-allow', alsoKinds: ['correct-condition']});
		expect(fixHeading(merged!)).toBe('Key policy: correct a condition and add an allow');
		expect(renderText(diagnosis, {color: false})).toContain('Key policy: correct a condition and add an allow');
		expect(JSON.parse(renderJson(diagnosis)).fixes[0]).toMatchObject({kind: 'add-allow', alsoKinds: ['correct-condition']});
		// The narrowed Deny of the same policy, with the Allow it uncovered, says both as well.
		const narrowed = diagnosis.fixes.find(fix => fix.kind === 'narrow-deny')!;
		expect(fixHeading(narrowed)).toBe('Key policy: add an allow and narrow the deny');
	});

	it('an Allow added alone is still "add an allow"', () => {
		const alone = diagnose(buildSnapshot({key: {policy: policy(allow('kms:Decrypt', '*', {Sid: 'AliceDecrypts', Principal: {AWS: userArn}}))}})).fixes.find(fix => fix.place === 'key-policy')!;
		expect(alone).not.toHaveProperty('alsoKinds');
		expect(fixHeading(alone)).toBe('Key policy: add an allow');
	});

	it('every fix that gives nothing up, pasted in the order listed, allows the request', () => {
		const pasted = diagnosis.fixes.filter(fix => fix.weakens === null).reduce((current, fix) => applyFix(current, fix), snapshot);
		expect(diagnose(pasted).verdict).toBe('allowed');
	});
});

describe('two conditions of one key policy that cannot fit: a kms:ViaService in another Region, an encryption context under Bucket Keys', () => {
	const snapshot = buildSnapshot({
		question: {sizeBytes: 100 * 1024 * 1024},
		bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}},
		key: {
			policy: policy(
				allow(['kms:GenerateDataKey', 'kms:Decrypt'], '*', {Sid: 'ViaS3', Principal: {AWS: userArn}, Condition: {StringEquals: {'kms:ViaService': 's3.us-east-1.amazonaws.com'}}}),
				deny('kms:Decrypt', '*', {Sid: 'OnlyOurObjects', Principal: '*', Condition: {StringNotLike: {'kms:EncryptionContext:aws:s3:arn': `${bucketArn}/*`}}}),
			),
		},
	});
	const diagnosis = diagnose(snapshot);

	it('are corrected in one fix, which alone allows the request', () => {
		const corrections = diagnosis.fixes.filter(fix => fix.kind === 'correct-condition');
		expect(corrections).toHaveLength(1);
		expect(corrections[0]!.statements.map(statement => statement['Sid'])).toEqual(['ViaS3', 'OnlyOurObjects']);
		expect(corrections[0]).toMatchObject({proven: true, remains: null});
	});

	it('every fix that gives nothing up, pasted in the order listed, allows the request', () => {
		const pasted = diagnosis.fixes.filter(fix => fix.weakens === null).reduce((current, fix) => applyFix(current, fix), snapshot);
		expect(diagnose(pasted).verdict).toBe('allowed');
	});
});

describe('a key policy Deny pinning the encryption context to a prefix, while S3 Bucket Keys send the bucket ARN', () => {
	// "When an S3 Bucket Key is enabled for the source or destination bucket, the encryption context will be the bucket
	// Amazon Resource Name (ARN) and not the object ARN" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-bucket-key.html):
	// the bucket ARN names no prefix, so a Deny that accepts it no longer keeps the key's use to the prefix.
	const context = 'kms:EncryptionContext:aws:s3:arn';
	const reportsOnly = deny(['kms:GenerateDataKey', 'kms:Decrypt'], '*', {Sid: 'OnlyReports', Principal: '*', Condition: {StringNotLike: {[context]: `${bucketArn}/reports/*`}}});
	const snapshot = buildSnapshot({
		bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}},
		key: {policy: policy(enableIam(), reportsOnly)},
	});
	const diagnosis = diagnose(snapshot);

	it('corrects the condition, but says the prefix is given up for every principal the Deny names, listed with what gives protection up', () => {
		const corrected = diagnosis.fixes.find(fix => fix.kind === 'correct-condition')!;
		expect(corrected.statement).toEqual({...reportsOnly, Condition: {StringNotLike: {[context]: [`${bucketArn}/reports/*`, bucketArn]}}});
		expect(corrected.weakens).toBe(
			`key policy, Sid "OnlyReports" then no longer keeps the key's use to "${bucketArn}/reports/*", for everyone it applies to: under a Bucket Key the encryption context is the bucket ARN ${bucketArn}, never the object's, so the use for every object of the bucket gets through.`,
		);
		// What gives protection up comes after what does not: here both do, the correction before the narrowed Deny.
		expect(kinds(diagnosis)).toEqual(['correct-condition', 'narrow-deny']);
		expect(corrected.proven).toBe(true);
		expectFixesHold(snapshot, diagnosis);
	});

	it('an Allow kept to that prefix is corrected too, its summary saying it then allows the whole bucket', () => {
		const keyPolicy = policy(allow('kms:GenerateDataKey', '*', {Sid: 'ReportsOnly', Principal: {AWS: userArn}, Condition: {StringLike: {[context]: `${bucketArn}/reports/*`}}}));
		const allowed = diagnose(buildSnapshot({bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}}, key: {policy: keyPolicy}}));
		const [fix] = allowed.fixes;
		expect(fix).toMatchObject({kind: 'correct-condition', weakens: null});
		expect(fix!.summary).toContain(`The statement then allows kms:GenerateDataKey for every object of the bucket, not only "${bucketArn}/reports/*"`);
	});
});

describe('conditions that cannot fit, on an Allow', () => {
	it('an Allow pinned to object ARNs under Bucket Keys is corrected, not doubled by a parallel statement', () => {
		const snapshot = buildSnapshot({
			question: {sizeBytes: 100 * 1024 * 1024},
			principal: {identityPolicies: [named('Write', policy(allow('s3:PutObject', `${bucketArn}/*`)))]},
			bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}},
			key: {policy: policy(allow(['kms:GenerateDataKey', 'kms:Decrypt'], '*', {Sid: 'ObjectsOnly', Principal: {AWS: userArn}, Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': `${bucketArn}/*`}}}))},
		});
		const diagnosis = diagnose(snapshot);
		expect(kinds(diagnosis)).toEqual(['correct-condition']);
		expect(diagnosis.fixes[0]!.statement).toMatchObject({Sid: 'ObjectsOnly', Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': [`${bucketArn}/*`, bucketArn]}}});
		expectFixesHold(snapshot, diagnosis);
	});

	// IAM User Guide, condition operators: "StringEquals: Exact matching, case sensitive", while "StringLike: Case-sensitive
	// matching. The values can include multi-character match wildcards (*) and single-character match wildcards (?)".
	// S3 User Guide, "Configuring your bucket to use an S3 Bucket Key": "When an S3 Bucket Key is enabled for the source or destination bucket, the encryption context will be the bucket Amazon Resource Name (ARN) and not the object ARN";
	// off, the object ARN is. A bucket-pinned StringEquals corrected with "bucket/*" under StringEquals matched no object.
	const bucketPinned = (effect: 'Allow' | 'Deny', operator: string, extra: Record<string, unknown> = {}): Snapshot =>
		buildSnapshot({
			principal: {identityPolicies: [named('Write', policy(allow('s3:PutObject', `${bucketArn}/*`)))]},
			bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: false}},
			key: {
				policy: policy(
					effect === 'Allow'
						? allow('kms:GenerateDataKey', '*', {Sid: 'BucketOnly', Principal: {AWS: userArn}, Condition: {[operator]: {'kms:EncryptionContext:aws:s3:arn': bucketArn}, ...extra}})
						: enableIam(),
					...(effect === 'Deny' ? [deny('kms:*', '*', {Sid: 'BucketOnly', Principal: '*', Condition: {[operator]: {'kms:EncryptionContext:aws:s3:arn': bucketArn}, ...extra}})] : []),
				),
			},
		});

	it('an Allow pinned to the bucket ARN with StringEquals, Bucket Keys off: corrected under StringLike, where bucket/* matches, and proven', () => {
		const snapshot = bucketPinned('Allow', 'StringEquals');
		const diagnosis = diagnose(snapshot);
		const [fix] = diagnosis.fixes;
		expect(fix).toMatchObject({kind: 'correct-condition', proven: true});
		expect(fix!.statement).toMatchObject({Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': [bucketArn, `${bucketArn}/*`]}}});
		expect((fix!.statement as {Condition: Record<string, unknown>}).Condition).not.toHaveProperty('StringEquals');
		expect(fix!.summary).toContain('under StringLike (StringEquals reads * as a plain character)');
		expect(diagnosis.findings.find(finding => finding.id === 'bucket-key-context')?.remedy).toBe(`Match object ARNs: "${bucketArn}/*", under StringLike (StringEquals reads * as a plain character).`);
		expectFixesHold(snapshot, diagnosis);
	});

	it('a Deny unless the bucket ARN, with StringNotEquals: corrected under StringNotLike, still a Deny for other buckets', () => {
		const snapshot = bucketPinned('Deny', 'StringNotEquals');
		const diagnosis = diagnose(snapshot);
		const fix = diagnosis.fixes.find(candidate => candidate.kind === 'correct-condition');
		expect(fix).toMatchObject({proven: true, weakens: null});
		expect(fix!.statement).toMatchObject({Effect: 'Deny', Condition: {StringNotLike: {'kms:EncryptionContext:aws:s3:arn': [bucketArn, `${bucketArn}/*`]}}});
		expectFixesHold(snapshot, diagnosis);
	});

	it('not moved onto a StringLike that already tests the key (the two would have to merge): no correction then', () => {
		const snapshot = bucketPinned('Allow', 'StringEquals', {StringLike: {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::*'}});
		const diagnosis = diagnose(snapshot);
		expect(kinds(diagnosis)).not.toContain('correct-condition');
		expectFixesHold(snapshot, diagnosis);
	});

	it('a kms:ViaService naming S3 in another Region is corrected to the bucket\'s Region', () => {
		const snapshot = buildSnapshot({
			principal: {identityPolicies: [named('Upload', policy(allow('s3:PutObject', `${bucketArn}/*`), allow('kms:GenerateDataKey', keyArn, {Sid: 'ViaS3', Condition: {StringEquals: {'kms:ViaService': 's3.us-east-1.amazonaws.com'}}})))]},
		});
		const diagnosis = diagnose(snapshot);
		expect(kinds(diagnosis)).toEqual(['correct-condition']);
		expect(diagnosis.fixes[0]).toMatchObject({place: 'identity-policy', policyName: 'Upload', proven: true});
		expect(diagnosis.fixes[0]!.statement).toMatchObject({Condition: {StringEquals: {'kms:ViaService': ['s3.us-east-1.amazonaws.com', 's3.eu-west-1.amazonaws.com']}}});
		expectFixesHold(snapshot, diagnosis);
	});

	it('a Deny kept to S3 in another Region is corrected too, saying it then lets S3 in the bucket\'s Region through', () => {
		// A Deny on kms:ViaService may be a Region guardrail (KMS only through S3 in us-east-1): accepting eu-west-1 gives it up.
		const regionGuard = deny('kms:*', '*', {Sid: 'OnlyViaS3InUsEast1', Condition: {StringNotEquals: {'kms:ViaService': 's3.us-east-1.amazonaws.com'}}});
		const snapshot = buildSnapshot({principal: {identityPolicies: [named('Upload', policy(allow('s3:PutObject', `${bucketArn}/*`), allow('kms:GenerateDataKey', keyArn), regionGuard))]}});
		const corrected = diagnose(snapshot).fixes.find(fix => fix.kind === 'correct-condition')!;
		expect(corrected.statement).toMatchObject({Sid: 'OnlyViaS3InUsEast1', Condition: {StringNotEquals: {'kms:ViaService': ['s3.us-east-1.amazonaws.com', 's3.eu-west-1.amazonaws.com']}}});
		expect(corrected.weakens).toBe(
			'IAM policy "Upload", Sid "OnlyViaS3InUsEast1" then no longer keeps KMS use to "s3.us-east-1.amazonaws.com", for everyone it applies to: requests through "s3.eu-west-1.amazonaws.com" get through too.',
		);
	});

	it('a condition that means something else (another bucket) is not "corrected": the request gets an Allow', () => {
		const snapshot = buildSnapshot({
			principal: {identityPolicies: [named('Write', policy(allow('s3:PutObject', `${bucketArn}/*`)))]},
			key: {policy: policy(allow('kms:GenerateDataKey', '*', {Sid: 'OtherBucket', Principal: {AWS: userArn}, Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::other-bucket/*'}}}))},
		});
		expect(kinds(diagnose(snapshot))).toEqual(['add-allow']);
	});
});

describe('a Region-restricting SCP that denies every action', () => {
	const regionLock = named(
		'RegionLock',
		policy(allow('*', '*', {Sid: 'FullAccess'}), deny('*', '*', {Sid: 'DenyOutsideUsEast1', Condition: {StringNotEquals: {'aws:RequestedRegion': 'us-east-1'}}})),
		'arn:aws:organizations::999988887777:policy/o-abc123/service_control_policy/p-region1',
	);
	// The key policy also lacks the caller: a key-policy Allow is a real fix, but not one that makes the request work.
	const snapshot = buildSnapshot({
		organization: {serviceControlPolicies: [[regionLock], []]},
		key: {policy: policy(allow('kms:*', '*', {Sid: 'Admins', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}}))},
	});
	const diagnosis = diagnose(snapshot);

	it('blocked-by-scp names the SCP, where it is attached, and that only the management account can change it', () => {
		const finding = diagnosis.findings.find(candidate => candidate.id === 'blocked-by-scp');
		expect(finding?.severity).toBe('error');
		expect(finding?.message).toContain('SCP "RegionLock" (arn:aws:organizations::999988887777:policy/o-abc123/service_control_policy/p-region1), attached to the root');
		expect(finding?.message).toContain('Sid "DenyOutsideUsEast1" denies s3:PutObject, kms:GenerateDataKey');
		// "This operation can be called only from the organization's management account or by a member account
		// that is a delegated administrator" (AWS Organizations API reference, DetachPolicy).
		expect(finding?.message).toContain("only the organization's management account or a delegated administrator can change it");
		expect(finding?.remedy).toBe('Use a bucket and key in a Region it allows (us-east-1); or ask the cloud team that runs the organization for an exception.');
	});

	it('no fix claims the request will work while the SCP stands', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.fixes.length).toBeGreaterThan(0);
		for (const fix of diagnosis.fixes) {
			expect(fix.remains, fix.summary).toMatch(/still fails.*service control policies \(denied\)/);
			expect(fix.summary).not.toMatch(/allow(s|ed)? (the|this) request|makes? (it|the request) work/i);
		}
		expect(diagnosis.fixes.some(fix => fix.place === 'scp')).toBe(false);
	});
});

describe('a permissions boundary or session policy that denies names who sets it', () => {
	it('a boundary: an IAM administrator of the caller\'s account', () => {
		const boundary = named('Boundary', policy(allow('*', '*'), deny('kms:GenerateDataKey', '*', {Sid: 'NoKms'})), `arn:aws:iam::${account}:policy/Boundary`);
		const diagnosis = diagnose(buildSnapshot({principal: {permissionsBoundary: boundary}}));
		const finding = diagnosis.findings.find(candidate => candidate.id === 'blocked-by-permissions-boundary');
		expect(finding?.message).toMatch(/^The permissions boundary "Boundary", Sid "NoKms" denies kms:GenerateDataKey\. .*IAM administrator of the caller's account sets the boundary/);
	});

	it('a session policy: whoever assumed the role', () => {
		const diagnosis = diagnose(
			buildSnapshot({principal: {arn: 'arn:aws:sts::111122223333:assumed-role/Uploader/nightly', sessionPolicy: policy(allow('*', '*'), deny('s3:PutObject', '*', {Sid: 'ReadOnlySession'}))}}),
		);
		const finding = diagnosis.findings.find(candidate => candidate.id === 'blocked-by-session-policy');
		expect(finding?.message).toContain('Whoever assumed the role passed it (the Policy and PolicyArns parameters of AssumeRole)');
	});
});

describe('a KMS grant whose encryption-context constraint does not fit the request', () => {
	const grantee = {granteePrincipal: userArn, operations: ['GenerateDataKey']};
	const build = (constraintArn: string) =>
		buildSnapshot({
			principal: {identityPolicies: [named('Write', policy(allow('s3:PutObject', `${bucketArn}/*`)))]},
			key: {policy: policy(allow('kms:DescribeKey', '*', {Sid: 'Admins', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}})), grants: [{...grantee, constraints: {encryptionContextEquals: {'aws:s3:arn': constraintArn}}}]},
		});

	it.each([
		['another object', `${bucketArn}/reports/2024/q4.csv`],
		// "the key in each key-value pair is not case sensitive, but the value is case sensitive" (KMS API reference, GrantConstraints).
		['the same object in another case', `${bucketArn}/Reports/2025/Q1.csv`],
	])('(%s) gets the key-policy statement and the create-grant command, both for the context S3 sends', (_name, constraintArn) => {
		const snapshot = build(constraintArn);
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.fixes.map(fix => [fix.kind, fix.place])).toEqual([['add-allow', 'key-policy'], ['add-allow', 'key-grant']]);
		const [statement, grant] = diagnosis.fixes;
		expect(statement!.statement).toMatchObject({Principal: {AWS: userArn}, Action: ['kms:GenerateDataKey'], Resource: '*', Condition: {StringEquals: {'kms:EncryptionContext:aws:s3:arn': objectArn}}});
		expect(argvOf(grant!.command).slice(0, 10)).toEqual(['kms', 'create-grant', '--key-id', keyArn, '--region', 'eu-west-1', '--grantee-principal', userArn, '--operations', 'GenerateDataKey']);
		expect(grant!.command).toContain(`--constraints '{"EncryptionContextSubset":{"aws:s3:arn":"${objectArn}"}}'`);
		expect(grant!.appliesIn).toEqual({account, role: 'key-owner'});
		expectFixesHold(snapshot, diagnosis);
	});

	it('an upload in parts, which also lacks kms:Decrypt in the key policy: one key-policy fix holds both statements', () => {
		// Two fixes each putting the whole key policy as it was would undo each other when pasted in turn.
		const small = build(`${bucketArn}/reports/2024/q4.csv`);
		const snapshot = {...small, question: {...small.question, sizeBytes: 100 * 1024 * 1024}};
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.fixes.map(fix => [fix.kind, fix.place])).toEqual([['add-allow', 'key-policy'], ['add-allow', 'key-grant']]);
		const [keyPolicyFix] = diagnosis.fixes;
		expect(keyPolicyFix!.statements.map(statement => statement['Action'])).toEqual([['kms:Decrypt'], ['kms:GenerateDataKey']]);
		expect(keyPolicyFix).toMatchObject({proven: true, remains: null});
		expect(diagnose(diagnosis.fixes.reduce<Snapshot>((current, fix) => applyFix(current, fix), snapshot)).verdict).toBe('allowed');
		expectFixesHold(snapshot, diagnosis);
	});
});

describe('every ✘ gets a fix, or a sentence saying why no policy change can fix it', () => {
	it('the AWS managed key across accounts: only re-encrypting with a customer managed key helps', () => {
		const download = crossAccountDownload();
		const snapshot = {...download, key: {...download.key!, keyManager: 'AWS' as const, policy: policy(allow('kms:Decrypt', '*', {Principal: {AWS: '*'}, Condition: {StringEquals: {'kms:CallerAccount': otherAccount}}}))}};
		const diagnosis = diagnose(snapshot);
		const decryptRow = diagnosis.requirements.find(row => row.actionId === 'kms:Decrypt@destination' && row.place === 'key-policy');
		expect(decryptRow?.status).toBe('missing');
		expect(diagnosis.fixes.some(fix => fix.resolves.includes('kms:Decrypt@destination#key-policy'))).toBe(false);
		const sentence = diagnosis.findings.find(finding => finding.id === 'no-policy-fix');
		expect(sentence?.message).toMatch(/^No policy change fixes kms:Decrypt in the key policy: .*AWS managed key: its key policy cannot be changed, so only re-encrypting the object with a customer managed key/);
	});

	it('holds for every failing row of these scenarios', () => {
		const snapshots = [
			crossAccountDownload(),
			buildSnapshot({organization: {serviceControlPolicies: [[named('NoKms', policy(allow('*', '*'), deny('kms:*', '*')))]]}}),
			buildSnapshot({principal: {arn: 'arn:aws:sts::111122223333:assumed-role/Uploader/nightly', sessionPolicy: policy(allow('s3:PutObject', '*'))}}),
		];
		for (const snapshot of snapshots) {
			const diagnosis = diagnose(snapshot);
			const sentences = diagnosis.findings.filter(finding => finding.id === 'no-policy-fix' || finding.id.startsWith('blocked-by-')).map(finding => finding.message).join(' ');
			for (const row of diagnosis.requirements.filter(candidate => candidate.status === 'missing' || candidate.status === 'denied')) {
				const fixed = diagnosis.fixes.some(fix => fix.resolves.includes(`${row.actionId}#${row.place}`));
				expect(fixed || sentences.includes(row.action), `${row.actionId}#${row.place}`).toBe(true);
			}
		}
	});
});

describe('known actions only (with AWS\'s catalogue)', () => {
	it('a merged policy never names an action AWS does not know: the typo is corrected where it was written', async () => {
		const catalogue = (await loadActionCatalogue([]))!;
		// A cross-account download: the bucket policy must name the caller; one of its statements has a typo.
		const snapshot = crossAccountDownload({bucketPolicy: policy(allow('s3:ListBuckt', bucketArn, {Sid: 'PartnerList', Principal: {AWS: `arn:aws:iam::${account}:root`}}))});
		const diagnosis = diagnose(snapshot, {catalogue});
		expect(diagnosis.findings.find(finding => finding.id === 'unknown-action')?.message).toContain('Did you mean s3:ListBucket?');
		const bucketFix = diagnosis.fixes.find(fix => fix.place === 'bucket-policy')!;
		expect(bucketFix.kind).toBe('add-allow');
		expect((bucketFix.policy!['Statement'] as Record<string, unknown>[])[0]).toMatchObject({Sid: 'PartnerList', Action: 's3:ListBucket'});
		expect(bucketFix.summary).toContain('It also corrects s3:ListBuckt to s3:ListBucket in Sid "PartnerList"');
		expect(bucketFix.proven).toBe(true);
		for (const fix of diagnosis.fixes) expect(JSON.stringify(fix.policy ?? {})).not.toContain('ListBuckt');
	});

	it('without a catalogue (library use) nothing is checked and nothing changes', () => {
		const snapshot = crossAccountDownload({bucketPolicy: policy(allow('s3:ListBuckt', bucketArn, {Sid: 'PartnerList', Principal: {AWS: `arn:aws:iam::${account}:root`}}))});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.findings.some(finding => finding.id === 'unknown-action')).toBe(false);
		expect(JSON.stringify(diagnosis.fixes.find(fix => fix.place === 'bucket-policy')!.policy)).toContain('s3:ListBuckt');
	});
});
