import {describe, expect, it} from 'vitest';
import {type BundleImport} from '../../../source/inputs/bundle/index.js';
import {legacyReplicaKeyPrefix, replicaKeyPrefix} from '../../../source/inputs/bundle/bundle-layout.js';
import {importedBundle} from '../../support/bundle-round-trip.js';

/** The bundle reader for --operation replication: the rule chosen on import, its role, the replica key and versioning. */

type Call = Record<string, unknown> | {readonly error: string};

const question = {format: 's3-kms-doctor/bundle@1', operation: 'replication', bucket: 'amzn-s3-demo-replica', objectKey: 'Tax/a.pdf', source: {bucket: 'amzn-s3-demo-source', objectKey: 'Tax/a.pdf'}};
const role = 'arn:aws:iam::111122223333:role/service-role/replication-role';
const taxKey = 'arn:aws:kms:us-east-1:444455556666:key/2222bbbb-22bb-22bb-22bb-222222222222';
const logsKey = 'arn:aws:kms:us-east-1:444455556666:key/3333cccc-33cc-33cc-33cc-333333333333';
const sourceKey = 'arn:aws:kms:eu-west-1:111122223333:key/1111aaaa-11aa-11aa-11aa-111111111111';
const trust = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: 's3.amazonaws.com'}, Action: 'sts:AssumeRole'}]};

const bundle = (calls: Readonly<Record<string, Call>>, asked: Record<string, unknown> = question): Map<string, string> => {
	const files = new Map<string, string>([['question.json', JSON.stringify(asked)]]);
	const rows = ['# s3-kms-doctor/bundle@1', '# file\texit\tpermission\tcommand'];
	for (const [stem, call] of Object.entries(calls)) {
		const failed = 'error' in call && typeof call.error === 'string';
		const [code, ...message] = failed ? (call.error as string).split(': ') : [];
		files.set(`${stem}.json`, failed ? '' : `${JSON.stringify(call, null, 4)}\n`);
		files.set(`${stem}.stderr`, failed ? `\nAn error occurred (${code}) when calling the X operation: ${message.join(': ')}\n` : '');
		files.set(`${stem}.exit`, failed ? '254\n' : '0\n');
		rows.push(`${stem}\t${failed ? 254 : 0}\tperm\taws x`);
	}
	files.set('manifest.tsv', `${rows.join('\n')}\n`);
	return files;
};

const imported = importedBundle;

const unread = (result: BundleImport): Record<string, {reason: string; resolveWith?: string}> => Object.fromEntries((result.snapshot.unread ?? []).map(note => [note.path, note]));

const rule = (id: string, prefix: string, priority: number, key: string) => ({
	ID: id,
	Priority: priority,
	Filter: {Prefix: prefix},
	Status: 'Enabled',
	SourceSelectionCriteria: {SseKmsEncryptedObjects: {Status: 'Enabled'}},
	Destination: {Bucket: 'arn:aws:s3:::amzn-s3-demo-replica', Account: '444455556666', EncryptionConfiguration: {ReplicaKmsKeyID: key}},
});

const configuration = {ReplicationConfiguration: {Role: role, Rules: [rule('logs', 'logs/', 2, logsKey), rule('tax', 'Tax/', 1, taxKey)]}};

const keyCalls = (prefix: string, arn: string): Record<string, Call> => ({
	[`${prefix}kms-describe-key`]: {KeyMetadata: {Arn: arn, KeyState: 'Enabled', KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT'}},
	[`${prefix}kms-get-key-policy`]: {error: 'AccessDeniedException: not in this account'},
	[`${prefix}kms-list-grants`]: {Grants: []},
	[`${prefix}kms-list-aliases`]: {Aliases: []},
});

const complete: Record<string, Call> = {
	'sts-get-caller-identity': {UserId: 'AIDAEXAMPLEADMIN0001', Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/admin'},
	'source.s3api-get-bucket-replication': configuration,
	'iam-get-role': {Role: {RoleName: 'replication-role', RoleId: 'AROAEXAMPLEREPLICATE1', Arn: role, AssumeRolePolicyDocument: trust}},
	'iam-list-role-policies': {PolicyNames: []},
	'iam-list-attached-role-policies': {AttachedPolicies: []},
	's3api-get-bucket-versioning': {},
	'source.s3api-get-bucket-versioning': {Status: 'Enabled'},
	'source.s3api-head-object': {ServerSideEncryption: 'aws:kms', SSEKMSKeyId: sourceKey},
	...keyCalls(replicaKeyPrefix(logsKey), logsKey),
	...keyCalls(replicaKeyPrefix(taxKey), taxKey),
};

describe('bundleToSnapshot --operation replication', () => {
	it('chooses the rule that covers the object, reads its role as the principal, its replica key and both buckets\' versioning', () => {
		const result = imported(bundle(complete));
		const {snapshot} = result;
		expect(snapshot.replication).toEqual({
			role,
			ruleId: 'tax',
			status: 'Enabled',
			destinationBucket: 'arn:aws:s3:::amzn-s3-demo-replica',
			destinationAccount: '444455556666',
			replicaKmsKeyId: taxKey,
			sseKmsEncryptedObjects: true,
		});
		// The role itself, as live collection reads a role a service assumes: its trust policy, no session.
		expect(snapshot.principal).toEqual({arn: role, identityPolicies: [], permissionsBoundary: null, sessionPolicy: null, trustPolicy: trust});
		expect(snapshot.key?.arn).toBe(taxKey);
		expect(snapshot.source?.keyInfo?.arn).toBe(sourceKey);
		expect(snapshot.question.source).toEqual({bucket: 'amzn-s3-demo-source', objectKey: 'Tax/a.pdf', kmsKeyId: sourceKey});
		// Never enabled (no Status) is null; Enabled is Enabled.
		expect(snapshot.bucket?.versioning).toBeNull();
		expect(snapshot.source?.bucketInfo?.versioning).toBe('Enabled');
		expect(unread(result)['key.policy']?.resolveWith).toContain("from the key's own account 444455556666");
	});

	it('--replication-rule in question.json chooses that rule, as check --replication-rule does', () => {
		const {snapshot} = imported(bundle(complete, {...question, replicationRule: 'logs'}));
		expect(snapshot.replication?.ruleId).toBe('logs');
		expect(snapshot.key?.arn).toBe(logsKey);
	});

	it('no rule covers the object: a note naming --replication-rule, and no key guessed from another rule', () => {
		const result = imported(bundle(complete, {...question, objectKey: 'other/a.pdf', source: {bucket: 'amzn-s3-demo-source', objectKey: 'other/a.pdf'}}));
		expect(result.snapshot).not.toHaveProperty('replication');
		expect(result.snapshot).not.toHaveProperty('key');
		expect(result.snapshot).not.toHaveProperty('principal');
		expect(unread(result)['replication']).toMatchObject({
			reason: 's3:GetReplicationConfiguration: no replication rule replicates other/a.pdf to amzn-s3-demo-replica',
			resolveWith: "s3:GetReplicationConfiguration on arn:aws:s3:::amzn-s3-demo-source, with credentials of the source bucket's account; name the rule with collect-script --replication-rule ID",
		});
	});

	it('get-bucket-replication denied, versioning unread: notes naming the reads that settle them, never a guess', () => {
		const {'source.s3api-get-bucket-replication': _configuration, 's3api-get-bucket-versioning': _versioning, ...rest} = complete;
		const result = imported(bundle({...rest, 'source.s3api-get-bucket-replication': {error: 'AccessDenied: Access Denied'}, 's3api-get-bucket-versioning': {error: 'AccessDenied: Access Denied'}}));
		expect(result.snapshot).not.toHaveProperty('replication');
		expect(result.snapshot).not.toHaveProperty('principal');
		expect(result.snapshot).not.toHaveProperty('key');
		expect(result.snapshot.bucket).not.toHaveProperty('versioning');
		const notes = unread(result);
		expect(notes['replication']?.reason).toBe('s3:GetReplicationConfiguration: denied (AccessDenied): Access Denied');
		expect(notes['principal']?.resolveWith).toContain('s3:GetReplicationConfiguration on the source bucket');
		expect(notes['bucket.versioning']).toMatchObject({reason: 's3:GetBucketVersioning: denied (AccessDenied): Access Denied', resolveWith: 's3:GetBucketVersioning on arn:aws:s3:::amzn-s3-demo-replica'});
	});

	it('a bucket without a replication configuration says so', () => {
		const result = imported(bundle({...complete, 'source.s3api-get-bucket-replication': {error: 'ReplicationConfigurationNotFoundError: The replication configuration was not found'}}));
		expect(unread(result)['replication']?.reason).toBe('s3:GetReplicationConfiguration: the bucket has no replication configuration');
	});

	it('the covering rule\'s key was not collected (beyond the script\'s bound): the key is known by its ARN only, with notes', () => {
		const withoutTax = Object.fromEntries(Object.entries(complete).filter(([stem]) => !stem.startsWith(replicaKeyPrefix(taxKey))));
		const result = imported(bundle(withoutTax));
		expect(result.snapshot.key).toEqual({arn: taxKey});
		expect(unread(result)['key']?.reason).toMatch(/not collected/);
	});

	it("reads an older script's bundle, whose replica key files are named by the key's safe name alone", () => {
		const older = Object.fromEntries(Object.entries(complete).map(([stem, call]) => [stem.replace(replicaKeyPrefix(taxKey), legacyReplicaKeyPrefix(taxKey)), call]));
		expect(Object.keys(older)).toContain(`${legacyReplicaKeyPrefix(taxKey)}kms-describe-key`);
		expect(imported(bundle(older)).snapshot.key?.arn).toBe(taxKey);
	});

	// KMS's alias: "It can contain only alphanumeric characters, forward slashes (/), underscores (_), and dashes (-)."
	it('rules naming aliases alias/tax/eu and alias/tax_eu: each key is read from its own files', () => {
		// The script reads them in sort -u order: alias/tax_eu's answers are written last.
		const [taxAlias, otherAlias] = ['arn:aws:kms:us-east-1:444455556666:alias/tax/eu', 'arn:aws:kms:us-east-1:444455556666:alias/tax_eu'];
		const aliased = {ReplicationConfiguration: {Role: role, Rules: [rule('logs', 'logs/', 2, otherAlias), rule('tax', 'Tax/', 1, taxAlias)]}};
		const {snapshot} = imported(bundle({...complete, 'source.s3api-get-bucket-replication': aliased, ...keyCalls(replicaKeyPrefix(taxAlias), taxKey), ...keyCalls(replicaKeyPrefix(otherAlias), logsKey)}));
		expect(snapshot.replication?.replicaKmsKeyId).toBe(taxAlias);
		expect(snapshot.key?.arn).toBe(taxKey);
	});
});
