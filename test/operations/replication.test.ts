import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {account, allow, customerKey, enableIam, keyArnOf, named, otherAccount, policy, region, rootOf, without} from '../diagnosis/support/build-snapshot.js';
import {applyFix, argvOf, decisions, expectExistingStatementsKept, expectLeastPrivilege, findingIds, policyBefore, statusTable} from '../diagnosis/support/fix-checks.js';

/**
 * Replication of SSE-KMS objects, from the S3 User Guide:
 * - "Setting up permissions" (setting-repl-config-perm-overview.html): the trust policy "where you identify Amazon S3 as
 *   the service principal who can assume the role" ({"Principal": {"Service": "s3.amazonaws.com"}, "Action":
 *   "sts:AssumeRole"}); the access policy with s3:GetReplicationConfiguration and s3:ListBucket on the source bucket,
 *   s3:GetObjectVersionForReplication and s3:GetObjectVersionAcl on its objects, s3:ReplicateObject on the destination's;
 *   "Permissions for the s3:ReplicateObject action on the destination buckets also allow replication of object tags, so
 *   you don't need to explicitly grant permission for the s3:ReplicateTags action."; across accounts "the owner of the
 *   destination bucket must also add a bucket policy to grant the owner of the source bucket permissions to perform
 *   replication actions".
 * - "Replicating encrypted objects" (replication-config-for-kms-objects.html): "kms:Decrypt permissions for the AWS KMS
 *   CMK used to decrypt the source object", "kms:Encrypt permissions for the AWS KMS CMK used to encrypt the object
 *   replica", each kept with "kms:ViaService": "s3.source-bucket-region.amazonaws.com" (destination-bucket-region for
 *   Encrypt) and "kms:EncryptionContext:aws:s3:arn"; "If the AWS KMS CMKs are owned by another AWS account, the CMK owner
 *   must grant these permissions to the AWS account that owns the IAM role."; "To use replication with an S3 Bucket
 *   Key, the AWS KMS key policy for the CMK used to encrypt the object replica must include kms:Decrypt permissions for
 *   the calling principal."
 */

const sourceBucket = 'example-source';
const destinationBucket = 'example-replica';
const objectKey = 'Tax/2026/return.pdf';
const sourceRegion = region;
const destinationRegion = 'us-east-1';
const roleArn = `arn:aws:iam::${account}:role/replication-role`;
const sourceKey = keyArnOf(account, sourceRegion, '1111aaaa-11aa-11aa-11aa-111111111111');
const replicaKeyOf = (owner: string) => keyArnOf(owner, destinationRegion, '2222bbbb-22bb-22bb-22bb-222222222222');

/** AWS's access policy for the replication role, with its SSE-KMS statements. */
const replicationPolicy = (replicaKey: string) =>
	named(
		'ReplicationPolicy',
		policy(
			allow(['s3:GetReplicationConfiguration', 's3:ListBucket'], `arn:aws:s3:::${sourceBucket}`),
			allow(['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'], `arn:aws:s3:::${sourceBucket}/*`),
			allow(['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], `arn:aws:s3:::${destinationBucket}/*`),
			allow('kms:Decrypt', sourceKey, {Condition: {StringLike: {'kms:ViaService': `s3.${sourceRegion}.amazonaws.com`, 'kms:EncryptionContext:aws:s3:arn': [`arn:aws:s3:::${sourceBucket}/Tax*`]}}}),
			allow('kms:Encrypt', replicaKey, {Condition: {StringLike: {'kms:ViaService': `s3.${destinationRegion}.amazonaws.com`, 'kms:EncryptionContext:aws:s3:arn': [`arn:aws:s3:::${destinationBucket}/Tax*`]}}}),
		),
	);

const trustPolicy = policy({Effect: 'Allow', Principal: {Service: 's3.amazonaws.com'}, Action: 'sts:AssumeRole'});

/** AWS's destination bucket policy across accounts, granting the source bucket's owner the replication actions. */
const destinationBucketPolicy = policy(allow(['s3:ReplicateDelete', 's3:ReplicateObject'], `arn:aws:s3:::${destinationBucket}/*`, {Sid: 'Permissions on objects', Principal: {AWS: rootOf(account)}}));

/** The replica key's policy in the destination account: its owner allows the source account (AWS's console steps). */
const crossAccountReplicaKeyPolicy = () =>
	policy(enableIam(otherAccount), allow(['kms:Encrypt'], '*', {Sid: 'AllowSourceAccount', Principal: {AWS: rootOf(account)}}));

type Options = {readonly destinationAccount?: string; readonly overrides?: Partial<Snapshot>};

const replicationSnapshot = ({destinationAccount = account, overrides = {}}: Options = {}): Snapshot => {
	const replicaKey = replicaKeyOf(destinationAccount);
	const cross = destinationAccount !== account;
	return {
		format: 's3-kms-doctor/snapshot@1',
		question: {operation: 'replication', bucket: destinationBucket, objectKey, source: {bucket: sourceBucket, objectKey}},
		principal: {arn: roleArn, identityPolicies: [replicationPolicy(replicaKey)], permissionsBoundary: null, tags: {}, trustPolicy},
		replication: {
			role: roleArn,
			ruleId: 'Rule-1',
			status: 'Enabled',
			destinationBucket: `arn:aws:s3:::${destinationBucket}`,
			...(cross ? {destinationAccount} : {}),
			replicaKmsKeyId: replicaKey,
			sseKmsEncryptedObjects: true,
		},
		source: {
			bucketInfo: {name: sourceBucket, accountId: account, region: sourceRegion, policy: null, versioning: 'Enabled'},
			objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey, bucketKeyEnabled: false}},
			keyInfo: customerKey(sourceKey),
		},
		bucket: {accountId: destinationAccount, region: destinationRegion, policy: cross ? destinationBucketPolicy : null, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: replicaKey, bucketKeyEnabled: false}, versioning: 'Enabled'},
		key: customerKey(replicaKey, cross ? crossAccountReplicaKeyPolicy() : policy(enableIam())),
		organization: {serviceControlPolicies: [], resourceControlPolicies: []},
		requestContext: {},
		...overrides,
	};
};

const allowedActions = {
	's3:GetReplicationConfiguration@source': 'allowed',
	's3:ListBucket@source': 'allowed',
	's3:GetObjectVersionForReplication@source': 'allowed',
	's3:GetObjectVersionAcl@source': 'allowed',
	'kms:Decrypt@source': 'allowed',
	's3:ReplicateObject@destination': 'allowed',
	'kms:Encrypt@destination': 'allowed',
};

/** Apply every fix of a diagnosis once and diagnose again: the proof that the fixes, together, make it allowed. */
const expectFixesProven = (snapshot: Snapshot, appliesIn: Partial<Record<string, string>> = {}): void => {
	const diagnosis = diagnose(snapshot);
	expect(diagnosis.fixes.length).toBeGreaterThan(0);
	let patched = snapshot;
	for (const fix of diagnosis.fixes) {
		expect(fix.proven, fix.summary).toBe(true);
		expectLeastPrivilege(fix);
		expectExistingStatementsKept(policyBefore(snapshot, fix), fix);
		const owner = fix.place ? appliesIn[fix.place] : undefined;
		if (owner) expect(fix.appliesIn.account, fix.summary).toBe(owner);
		patched = applyFix(patched, fix);
	}
	expect(diagnose(patched).verdict).toBe('allowed');
};

describe('replication: S3 replicates an SSE-KMS object as the role the rule names', () => {
	it("same account: AWS's trust policy, access policy and KMS statements allow every action, and no finding", () => {
		const diagnosis = diagnose(replicationSnapshot());
		expect(decisions(diagnosis)).toEqual(allowedActions);
		expect(diagnosis.verdict).toBe('allowed');
		expect(findingIds(diagnosis)).toEqual([]);
		expect(diagnosis.question.principalArn).toBe(roleArn);
	});

	it('checks bucket actions on the source bucket ARN and object actions on the object ARNs of each side', () => {
		const {actions} = diagnose(replicationSnapshot());
		const resourceOf = (id: string) => actions.find(action => action.id === id)!.resource;
		expect(resourceOf('s3:GetReplicationConfiguration@source')).toBe(`arn:aws:s3:::${sourceBucket}`);
		expect(resourceOf('s3:GetObjectVersionForReplication@source')).toBe(`arn:aws:s3:::${sourceBucket}/${objectKey}`);
		expect(resourceOf('s3:ReplicateObject@destination')).toBe(`arn:aws:s3:::${destinationBucket}/${objectKey}`);
		expect(resourceOf('kms:Encrypt@destination')).toBe(replicaKeyOf(account));
	});

	it("asks KMS through S3 of each bucket's Region with that bucket's encryption context, and invents no aws:CalledVia", () => {
		const {actions} = diagnose(replicationSnapshot());
		const decrypt = actions.find(action => action.id === 'kms:Decrypt@source')!;
		const encrypt = actions.find(action => action.id === 'kms:Encrypt@destination')!;
		expect(decrypt.context['kms:ViaService']).toBe(`s3.${sourceRegion}.amazonaws.com`);
		expect(decrypt.context['kms:EncryptionContext:aws:s3:arn']).toBe(`arn:aws:s3:::${sourceBucket}/${objectKey}`);
		expect(encrypt.context['kms:ViaService']).toBe(`s3.${destinationRegion}.amazonaws.com`);
		expect(encrypt.context['kms:EncryptionContext:aws:s3:arn']).toBe(`arn:aws:s3:::${destinationBucket}/${objectKey}`);
		expect(encrypt.context['aws:CalledVia']).toBeUndefined();
		// IAM: "The context key returns false if the service uses a service role or service-linked role to make a call on the principal's behalf."
		expect(encrypt.context['aws:ViaAWSService']).toBe(false);
	});

	it('with an S3 Bucket Key the context is the bucket ARN, and the replica key needs kms:Decrypt too', () => {
		const snapshot = replicationSnapshot();
		const withBucketKey = {...snapshot, source: {...snapshot.source, objectInfo: {encryption: {algorithm: 'aws:kms' as const, kmsKeyId: sourceKey, bucketKeyEnabled: true}}}};
		const diagnosis = diagnose(withBucketKey);
		const byId = Object.fromEntries(diagnosis.actions.map(action => [action.id, action]));
		expect(byId['kms:Decrypt@source']!.context['kms:EncryptionContext:aws:s3:arn']).toBe(`arn:aws:s3:::${sourceBucket}`);
		expect(byId['kms:Encrypt@destination']!.context['kms:EncryptionContext:aws:s3:arn']).toBe(`arn:aws:s3:::${destinationBucket}`);
		// AWS's example policy pins object ARNs (key-prefix1*): with Bucket Keys both KMS actions are denied.
		expect(byId['kms:Decrypt@destination']).toBeDefined();
		expect(decisions(diagnosis)['kms:Encrypt@destination']).toBe('denied');
		expect(findingIds(diagnosis)).toContain('bucket-key-context');
	});

	it("a source object without a Bucket Key into a bucket whose default turns them on: undocumented, so the replica's context is unknown, never guessed", () => {
		const snapshot = replicationSnapshot();
		const bucketKeyDefault = {...snapshot, bucket: {...snapshot.bucket!, defaultEncryption: {algorithm: 'aws:kms' as const, kmsKeyId: replicaKeyOf(account), bucketKeyEnabled: true}}};
		const diagnosis = diagnose(bucketKeyDefault);
		const encrypt = diagnosis.actions.find(action => action.id === 'kms:Encrypt@destination')!;
		expect(encrypt.context['kms:EncryptionContext:aws:s3:arn']).toBeUndefined();
		// AWS's example policy tests the context: the decision cannot be allowed, and the Decrypt for a Bucket Key is asked too.
		expect(decisions(diagnosis)['kms:Encrypt@destination']).toBe('unknown');
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBeDefined();
		// The replica keeps the source's setting: a source without a Bucket Key and a default without one is off.
		expect(diagnose(snapshot).actions.map(action => action.id)).not.toContain('kms:Decrypt@destination');
	});

	it('same account, the role lacks kms:Encrypt on the replica key: the fix goes into the role, with exactly kms:Encrypt, and is proven', () => {
		const snapshot = replicationSnapshot();
		const document = snapshot.principal!.identityPolicies![0]!.document as {Statement: unknown[]};
		const withoutEncrypt = {...snapshot, principal: {...snapshot.principal!, identityPolicies: [named('ReplicationPolicy', {...document, Statement: document.Statement.slice(0, 4)})]}};
		const diagnosis = diagnose(withoutEncrypt);
		expect(decisions(diagnosis)['kms:Encrypt@destination']).toBe('denied');
		expect(statusTable(diagnosis)['kms:Encrypt@destination#identity-policy']).toBe('missing');
		const actions = diagnosis.fixes.flatMap(fix => ((fix.statement?.['Action'] as string[] | string | undefined) ?? []));
		expect([actions].flat()).toContain('kms:Encrypt');
		expect([actions].flat()).not.toContain('kms:GenerateDataKey');
		expectFixesProven(withoutEncrypt, {'identity-policy': account});
	});
});

describe('replication across accounts', () => {
	it("is allowed by AWS's destination bucket policy and a replica key policy that allows the source account", () => {
		const diagnosis = diagnose(replicationSnapshot({destinationAccount: otherAccount}));
		expect(decisions(diagnosis)).toEqual(allowedActions);
		expect(findingIds(diagnosis)).toEqual([]);
	});

	it('without the destination bucket policy, s3:ReplicateObject is missing there, and the fix is in the destination account', () => {
		const snapshot = replicationSnapshot({destinationAccount: otherAccount});
		const noPolicy = {...snapshot, bucket: {...snapshot.bucket!, policy: null}};
		const diagnosis = diagnose(noPolicy);
		expect(decisions(diagnosis)['s3:ReplicateObject@destination']).toBe('denied');
		expect(statusTable(diagnosis)['s3:ReplicateObject@destination#bucket-policy']).toBe('missing');
		expectFixesProven(noPolicy, {'bucket-policy': otherAccount});
	});

	it("when the replica key's owner does not allow the role, kms:Encrypt is missing in the key policy, and its fix is the destination key owner's", () => {
		const snapshot = replicationSnapshot({destinationAccount: otherAccount});
		const ownerOnly = {...snapshot, key: customerKey(replicaKeyOf(otherAccount), policy(enableIam(otherAccount)))};
		const diagnosis = diagnose(ownerOnly);
		expect(decisions(diagnosis)['kms:Encrypt@destination']).toBe('denied');
		expect(statusTable(diagnosis)['kms:Encrypt@destination#key-policy']).toBe('missing');
		const keyFix = diagnosis.fixes.find(fix => fix.place === 'key-policy')!;
		expect(keyFix.statement!['Action']).toEqual(['kms:Encrypt']);
		expectFixesProven(ownerOnly, {'key-policy': otherAccount});
	});
});

describe('replication findings that are not a missing grant', () => {
	const withRule = (rule: Partial<NonNullable<Snapshot['replication']>>, options: Options = {}): Snapshot => {
		const snapshot = replicationSnapshot(options);
		return {...snapshot, replication: {...snapshot.replication!, ...rule}};
	};

	it('a rule that does not opt in to SSE-KMS objects (SourceSelectionCriteria.SseKmsEncryptedObjects)', () => {
		const finding = diagnose(withRule({sseKmsEncryptedObjects: false})).findings.find(entry => entry.id === 'replication-sse-kms-not-selected');
		expect(finding?.severity).toBe('error');
		expect(finding?.remedy).toContain('"SseKmsEncryptedObjects": {"Status": "Enabled"}');
		expect(finding?.remedy).toContain(`put-bucket-replication --bucket ${sourceBucket}`);
	});

	it('a rule that names no replica key: the KMS encrypt is on a key that is not known, never allowed', () => {
		const diagnosis = diagnose(withRule({replicaKmsKeyId: null}));
		expect(findingIds(diagnosis)).toContain('replication-no-replica-key');
		expect(decisions(diagnosis)['kms:Encrypt@destination']).not.toBe('allowed');
		expect(diagnosis.actions.find(action => action.id === 'kms:Encrypt@destination')!.resource).toBe('the replica key (the rule names none)');
	});

	it("a replica key named by an alias: warned, with the key it resolves to in the role's account", () => {
		const snapshot = withRule({replicaKmsKeyId: 'alias/replicas'}, {destinationAccount: otherAccount});
		// The alias resolves in the requester's account: the role's, not the destination's.
		const roleAccountKey = {...customerKey(keyArnOf(account, destinationRegion, '3333cccc-33cc-33cc-33cc-333333333333')), aliases: ['alias/replicas']};
		const diagnosis = diagnose({...snapshot, key: roleAccountKey});
		const finding = diagnosis.findings.find(entry => entry.id === 'replication-replica-key-alias')!;
		expect(finding.severity).toBe('warning');
		expect(finding.message).toContain(`it resolves to ${roleAccountKey.arn}, a key of account ${account}, not of the destination bucket's owner ${otherAccount}`);
		expect(diagnosis.question.keyArn).toBe(roleAccountKey.arn);
	});

	it('an alias whose key was not read says which read settles it', () => {
		const snapshot = without(withRule({replicaKmsKeyId: 'alias/replicas'}), 'key');
		const finding = diagnose(snapshot).findings.find(entry => entry.id === 'replication-replica-key-alias')!;
		expect(finding.message).toContain(`kms:DescribeKey --key-id alias/replicas with a profile of account ${account} in ${destinationRegion}`);
	});

	it('a replica key in another Region than the destination bucket', () => {
		const otherRegionKey = keyArnOf(account, sourceRegion, '4444dddd-44dd-44dd-44dd-444444444444');
		const snapshot = withRule({replicaKmsKeyId: otherRegionKey});
		const diagnosis = diagnose({...snapshot, key: customerKey(otherRegionKey)});
		const finding = diagnosis.findings.find(entry => entry.id === 'key-region-mismatch')!;
		expect(finding.message).toContain(`the bucket is in ${destinationRegion}`);
	});

	it('the AWS managed key as replica key across accounts', () => {
		const managed = {...customerKey(keyArnOf(otherAccount, destinationRegion, '5555eeee-55ee-55ee-55ee-555555555555')), keyManager: 'AWS' as const, aliases: ['alias/aws/s3']};
		const snapshot = withRule({replicaKmsKeyId: managed.arn}, {destinationAccount: otherAccount});
		const diagnosis = diagnose({...snapshot, key: managed});
		expect(findingIds(diagnosis)).toContain('replication-aws-managed-replica-key');
	});

	it('a role whose trust policy does not let s3.amazonaws.com assume it; unknown when it was not read', () => {
		const snapshot = replicationSnapshot();
		const ec2Only = policy({Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'});
		const notTrusted = diagnose({...snapshot, principal: {...snapshot.principal!, trustPolicy: ec2Only}});
		const finding = notTrusted.findings.find(entry => entry.id === 'replication-role-not-trusted')!;
		expect(finding.severity).toBe('error');
		expect(finding.remedy).toContain('"Principal":{"Service":"s3.amazonaws.com"}');
		expect(finding.remedy).toContain(`in account ${account}`);
		expect(findingIds(diagnose(without(snapshot, 'principal.trustPolicy')))).toContain('replication-role-trust-unknown');
	});

	it("a session of the role, the role not read: named by its name, never by an ARN rebuilt from the session's without the role's path", () => {
		// IAM identifiers: a role is "arn:aws:iam::account:role/role-name-with-path", a session
		// "arn:aws:sts::account:assumed-role/role-name/role-session-name": the session's ARN leaves the role's path out.
		const notRead = without(replicationSnapshot(), 'replication', 'principal.trustPolicy');
		const session = {...notRead, principal: {...notRead.principal!, arn: `arn:aws:sts::${account}:assumed-role/replication-role/s3-replication`}};
		const trustOf = (snapshot: Snapshot, id: string) => diagnose(snapshot).findings.find(entry => entry.id === id)!;
		const unknown = trustOf(session, 'replication-role-trust-unknown');
		expect(unknown.message).toContain(`whether s3.amazonaws.com may assume role replication-role in account ${account} cannot be told`);
		expect(unknown.remedy).toContain(`iam:GetRole on role replication-role in account ${account}`);
		expect(`${unknown.message} ${unknown.remedy}`).not.toContain(':role/');
		const ec2Only = policy({Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'});
		const notTrusted = trustOf({...session, principal: {...session.principal, trustPolicy: ec2Only}}, 'replication-role-not-trusted');
		expect(notTrusted.message).toContain(`The trust policy of role replication-role in account ${account} does not let s3.amazonaws.com assume it`);
		expect(notTrusted.remedy).toContain(`in account ${account}`);
		expect(notTrusted.remedy).toContain('--role-name replication-role');
		// Read or given, the role's ARN is said with its path.
		const withPath = `arn:aws:iam::${account}:role/service-role/replication-role`;
		expect(trustOf({...session, principal: {...session.principal, roleArn: withPath}}, 'replication-role-trust-unknown').remedy).toContain(`iam:GetRole on ${withPath}`);
	});

	it('versioning off on either bucket ("Both source and destination buckets must have versioning enabled")', () => {
		const snapshot = replicationSnapshot();
		const off = {...snapshot, bucket: {...snapshot.bucket!, versioning: 'Suspended' as const}, source: {...snapshot.source, bucketInfo: {...snapshot.source!.bucketInfo!, versioning: null}}};
		const finding = diagnose(off).findings.find(entry => entry.id === 'replication-versioning-off')!;
		expect(finding.message).toContain(`source bucket ${sourceBucket} (never enabled)`);
		expect(finding.message).toContain(`destination bucket ${destinationBucket} (Suspended)`);
		expect(finding.remedy).toContain(`put-bucket-versioning --bucket ${destinationBucket} --versioning-configuration Status=Enabled`);
		expect(findingIds(diagnose(without(snapshot, 'bucket.versioning')))).toContain('replication-versioning-unknown');
	});

	it("versioning off: each bucket's command names the profile read in its account, and none where no profile read it", () => {
		const snapshot = replicationSnapshot({destinationAccount: otherAccount});
		const profiles = [
			{name: 'source-admin', arn: `arn:aws:iam::${account}:user/admin`, roles: ['caller' as const]},
			{name: 'replica-admin', arn: `arn:aws:iam::${otherAccount}:user/admin`, roles: ['bucket' as const]},
		];
		const off = (named: typeof profiles): Snapshot => ({
			...snapshot,
			metadata: {collectedBy: 'live', profiles: named},
			bucket: {...snapshot.bucket!, versioning: 'Suspended'},
			source: {...snapshot.source, bucketInfo: {...snapshot.source!.bucketInfo!, versioning: null}},
		});
		const commands = (named: typeof profiles): string[][] =>
			diagnose(off(named)).findings.find(entry => entry.id === 'replication-versioning-off')!.remedy!.split('; ').map(part => argvOf(part.slice(0, part.indexOf(' ('))));
		const enable = (bucket: string): string[] => ['s3api', 'put-bucket-versioning', '--bucket', bucket, '--versioning-configuration', 'Status=Enabled'];
		expect(commands(profiles)).toEqual([
			[...enable(sourceBucket), '--profile', 'source-admin'],
			[...enable(destinationBucket), '--profile', 'replica-admin'],
		]);
		expect(commands(profiles.slice(0, 1))).toEqual([[...enable(sourceBucket), '--profile', 'source-admin'], enable(destinationBucket)]);
	});

	it("a rule to change: its put-bucket-replication names the profile read in the source bucket's account, none where its account was not read", () => {
		const snapshot = withRule({sseKmsEncryptedObjects: false});
		const remedy = (changed: Snapshot): string => diagnose(changed).findings.find(entry => entry.id === 'replication-sse-kms-not-selected')!.remedy!;
		const commandOf = (text: string): string[] => {
			const from = text.indexOf('aws s3api put-bucket-replication');
			return argvOf(text.slice(from, text.indexOf(' (', from)));
		};
		const profiles = [{name: 'source-admin', arn: `arn:aws:iam::${account}:user/admin`, roles: ['caller' as const]}];
		const live = {...snapshot, metadata: {collectedBy: 'live' as const, profiles}};
		expect(live.source?.bucketInfo?.accountId).toBe(account);
		expect(commandOf(remedy(live))).toEqual(['s3api', 'put-bucket-replication', '--bucket', sourceBucket, '--profile', 'source-admin']);
		const {accountId: _read, ...unread} = live.source!.bucketInfo!;
		expect(commandOf(remedy({...live, source: {...live.source, bucketInfo: unread}}))).toEqual(['s3api', 'put-bucket-replication', '--bucket', sourceBucket]);
	});

	it("a role S3 may not assume: the trust policy's command names the profile of the role's account", () => {
		const snapshot = replicationSnapshot();
		const ec2Only = policy({Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'});
		const notTrusted = (profiles: NonNullable<NonNullable<Snapshot['metadata']>['profiles']>) =>
			diagnose({...snapshot, metadata: {collectedBy: 'live', profiles}, principal: {...snapshot.principal!, trustPolicy: ec2Only}}).findings.find(entry => entry.id === 'replication-role-not-trusted')!.remedy!;
		const commandOf = (remedy: string): string[] => argvOf(remedy.slice(remedy.indexOf('(aws ') + 1, remedy.indexOf(', keeping')));
		const trustCommand = ['iam', 'update-assume-role-policy', '--role-name', 'replication-role', '--policy-document', 'file://trust.json'];
		expect(commandOf(notTrusted([{name: 'ops', arn: `arn:aws:iam::${account}:user/ops`, roles: ['key']}]))).toEqual([...trustCommand, '--profile', 'ops']);
		expect(commandOf(notTrusted([{name: 'replica-admin', arn: `arn:aws:iam::${otherAccount}:user/admin`, roles: ['caller']}]))).toEqual(trustCommand);
	});

	it("policies of another principal than the rule's role are not the replication's", () => {
		const snapshot = replicationSnapshot();
		const other = {...snapshot, principal: {...snapshot.principal!, arn: `arn:aws:iam::${account}:role/someone-else`}};
		expect(findingIds(diagnose(other))).toContain('replication-other-role');
		// A role ARN with a path is the same role as the rule's ARN without it.
		const withPath = {...snapshot, replication: {...snapshot.replication!, role: `arn:aws:iam::${account}:role/service/replication-role`}};
		expect(findingIds(diagnose(withPath))).not.toContain('replication-other-role');
	});

	it('a rule not read: said once, and the replica key stays unknown unless given', () => {
		const snapshot = without(replicationSnapshot(), 'replication', 'key');
		const diagnosis = diagnose(snapshot);
		expect(findingIds(diagnosis)).toContain('replication-rule-unknown');
		expect(decisions(diagnosis)['kms:Encrypt@destination']).toBe('unknown');
	});
});

describe('replication snapshots', () => {
	it('read with the new facts; older snapshots without them still read', () => {
		expect(parseSnapshot(JSON.stringify(replicationSnapshot()), 'replication.json').ok).toBe(true);
		const old = without(replicationSnapshot(), 'replication', 'principal.trustPolicy', 'bucket.versioning', 'source.bucketInfo.versioning');
		expect(parseSnapshot(JSON.stringify(old), 'old.json').ok).toBe(true);
	});
});

/**
 * AWS General Reference, ARN format: "A partition is a group of AWS Regions. Each AWS account is scoped to one
 * partition. The following are the supported partitions: aws - AWS Regions, aws-cn - China Regions, aws-us-gov - AWS
 * GovCloud (US) Regions". The same replication in China: every ARN a finding or a row names is in aws-cn.
 */
describe('replication in China (aws-cn)', () => {
	const inChina = (snapshot: Snapshot): Snapshot =>
		JSON.parse(JSON.stringify(snapshot).replaceAll('arn:aws:', 'arn:aws-cn:').replaceAll(sourceRegion, 'cn-north-1').replaceAll(destinationRegion, 'cn-northwest-1')) as Snapshot;

	it("allows S3's actions with AWS's policies written in aws-cn, and leaves ? the KMS ones they keep to a kms:ViaService AWS does not document there", () => {
		// AWS's replication policies test kms:ViaService s3.REGION.amazonaws.com; in the China Regions AWS documents no value.
		const diagnosis = diagnose(inChina(replicationSnapshot()));
		expect(decisions(diagnosis)).toMatchObject({...allowedActions, 'kms:Decrypt@source': 'unknown', 'kms:Encrypt@destination': 'unknown'});
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.unknowns.find(note => note.what === "the request's kms:ViaService")?.resolveWith).toMatch(/^AWS does not document kms:ViaService's value for S3 in the China Regions/);
	});

	it('names the source bucket in aws-cn where the rule was not read: the finding and the unknown replica key', () => {
		const diagnosis = diagnose(without(inChina(replicationSnapshot()), 'replication', 'key'));
		const text = JSON.stringify(diagnosis);
		expect(diagnosis.findings.find(entry => entry.id === 'replication-rule-unknown')?.remedy).toContain(`s3:GetReplicationConfiguration on arn:aws-cn:s3:::${sourceBucket} `);
		expect(text).toContain(`s3:GetReplicationConfiguration on arn:aws-cn:s3:::${sourceBucket}: the rule's ReplicaKmsKeyID names the key`);
		expect(text).not.toContain('arn:aws:s3:::');
	});

	it('names each bucket whose versioning is not known in aws-cn', () => {
		const snapshot = without(inChina(replicationSnapshot()), 'bucket.versioning', 'source.bucketInfo.versioning');
		const finding = diagnose(snapshot).findings.find(entry => entry.id === 'replication-versioning-unknown')!;
		expect(finding.remedy).toContain(`s3:GetBucketVersioning on arn:aws-cn:s3:::${sourceBucket} `);
		expect(finding.remedy).toContain(`s3:GetBucketVersioning on arn:aws-cn:s3:::${destinationBucket} `);
	});
});
