import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Fix} from '../../source/diagnosis/diagnosis.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {
	MiB,
	account,
	allow,
	bucketArn,
	buildSnapshot,
	crossAccountDownload,
	customerKey,
	enableIam,
	keyArn,
	keyArnOf,
	named,
	objectArn,
	otherAccount,
	policy,
	region,
	rootOf,
	sessionArn,
	userArn,
	without,
} from './support/build-snapshot.js';
import {applyAllFixes, argvOf, expectFixesHold, expectLeastPrivilege, requirementOf} from './support/fix-checks.js';

/**
 * Fix proofs: every fix is marked proven, and the tests prove it again without the fixes module — the policy put
 * where the fix says, `diagnose` run again, the targeted rows `ok` — plus least privilege, kept statements
 * and a command the shell parses into the right call.
 */

const s3Write = named('S3Write', policy(allow('s3:PutObject', `${bucketArn}/*`)));

/** Scenarios with missing grants in each place a fix can go. */
const scenarios: Record<string, () => Snapshot> = {
	'IAM policy lacks the KMS actions (key delegates to IAM)': () => buildSnapshot({question: {sizeBytes: 100 * MiB}, principal: {identityPolicies: [s3Write]}}),
	'IAM policy lacks s3:PutObject': () => buildSnapshot({principal: {identityPolicies: [named('Key', policy(allow(['kms:GenerateDataKey'], keyArn)))]}}),
	'key policy names only an admin': () => buildSnapshot({question: {sizeBytes: 100 * MiB}, key: {policy: policy(allow('kms:*', '*', {Sid: 'Admin', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}}))}}),
	'session of a role with a path, nothing for KMS': () =>
		buildSnapshot({principal: {arn: sessionArn, roleArn: `arn:aws:iam::${account}:role/ci/Uploader`, sessionPolicy: null, identityPolicies: [s3Write]}}),
	'permissions boundary without KMS': () =>
		buildSnapshot({question: {sizeBytes: 100 * MiB}, principal: {permissionsBoundary: named('Boundary', policy(allow('s3:*', '*')), `arn:aws:iam::${account}:policy/Boundary`)}}),
	'cross-account download, nothing granted': () => crossAccountDownload({identity: []}),
	'cross-account download, no bucket policy yet': () => crossAccountDownload({bucketPolicy: null}),
	'cross-account upload with the bucket owner\'s key': () => {
		const foreignKey = keyArnOf(otherAccount);
		return buildSnapshot({
			question: {sizeBytes: 100 * MiB, kmsKeyId: foreignKey},
			principal: {identityPolicies: [s3Write]},
			bucket: {accountId: otherAccount, policy: policy(allow('s3:GetObject', `${bucketArn}/*`, {Sid: 'Readers', Principal: {AWS: rootOf(otherAccount)}})), defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: foreignKey}},
			key: customerKey(foreignKey),
		});
	},
	'copy between accounts, source side missing': () => {
		const sourceKey = keyArnOf(otherAccount, region, 'aaaaaaaa-1111-2222-3333-444444444444');
		return buildSnapshot({
			question: {operation: 'copy', sizeBytes: 100 * MiB, source: {bucket: 'partner-exports', objectKey: 'out/data.csv', kmsKeyId: sourceKey}},
			principal: {identityPolicies: [named('Dest', policy(allow('s3:PutObject', `${bucketArn}/*`), allow(['kms:GenerateDataKey', 'kms:Decrypt'], keyArn)))]},
			source: {
				bucketInfo: {accountId: otherAccount, region, policy: null},
				objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
				keyInfo: customerKey(sourceKey, policy(enableIam(otherAccount))),
			},
		});
	},
	'existing statements with quotes and odd keys': () =>
		buildSnapshot({
			question: {sizeBytes: 100 * MiB},
			principal: {identityPolicies: [s3Write]},
			key: {
				policy: {
					Id: "alice's key",
					Version: '2012-10-17',
					Statement: [{Sid: 'KeyAdmin', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${account}:role/O'Brien`}, Resource: '*', Action: ['kms:Describe*', 'kms:Put*']}],
				},
			},
		}),
};

describe.each(Object.entries(scenarios))('%s', (_name, build) => {
	const snapshot = build();
	const diagnosis = diagnose(snapshot);

	it('is denied and offers at least one fix', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.fixes.length).toBeGreaterThan(0);
	});

	it('has a fix for every missing grant in an identity, key, bucket or boundary policy', () => {
		// A place that could grant it but is not where the fix goes (`alternative`) gets none.
		const fixable = diagnosis.requirements.filter(row => row.status === 'missing' && !row.alternative && ['identity-policy', 'key-policy', 'bucket-policy', 'permissions-boundary'].includes(row.place));
		for (const row of fixable) {
			expect(diagnosis.fixes.some(fix => fix.resolves.includes(`${row.actionId}#${row.place}`)), `${row.actionId}#${row.place}`).toBe(true);
		}
	});

	it('every fix holds when re-checked independently', () => {
		expectFixesHold(snapshot, diagnosis);
	});

	it('all fixes together allow the request', () => {
		expect(diagnose(applyAllFixes(snapshot, diagnosis)).verdict).toBe('allowed');
	});
});

describe('what the fixes contain', () => {
	it('a KMS statement: the exact actions, the one key, kms:ViaService kept', () => {
		const diagnosis = diagnose(scenarios['IAM policy lacks the KMS actions (key delegates to IAM)']!());
		const [fix] = diagnosis.fixes;
		expect(fix).toMatchObject({place: 'identity-policy', target: userArn, policyName: 's3-kms-doctor-example-bucket-kms'});
		expect(fix!.statement).toEqual({
			Sid: 'AllowKmsKeyUseThroughS3',
			Effect: 'Allow',
			Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
			Resource: keyArn,
			Condition: {StringEquals: {'kms:ViaService': `s3.${region}.amazonaws.com`}},
		});
		expect(fix!.resolves).toEqual(['kms:GenerateDataKey@destination#identity-policy', 'kms:Decrypt@destination#identity-policy']);
	});

	it('an S3 statement: the one object, not the bucket or s3:*', () => {
		const [fix] = diagnose(scenarios['IAM policy lacks s3:PutObject']!()).fixes;
		expect(fix!.statement).toMatchObject({Action: ['s3:PutObject'], Resource: objectArn});
	});

	it('the role behind a session, by its name without the path', () => {
		const [fix] = diagnose(scenarios['session of a role with a path, nothing for KMS']!()).fixes;
		expect(fix).toMatchObject({place: 'identity-policy', target: `arn:aws:iam::${account}:role/ci/Uploader`});
		expect(argvOf(fix!.command).slice(0, 4)).toEqual(['iam', 'put-role-policy', '--role-name', 'Uploader']);
	});

	it('a bucket policy created from none: a whole valid policy with one statement', () => {
		const diagnosis = diagnose(scenarios['cross-account download, no bucket policy yet']!());
		const fix = diagnosis.fixes.find(candidate => candidate.place === 'bucket-policy')!;
		expect(fix.policy).toEqual({Version: '2012-10-17', Statement: [fix.statement]});
		expect(fix.summary).toMatch(/^Create the bucket policy/);
	});

	it('a copy\'s source-side fixes target the source key and the source bucket', () => {
		const snapshot = scenarios['copy between accounts, source side missing']!();
		const diagnosis = diagnose(snapshot);
		const targets = diagnosis.fixes.map(fix => [fix.place, fix.target]);
		expect(targets).toContainEqual(['key-policy', snapshot.source!.keyInfo!.arn]);
		expect(targets).toContainEqual(['bucket-policy', 'arn:aws:s3:::partner-exports']);
		expect(requirementOf(diagnosis, 's3:GetObject@source', 'bucket-policy').status).toBe('missing');
	});

	it('quotes in existing statements survive the shell', () => {
		const snapshot = scenarios['existing statements with quotes and odd keys']!();
		const fix = diagnose(snapshot).fixes.find(candidate => candidate.place === 'key-policy')!;
		const argv = argvOf(fix.command);
		const pasted = JSON.parse(argv[argv.indexOf('--policy') + 1]!) as Record<string, unknown>;
		expect(pasted['Id']).toBe("alice's key");
		expect(JSON.stringify((pasted['Statement'] as unknown[])[0])).toBe(JSON.stringify((snapshot.key!.policy!['Statement'] as unknown[])[0]));
	});

	it('picks a new Sid and a new policy name instead of overwriting existing ones', () => {
		const first = diagnose(scenarios['key policy names only an admin']!()).fixes.find(fix => fix.place === 'key-policy')!;
		const sid = first.statement!['Sid'] as string;
		const again = buildSnapshot({
			question: {sizeBytes: 100 * MiB},
			key: {policy: policy(allow('kms:*', '*', {Sid: 'Admin', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}}), {Sid: sid, Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${account}:role/Other`}, Action: 'kms:Encrypt', Resource: '*'})},
		});
		expect(diagnose(again).fixes.find(fix => fix.place === 'key-policy')!.statement!['Sid']).toBe(`${sid}2`);

		const taken = 's3-kms-doctor-example-bucket-kms';
		const named2 = diagnose(buildSnapshot({principal: {identityPolicies: [s3Write, named(taken, policy(allow('s3:ListBucket', bucketArn)))]}})).fixes[0]!;
		expect(named2.policyName).toBe(`${taken}-2`);
	});

	it('a key policy is put in the key\'s Region: each Region\'s key of a multi-Region key has a policy of its own', () => {
		// "You must manage each multi-Region key independently, including creating aliases and tags, setting their key
		// policies and grants" (https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html):
		// without --region the AWS CLI calls KMS in the profile's default Region, which may hold another key of that ID.
		const replica = keyArnOf(account, 'ap-southeast-2', 'mrk-1234abcd12ab34cd56ef1234567890ab');
		const snapshot = buildSnapshot({
			bucket: {region: 'ap-southeast-2', defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: replica, bucketKeyEnabled: false}},
			key: customerKey(replica, policy(allow('kms:*', '*', {Sid: 'Admin', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}}))),
			question: {kmsKeyId: replica},
		});
		const fix = diagnose(snapshot).fixes.find(candidate => candidate.place === 'key-policy')!;
		expect(argvOf(fix.command).slice(0, 6)).toEqual(['kms', 'put-key-policy', '--key-id', replica, '--region', 'ap-southeast-2']);
	});

	it('a permissions boundary fix names only the missing actions on the one key', () => {
		const fix = diagnose(scenarios['permissions boundary without KMS']!()).fixes.find(candidate => candidate.place === 'permissions-boundary')!;
		expect(fix.statement).toMatchObject({Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: [keyArn]});
		expect(fix.command).toMatch(/^aws iam create-policy-version --policy-arn 'arn:aws:iam::111122223333:policy\/Boundary' --set-as-default /);
	});
});

describe('what remains after a fix', () => {
	// The key policy lets alice only GenerateDataKey; her IAM policy lacks s3:PutObject; the size is not known.
	const partsUnknown = (overrides: Parameters<typeof buildSnapshot>[0] = {}): Snapshot =>
		without(
			buildSnapshot({
				...overrides,
				principal: {identityPolicies: [named('KeyOnly', policy(allow(['kms:GenerateDataKey', 'kms:Decrypt'], keyArn)))]},
				key: {...overrides.key, policy: policy(allow('kms:GenerateDataKey', '*', {Sid: 'Alice', Principal: {AWS: userArn}}))},
			}),
			'question.sizeBytes',
		);
	const identityFix = (snapshot: Snapshot): Fix => diagnose(snapshot).fixes.find(fix => fix.place === 'identity-policy')!;

	it('an action needed only if the upload goes in parts fails it only if it does, which is not known', () => {
		expect(identityFix(partsUnknown()).remains).toBe('The request still fails with this fix alone if it goes in parts, which is not known: kms:Decrypt in the key policy (missing).');
	});

	it('says what fails for sure first, then what fails only if the upload goes in parts', () => {
		expect(identityFix(partsUnknown({key: {keyState: 'Disabled'}})).remains).toBe(
			`The request still fails with this fix alone: the key ${keyArn} is disabled. It also fails if it goes in parts, which is not known: kms:Decrypt in the key policy (missing).`,
		);
	});
});

describe('the least-privilege check itself', () => {
	const base: Fix = {
		place: 'identity-policy',
		kind: 'add-allow',
		target: userArn,
		policyName: 'p',
		resolves: ['x#identity-policy'],
		statement: {Effect: 'Allow', Action: ['kms:Decrypt'], Resource: keyArn},
		statements: [{Effect: 'Allow', Action: ['kms:Decrypt'], Resource: keyArn}],
		policy: {},
		command: '',
		summary: '',
		proven: true,
		appliesIn: {account: '111122223333', role: 'caller-account'},
		weakens: null,
		remains: null,
	};
	const fails = (statement: Fix['statement'], place: Fix['place'] = 'identity-policy'): boolean => {
		try {
			expectLeastPrivilege({...base, place, statement});
			return false;
		} catch {
			return true;
		}
	};

	it('rejects wildcards a fix must never add', () => {
		expect(fails(base.statement)).toBe(false);
		expect(fails({...base.statement, Action: ['kms:*']})).toBe(true);
		expect(fails({...base.statement, Action: 's3:*'})).toBe(true);
		expect(fails({...base.statement, Resource: '*'})).toBe(true);
		expect(fails({...base.statement, Principal: '*'}, 'key-policy')).toBe(true);
		expect(fails({...base.statement, Principal: {AWS: '*'}, Resource: '*'}, 'key-policy')).toBe(true);
		expect(fails({...base.statement, Principal: {AWS: userArn}, Resource: '*'}, 'key-policy')).toBe(false);
	});
});

describe('no fix without a target to write to', () => {
	it('an unknown key policy gets no key-policy fix', () => {
		const diagnosis = diagnose(without(crossAccountDownload(), 'key.policy'));
		expect(diagnosis.fixes.filter(fix => fix.place === 'key-policy')).toEqual([]);
	});
});
