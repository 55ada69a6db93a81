import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {PolicyJson, Snapshot} from '../../source/snapshot/snapshot.js';
import {
	account,
	allow,
	bucketArn,
	buildSnapshot,
	crossAccountDownload,
	customerKey,
	deny,
	enableIam,
	fullIdentityPolicy,
	keyArn,
	keyArnOf,
	named,
	otherAccount,
	policy,
	region,
	roleArn,
	rootOf,
	sessionArn,
	userArn,
} from './support/build-snapshot.js';
import {decisions, expectFixesHold, requirementOf, statusTable} from './support/fix-checks.js';

/** Where each grant must live, same account and across accounts, and what each place says. */

const gdk = 'kms:GenerateDataKey@destination';
const put = 's3:PutObject@destination';
const get = 's3:GetObject@destination';
const decrypt = 'kms:Decrypt@destination';

const s3Only = named('S3Write', policy(allow('s3:PutObject', `${bucketArn}/*`, {Sid: 'Write'})));
const keyPolicyNaming = (principal: string, actions: readonly string[] = ['kms:GenerateDataKey', 'kms:Decrypt']): PolicyJson =>
	policy(allow(actions, '*', {Sid: 'UseKey', Principal: {AWS: principal}}));
const partnerKeyPolicy = (principal = rootOf(account)): PolicyJson =>
	policy(enableIam(otherAccount), allow(['kms:Decrypt'], '*', {Sid: 'Partner', Principal: {AWS: principal}}));
const partnerBucketPolicy = (principal = rootOf(account)): PolicyJson => policy(allow('s3:GetObject', `${bucketArn}/*`, {Sid: 'PartnerRead', Principal: {AWS: principal}}));
const boundary = (document: PolicyJson): ReturnType<typeof named> => named('Boundary', document, `arn:aws:iam::${account}:policy/Boundary`);

describe('key policy, same account', () => {
	it('naming the user allows without any IAM policy: the IAM row is not needed', () => {
		const diagnosis = diagnose(buildSnapshot({principal: {identityPolicies: [s3Only]}, key: {policy: keyPolicyNaming(userArn)}}));
		expect(diagnosis.verdict).toBe('allowed');
		expect(requirementOf(diagnosis, gdk, 'key-policy')).toMatchObject({status: 'ok', decidedBy: 'key policy, Sid "UseKey"'});
		expect(requirementOf(diagnosis, gdk, 'key-policy').why).toMatch(/allows kms:GenerateDataKey to user alice/);
		expect(requirementOf(diagnosis, gdk, 'identity-policy').status).toBe('not-needed');
	});

	it('naming the role allows its sessions', () => {
		const snapshot = buildSnapshot({principal: {arn: sessionArn, sessionPolicy: null, identityPolicies: [s3Only]}, key: {policy: keyPolicyNaming(roleArn)}});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('allowed');
		expect(requirementOf(diagnosis, gdk, 'key-policy').why).toMatch(/role Uploader \(session nightly\)/);
	});

	it('naming someone else does not allow, and the fix names the caller', () => {
		const snapshot = buildSnapshot({principal: {identityPolicies: [s3Only]}, key: {policy: keyPolicyNaming(`arn:aws:iam::${account}:user/bob`)}});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, gdk, 'key-policy').status).toBe('missing');
		const fixes = diagnosis.fixes.filter(fix => fix.place === 'key-policy');
		expect(fixes).toHaveLength(1);
		expect(fixes[0]!.statement).toMatchObject({Principal: {AWS: userArn}, Action: ['kms:GenerateDataKey']});
		expectFixesHold(snapshot, diagnosis);
	});

	it('delegating to the account root makes the IAM policy count', () => {
		const diagnosis = diagnose(buildSnapshot());
		expect(diagnosis.verdict).toBe('allowed');
		const keyPolicy = requirementOf(diagnosis, gdk, 'key-policy');
		expect(keyPolicy).toMatchObject({status: 'ok', decidedBy: 'key policy, Sid "Enable IAM User Permissions"'});
		expect(keyPolicy.why).toMatch(/lets account 111122223333 grant kms:GenerateDataKey through IAM policies/);
		expect(requirementOf(diagnosis, gdk, 'identity-policy')).toMatchObject({status: 'ok', decidedBy: 'IAM policy "ObjectsAndKey", Sid "UseKey"'});
	});

	it('delegating, but with no IAM allow: the IAM policy is what is missing', () => {
		const snapshot = buildSnapshot({principal: {identityPolicies: [s3Only]}});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, gdk, 'identity-policy').status).toBe('missing');
		expect(requirementOf(diagnosis, gdk, 'identity-policy').why).toMatch(/No identity-based policy of user alice allows kms:GenerateDataKey/);
		expect(requirementOf(diagnosis, gdk, 'key-policy').status).toBe('ok');
		expect(diagnosis.fixes.map(fix => fix.place)).toEqual(['identity-policy']);
		expectFixesHold(snapshot, diagnosis);
	});

	it('without delegation an IAM allow does not count', () => {
		// 100 MiB: a multipart upload, which needs kms:Decrypt as well: the twin rows.
		const snapshot = buildSnapshot({
			question: {sizeBytes: 100 * 1024 * 1024},
			key: {policy: policy(allow('kms:*', '*', {Sid: 'Admins', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}}))},
		});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(decisions(diagnosis)[gdk]).toBe('denied');
		const keyPolicy = requirementOf(diagnosis, gdk, 'key-policy');
		expect(keyPolicy.status).toBe('missing');
		expect(keyPolicy.why).toMatch(/does not let account 111122223333 use IAM policies .*an IAM allow does not count/);
		// The IAM statement is shown as ⊘ "does not count", with why and what would make it count; the twins agree.
		// AWS KMS Developer Guide, "Key policies in AWS KMS" (docs.aws.amazon.com/kms/latest/developerguide/key-policies.html): "Unless the key policy explicitly allows it, you cannot use IAM policies to allow access to a KMS key."
		for (const twin of [gdk, decrypt]) {
			const iam = requirementOf(diagnosis, twin, 'identity-policy');
			expect(iam.status, twin).toBe('ineffective');
			expect(iam.decidedBy).toBe('IAM policy "ObjectsAndKey", Sid "UseKey"');
			expect(iam.why).toMatch(/does not count: an IAM policy grants access to a KMS key only where the key policy lets account 111122223333 use IAM policies for the key, and this key policy does not/);
			expect(iam.why).toMatch(/It would count with a key policy statement allowing "Principal": \{"AWS": "arn:aws:iam::111122223333:root"\}/);
		}
		expectFixesHold(snapshot, diagnosis);
		// No fix counts the IAM row as ✔: it is not among the rows any fix resolves.
		for (const fix of diagnosis.fixes) expect(fix.resolves).not.toContain(`${gdk}#identity-policy`);
	});

	it('without delegation and with no IAM allow, the IAM row does not call itself a place that could grant it', () => {
		// "Unless the key policy explicitly allows it, you cannot use IAM policies to allow access to a KMS key." (KMS, "Key policies in AWS KMS")
		const snapshot = buildSnapshot({
			principal: {identityPolicies: [s3Only]},
			key: {policy: policy(allow('kms:*', '*', {Sid: 'Admins', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}}))},
		});
		const iam = requirementOf(diagnose(snapshot), gdk, 'identity-policy');
		expect(iam.status).toBe('missing');
		expect(iam.why).toMatch(/one would not count on its own: this key policy does not let account 111122223333 use IAM policies for the key/);
		expect(iam.why).not.toContain('another place that could grant it');
	});
});

describe('bucket policy and IAM policy, same account', () => {
	it('an IAM allow is enough: the bucket policy row is not needed', () => {
		const diagnosis = diagnose(buildSnapshot());
		expect(requirementOf(diagnosis, put, 'identity-policy')).toMatchObject({status: 'ok', decidedBy: 'IAM policy "ObjectsAndKey", Sid "Objects"'});
		expect(requirementOf(diagnosis, put, 'bucket-policy')).toMatchObject({status: 'not-needed'});
		expect(requirementOf(diagnosis, put, 'bucket-policy').why).toMatch(/^Not needed/);
	});

	it('a bucket policy naming the user is enough without an IAM allow', () => {
		const diagnosis = diagnose(
			buildSnapshot({
				principal: {identityPolicies: [named('Key', policy(allow('kms:GenerateDataKey', keyArn)))]},
				bucket: {policy: policy(allow('s3:PutObject', `${bucketArn}/*`, {Sid: 'AliceWrites', Principal: {AWS: userArn}}))},
			}),
		);
		expect(diagnosis.verdict).toBe('allowed');
		expect(requirementOf(diagnosis, put, 'bucket-policy')).toMatchObject({status: 'ok', decidedBy: 'bucket policy, Sid "AliceWrites"'});
		expect(requirementOf(diagnosis, put, 'identity-policy').status).toBe('not-needed');
	});

	it('neither allows: s3:PutObject is missing and the fix goes to the IAM policy, scoped to the object', () => {
		const snapshot = buildSnapshot({principal: {identityPolicies: [named('Key', policy(allow('kms:GenerateDataKey', keyArn)))]}});
		const diagnosis = diagnose(snapshot);
		expect(decisions(diagnosis)).toEqual({[put]: 'denied', [gdk]: 'allowed'});
		expect(requirementOf(diagnosis, put, 'identity-policy').status).toBe('missing');
		const [fix] = diagnosis.fixes;
		expect(fix).toMatchObject({place: 'identity-policy', target: userArn, statement: {Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::example-bucket/reports/2025/q1.csv'}});
		expectFixesHold(snapshot, diagnosis);
	});
});

describe('cross account: key policy AND IAM policy AND bucket policy', () => {
	it('all three allowing: allowed, each row ok', () => {
		const diagnosis = diagnose(crossAccountDownload({keyPolicy: partnerKeyPolicy(), bucketPolicy: partnerBucketPolicy()}));
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnosis.question.crossAccount).toEqual({bucket: true, key: true});
		expect(statusTable(diagnosis)).toEqual({
			[`${get}#identity-policy`]: 'ok',
			[`${get}#bucket-policy`]: 'ok',
			[`${decrypt}#identity-policy`]: 'ok',
			[`${decrypt}#key-policy`]: 'ok',
		});
		expect(requirementOf(diagnosis, decrypt, 'key-policy').decidedBy).toBe('key policy, Sid "Partner"');
		expect(requirementOf(diagnosis, get, 'bucket-policy').decidedBy).toBe('bucket policy, Sid "PartnerRead"');
	});

	it('naming the user rather than the account works the same', () => {
		expect(diagnose(crossAccountDownload({keyPolicy: partnerKeyPolicy(userArn), bucketPolicy: partnerBucketPolicy(userArn)})).verdict).toBe('allowed');
	});

	it('key and bucket policies alone are not enough: the caller\'s IAM policy must allow too', () => {
		const snapshot = crossAccountDownload({identity: [], keyPolicy: partnerKeyPolicy(), bucketPolicy: partnerBucketPolicy()});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(statusTable(diagnosis)).toEqual({
			[`${get}#identity-policy`]: 'missing',
			[`${get}#bucket-policy`]: 'ok',
			[`${decrypt}#identity-policy`]: 'missing',
			[`${decrypt}#key-policy`]: 'ok',
		});
		expect(requirementOf(diagnosis, decrypt, 'identity-policy').why).toMatch(/across accounts the caller's own IAM policy must allow it too/);
		expectFixesHold(snapshot, diagnosis);
	});

	it('the IAM policy alone is not enough: the key policy of the other account must name the caller', () => {
		const snapshot = crossAccountDownload({bucketPolicy: partnerBucketPolicy()});
		const diagnosis = diagnose(snapshot);
		expect(decisions(diagnosis)).toEqual({[get]: 'allowed', [decrypt]: 'denied'});
		const keyPolicy = requirementOf(diagnosis, decrypt, 'key-policy');
		expect(keyPolicy.status).toBe('missing');
		expect(keyPolicy.why).toMatch(/does not allow kms:Decrypt to user alice or its account 111122223333/);
		// The other account's delegation to its own root does not help account 111122223333.
		expect(keyPolicy.decidedBy).toBeUndefined();
		expectFixesHold(snapshot, diagnosis);
	});

	it('no bucket policy at all: across accounts one is needed', () => {
		const diagnosis = diagnose(crossAccountDownload({keyPolicy: partnerKeyPolicy(), bucketPolicy: null}));
		expect(requirementOf(diagnosis, get, 'bucket-policy').status).toBe('missing');
		expect(requirementOf(diagnosis, get, 'bucket-policy').why).toMatch(/There is no bucket policy; across accounts it must allow the caller/);
	});

	it('a fix for the key policy names the caller and keeps the other account\'s statements', () => {
		const snapshot = crossAccountDownload({bucketPolicy: partnerBucketPolicy()});
		const [fix] = diagnose(snapshot).fixes;
		expect(fix).toMatchObject({place: 'key-policy', target: keyArnOf(otherAccount)});
		expect(fix!.statement).toMatchObject({Principal: {AWS: userArn}, Action: ['kms:Decrypt'], Condition: {StringEquals: {'kms:ViaService': `s3.${region}.amazonaws.com`}}});
		expect(diagnose({...snapshot, key: {...snapshot.key!, policy: fix!.policy!}}).verdict).toBe('allowed');
	});
});

describe('cross account for the key only, or for the bucket only', () => {
	const centralKey = keyArnOf(otherAccount);

	it('a same-account bucket with a key of a central key account: key policy and IAM policy, no bucket policy', () => {
		const snapshot = buildSnapshot({
			question: {kmsKeyId: centralKey},
			principal: {identityPolicies: [fullIdentityPolicy([centralKey])]},
			bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: centralKey}},
			key: customerKey(centralKey, policy(enableIam(otherAccount))),
		});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.question.crossAccount).toEqual({bucket: false, key: true});
		expect(statusTable(diagnosis)).toEqual({
			[`${put}#identity-policy`]: 'ok',
			[`${put}#bucket-policy`]: 'not-needed',
			[`${gdk}#identity-policy`]: 'ok',
			[`${gdk}#key-policy`]: 'missing',
		});
		expectFixesHold(snapshot, diagnosis);
		const allowed = diagnose({...snapshot, key: {...snapshot.key!, policy: policy(enableIam(otherAccount), allow('kms:GenerateDataKey', '*', {Principal: {AWS: rootOf(account)}}))}});
		expect(allowed.verdict).toBe('allowed');
	});

	it('another account\'s bucket with the caller\'s own key: the bucket policy must allow, the key is the caller\'s', () => {
		const snapshot = buildSnapshot({bucket: {accountId: otherAccount, policy: null}});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.question.crossAccount).toEqual({bucket: true, key: false});
		expect(requirementOf(diagnosis, put, 'bucket-policy').status).toBe('missing');
		expect(requirementOf(diagnosis, gdk, 'key-policy').status).toBe('ok');
		expect(decisions(diagnosis)).toEqual({[put]: 'denied', [gdk]: 'allowed'});
		expectFixesHold(snapshot, diagnosis);
		const withPolicy = diagnose(buildSnapshot({bucket: {accountId: otherAccount, policy: policy(allow('s3:PutObject', `${bucketArn}/*`, {Principal: {AWS: rootOf(account)}}))}}));
		expect(withPolicy.verdict).toBe('allowed');
	});

	it.each([
		['aws-cn', 'cn-north-1'],
		['aws-us-gov', 'us-gov-west-1'],
	])('in the %s partition, the bucket policy fix targets the bucket by that partition\'s ARN, not arn:aws', (partition, partitionRegion) => {
		// Every ARN of the snapshot in that partition, as a collection there reads them.
		const inPartition = (snapshot: Snapshot): Snapshot =>
			JSON.parse(JSON.stringify(snapshot).replaceAll('arn:aws:', `arn:${partition}:`).replaceAll(region, partitionRegion)) as Snapshot;
		const snapshot = inPartition(buildSnapshot({bucket: {accountId: otherAccount, policy: null}}));
		const diagnosis = diagnose(snapshot);
		const fix = diagnosis.fixes.find(candidate => candidate.place === 'bucket-policy');
		expect(fix).toMatchObject({target: `arn:${partition}:s3:::example-bucket`, statement: {Resource: [`arn:${partition}:s3:::example-bucket/reports/2025/q1.csv`]}});
		expectFixesHold(snapshot, diagnosis);
	});
});

describe('CloudFront in the China Regions: no caller ARN names the partition, the distribution and the key do', () => {
	// A CloudFront request has a service principal, not an ARN: the distribution's ARN (arn:aws-cn:cloudfront::…) and the
	// key's give the partition, and with them the bucket's and the object's ARNs.
	const example = readFileSync(new URL('../../examples/cloudfront-oac-missing-key-policy.json', import.meta.url), 'utf8');
	const snapshot = JSON.parse(example.replaceAll('arn:aws:', 'arn:aws-cn:').replaceAll('eu-west-1', 'cn-north-1')) as Snapshot;
	const diagnosis = diagnose(snapshot);

	it('reads the bucket policy on arn:aws-cn:s3 as it reads the example on arn:aws:s3: the same statuses, the same fixes', () => {
		const inAws = diagnose(JSON.parse(example) as Snapshot);
		expect(diagnosis.requirements.find(row => row.action === 's3:GetObject')?.resource).toBe('arn:aws-cn:s3:::example-site-assets/index.html');
		// On arn:aws:s3 the bucket policy's arn:aws-cn Allow matched nothing: a false ✘, and a needless bucket policy fix.
		expect(statusTable(diagnosis)).toEqual(statusTable(inAws));
		expect(diagnosis.fixes.map(fix => `${fix.kind} ${fix.place}`)).toEqual(inAws.fixes.map(fix => `${fix.kind} ${fix.place}`));
		expect(diagnosis.fixes.find(fix => fix.place === 'bucket-policy')).toBeUndefined();
		expectFixesHold(snapshot, diagnosis);
	});
});

describe('KMS grants', () => {
	const withGrant = (grant: NonNullable<NonNullable<Snapshot['key']>['grants']>[number], principal = userArn): Snapshot =>
		buildSnapshot({principal: {arn: principal, sessionPolicy: null, identityPolicies: [s3Only]}, key: {policy: policy(), grants: [grant]}});

	it('a grant to the caller allows without key policy or IAM policy', () => {
		const diagnosis = diagnose(withGrant({name: 'uploader', granteePrincipal: userArn, operations: ['GenerateDataKey']}));
		expect(diagnosis.verdict).toBe('allowed');
		expect(requirementOf(diagnosis, gdk, 'key-grant')).toMatchObject({status: 'ok', decidedBy: 'KMS grants, grant "uploader"'});
		expect(requirementOf(diagnosis, gdk, 'key-policy').status).toBe('not-needed');
	});

	it('a grant to the role covers its sessions', () => {
		expect(diagnose(withGrant({name: 'uploader', granteePrincipal: roleArn, operations: ['GenerateDataKey', 'Decrypt']}, sessionArn)).verdict).toBe('allowed');
	});

	it('a grant whose encryption context fits the object allows; one for another object does not', () => {
		const fits = diagnose(withGrant({name: 'scoped', granteePrincipal: userArn, operations: ['GenerateDataKey'], constraints: {encryptionContextSubset: {'aws:s3:arn': 'arn:aws:s3:::example-bucket/reports/2025/q1.csv'}}}));
		expect(fits.verdict).toBe('allowed');
		const other = diagnose(withGrant({name: 'scoped', granteePrincipal: userArn, operations: ['GenerateDataKey'], constraints: {encryptionContextSubset: {'aws:s3:arn': 'arn:aws:s3:::other-bucket/x'}}}));
		expect(other.verdict).toBe('denied');
		expect(requirementOf(other, gdk, 'key-grant').status).toBe('missing');
		expect(requirementOf(other, gdk, 'key-grant').why).toContain(
			'grant "scoped" would allow it, but its encryption context constraint requires aws:s3:arn = "arn:aws:s3:::other-bucket/x", and this request sends "arn:aws:s3:::example-bucket/reports/2025/q1.csv".',
		);
	});

	it('a grant for other operations does not allow', () => {
		const diagnosis = diagnose(withGrant({name: 'reader', granteePrincipal: userArn, operations: ['Decrypt']}));
		expect(decisions(diagnosis)[gdk]).toBe('denied');
	});
});

describe('permissions boundary', () => {
	const s3Boundary = boundary(policy(allow('s3:*', '*')));

	it('caps the IAM path: an identity allow outside the boundary does not count', () => {
		const snapshot = buildSnapshot({principal: {permissionsBoundary: s3Boundary}});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, gdk, 'identity-policy').status).toBe('ok');
		expect(requirementOf(diagnosis, gdk, 'permissions-boundary').status).toBe('missing');
		expect(requirementOf(diagnosis, gdk, 'permissions-boundary').why).toMatch(/caps every identity-based permission/);
		expect(requirementOf(diagnosis, put, 'permissions-boundary').status).toBe('ok');
		const fix = diagnosis.fixes.find(candidate => candidate.place === 'permissions-boundary')!;
		expect(fix.statement).toMatchObject({Action: ['kms:GenerateDataKey'], Resource: [keyArn]});
		expectFixesHold(snapshot, diagnosis);
	});

	it('does not cap a key policy naming the IAM user itself', () => {
		const diagnosis = diagnose(buildSnapshot({principal: {permissionsBoundary: s3Boundary}, key: {policy: keyPolicyNaming(userArn)}}));
		expect(diagnosis.verdict).toBe('allowed');
		expect(requirementOf(diagnosis, gdk, 'permissions-boundary').status).toBe('not-needed');
	});

	it('still caps a key policy naming the role, for the role\'s session', () => {
		const diagnosis = diagnose(buildSnapshot({principal: {arn: sessionArn, sessionPolicy: null, permissionsBoundary: s3Boundary}, key: {policy: keyPolicyNaming(roleArn)}}));
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, gdk, 'key-policy').status).toBe('ok');
		expect(requirementOf(diagnosis, gdk, 'permissions-boundary').status).toBe('missing');
	});

	it('a Deny in the boundary denies', () => {
		const diagnosis = diagnose(buildSnapshot({principal: {permissionsBoundary: boundary(policy(allow('*', '*'), deny('kms:GenerateDataKey', '*', {Sid: 'NoKms'})))}}));
		expect(requirementOf(diagnosis, gdk, 'permissions-boundary')).toMatchObject({status: 'denied', decidedBy: 'permissions boundary "Boundary", Sid "NoKms"'});
	});
});

describe('session policy', () => {
	it('caps what a session may do', () => {
		const diagnosis = diagnose(buildSnapshot({principal: {arn: sessionArn, sessionPolicy: policy(allow('s3:PutObject', '*'))}}));
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, put, 'session-policy').status).toBe('ok');
		expect(requirementOf(diagnosis, gdk, 'session-policy').status).toBe('missing');
	});
});

describe('service control policies', () => {
	const fullAccess = named('FullAWSAccess', policy(allow('*', '*')));

	it('must allow at every level, root to account', () => {
		const snapshot = buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [named('S3Only', policy(allow('s3:*', '*')))]]}});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, put, 'scp').status).toBe('ok');
		const scp = requirementOf(diagnosis, gdk, 'scp');
		expect(scp.status).toBe('missing');
		expect(scp.why).toMatch(/every level/);
		expect(scp.why).toContain('S3Only');
	});

	it('allowing at every level is ok', () => {
		const diagnosis = diagnose(buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [fullAccess]]}}));
		expect(diagnosis.verdict).toBe('allowed');
		expect(requirementOf(diagnosis, gdk, 'scp').status).toBe('ok');
	});

	it('a Deny at any level denies, naming the statement', () => {
		const diagnosis = diagnose(buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [named('Guardrails', policy(allow('*', '*'), deny('kms:GenerateDataKey', '*', {Sid: 'NoKms'})))]]}}));
		expect(requirementOf(diagnosis, gdk, 'scp')).toMatchObject({status: 'denied', decidedBy: 'SCP "Guardrails", Sid "NoKms"'});
	});

	it('apply to the caller even for a resource in another account', () => {
		const snapshot = crossAccountDownload({keyPolicy: partnerKeyPolicy(), bucketPolicy: partnerBucketPolicy()});
		const diagnosis = diagnose({...snapshot, organization: {...snapshot.organization, serviceControlPolicies: [[named('S3Only', policy(allow('s3:*', '*')))]]}});
		expect(decisions(diagnosis)).toEqual({[get]: 'allowed', [decrypt]: 'denied'});
		expect(requirementOf(diagnosis, decrypt, 'scp').status).toBe('missing');
	});
});

describe('resource control policies', () => {
	const rcpFullAccess = named('RCPFullAWSAccess', policy({Effect: 'Allow', Principal: '*', Action: '*', Resource: '*'}));
	const denyKms = named('NoKmsForAlice', policy({Sid: 'NoAlice', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: {StringEquals: {'aws:PrincipalArn': userArn}}}));

	it('deny the use of a customer managed key', () => {
		const diagnosis = diagnose(buildSnapshot({organization: {resourceControlPolicies: [[rcpFullAccess, denyKms]]}}));
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, gdk, 'rcp')).toMatchObject({status: 'denied', decidedBy: 'RCP "NoKmsForAlice", Sid "NoAlice"'});
		expect(requirementOf(diagnosis, put, 'rcp').status).toBe('ok');
	});

	it('do not apply to an AWS managed key', () => {
		const awsManagedPolicy = policy({
			Sid: 'Allow access through S3 for all principals in the account that are authorized to use S3',
			Effect: 'Allow',
			Principal: {AWS: '*'},
			Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
			Resource: '*',
			Condition: {StringEquals: {'kms:CallerAccount': account, 'kms:ViaService': `s3.${region}.amazonaws.com`}},
		});
		const diagnosis = diagnose(buildSnapshot({key: {keyManager: 'AWS', policy: awsManagedPolicy}, organization: {resourceControlPolicies: [[rcpFullAccess, denyKms]]}}));
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnosis.requirements.filter(requirement => requirement.actionId === gdk).map(requirement => requirement.place)).not.toContain('rcp');
		expect(requirementOf(diagnosis, put, 'rcp').status).toBe('ok');
	});

	it('must allow at every level, like SCPs', () => {
		const diagnosis = diagnose(buildSnapshot({organization: {resourceControlPolicies: [[denyKms]]}}));
		expect(requirementOf(diagnosis, put, 'rcp').status).toBe('missing');
	});
});

describe('the AWS managed key aws/s3 in its own account', () => {
	it('lets the account\'s principals use it through S3 when the IAM policy allows', () => {
		const awsManagedPolicy = policy({
			Effect: 'Allow',
			Principal: {AWS: '*'},
			Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
			Resource: '*',
			Condition: {StringEquals: {'kms:CallerAccount': account, 'kms:ViaService': `s3.${region}.amazonaws.com`}},
		});
		const snapshot = buildSnapshot({question: {sizeBytes: 100 * 1024 * 1024}, key: {keyManager: 'AWS', policy: awsManagedPolicy}});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('allowed');
		expect(requirementOf(diagnosis, 'kms:Decrypt@destination', 'key-policy').status).toBe('ok');
	});
});
