import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {readBundleFiles} from '../../source/commands/import.js';
import {bundleToSnapshot} from '../../source/inputs/bundle/index.js';
import {renderCollectScript, validateCollectOptions, type CollectScriptInput} from '../../source/outputs/collect-script/index.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {runCollectScript, type ScriptRun} from '../support/fake-aws-cli/run-collect-script.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/bundle/${name}`, import.meta.url));

const scriptFor = (input: CollectScriptInput): string => {
	const options = validateCollectOptions(input);
	if (!options.ok) throw new Error(options.error.message);
	return renderCollectScript(options.value, {generatedBy: 's3-kms-doctor test'});
};

const importTarball = async (run: ScriptRun): Promise<{snapshot: Snapshot; missing: readonly string[]}> => {
	const read = await readBundleFiles(run.tarball);
	const imported = bundleToSnapshot(read.files);
	if (!imported.ok) throw new Error(imported.error.message);
	// The official reader must accept what the import made, exactly as check --snapshot would.
	const reparsed = parseSnapshot(JSON.stringify(imported.value.snapshot), 'imported snapshot');
	if (!reparsed.ok) throw new Error(reparsed.error.message);
	return imported.value;
};

const readOnly = /^(get|list|describe|head)-/;

const expectOnlyReadOnlyCalls = (run: ScriptRun): void => {
	for (const call of run.calls) {
		if (call.argv[0] === '--version') continue;
		expect(call.argv[1], call.argv.join(' ')).toMatch(readOnly);
	}
	expect(run.calls.filter(call => !call.matched).map(call => call.argv.join(' '))).toEqual([]);
};

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

// Each run starts a Node process per `aws` call (10 s here unloaded): a busy machine needs far more than the default 20 s.
describe('collect-script → sh with a fake aws → import', {timeout: 90_000}, () => {
	it('upload by a role in a member account: answers, "none" answers and denials all land where they belong', async () => {
		const run = await runCollectScript(
			scriptFor({operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'backups/db-2024-06-01.tar', sizeBytes: '100MiB'}),
			fixture('upload-member-account.json'),
		);
		expect(run.stderr).toBe('');
		expect(run.exitCode).toBe(0);
		expect(run.stdout).toMatch(/Done: bundle\.tar\.gz/);
		expectOnlyReadOnlyCalls(run);
		// Every call leaves its answer, its error output and its exit status.
		const names = readdirSync(run.bundle);
		expect(names).toEqual(expect.arrayContaining(['question.json', 'manifest.tsv', 'kms-get-key-policy.json', 'kms-get-key-policy.stderr', 'kms-get-key-policy.exit']));
		expect(readFileSync(path.join(run.bundle, 'kms-get-key-policy.exit'), 'utf8').trim()).toBe('254');
		expect(readFileSync(path.join(run.bundle, 'manifest.tsv'), 'utf8')).toMatch(/^kms-get-key-policy\t254\tkms:GetKeyPolicy\taws kms get-key-policy --key-id arn:aws:kms:/m);

		const {snapshot, missing} = await importTarball(run);
		expect(snapshot.question).toEqual({operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'backups/db-2024-06-01.tar', sizeBytes: 104_857_600});
		expect(snapshot.metadata).toMatchObject({collectedBy: 'bundle', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)});
		expect(snapshot.principal).toEqual({
			arn: 'arn:aws:sts::111122223333:assumed-role/Uploader/alice',
			roleArn: 'arn:aws:iam::111122223333:role/service/Uploader',
			userId: 'AROAEXAMPLEUPLOADER01:alice',
			tags: {team: 'backup'},
			permissionsBoundary: null,
			organizationId: 'o-a1b2c3d4e5',
			identityPolicies: [
				{name: 'UploaderS3', document: {Version: '2012-10-17', Statement: [{Sid: 'PutBackups', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/backups/*'}]}},
				{name: 'UploaderKms', document: {Version: '2012-10-17', Statement: [{Sid: 'EncryptBackups', Effect: 'Allow', Action: 'kms:GenerateDataKey', Resource: keyArn}]}},
				{
					name: 'BackupTagging',
					arn: 'arn:aws:iam::111122223333:policy/teams/BackupTagging',
					document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:PutObjectTagging', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*'}]},
				},
			],
		});
		expect(snapshot.bucket).toEqual({
			region: 'eu-west-1',
			accountId: '111122223333',
			policy: null,
			defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true},
			objectOwnership: 'BucketOwnerEnforced',
		});
		expect(snapshot.object).toBeUndefined();
		expect(snapshot.key).toEqual({
			arn: keyArn,
			keyManager: 'CUSTOMER',
			keyState: 'Enabled',
			keySpec: 'SYMMETRIC_DEFAULT',
			keyUsage: 'ENCRYPT_DECRYPT',
			multiRegion: false,
			aliases: ['alias/backups'],
			grants: [
				{
					grantId: '0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60',
					name: 'backup-service',
					granteePrincipal: 'arn:aws:iam::111122223333:role/BackupService',
					operations: ['Decrypt', 'GenerateDataKey'],
					constraints: {encryptionContextSubset: {'aws:s3:arn': 'arn:aws:s3:::amzn-s3-demo-bucket'}},
				},
			],
		});
		expect(snapshot.organization).toBeUndefined();
		const unread = Object.fromEntries((snapshot.unread ?? []).map(note => [note.path, note]));
		expect(Object.keys(unread).sort()).toEqual(['key.policy', 'organization.resourceControlPolicies', 'organization.serviceControlPolicies', 'principal.sessionPolicy']);
		expect(unread['key.policy']).toMatchObject({reason: expect.stringMatching(/^kms:GetKeyPolicy: denied \(AccessDeniedException\): User: .* kms:GetKeyPolicy/), resolveWith: expect.stringMatching(/^kms:GetKeyPolicy on arn:aws:kms:/)});
		expect(unread['organization.serviceControlPolicies']).toMatchObject({reason: expect.stringMatching(/AccessDeniedException/), resolveWith: expect.stringMatching(/management account/)});
		expect(missing).toHaveLength(4);
	});

	it('download by a user with a group, a boundary and a key in another account; the organization walked to its root', async () => {
		const run = await runCollectScript(
			scriptFor({operation: 'download', bucket: 'amzn-s3-demo-reports', objectKey: '2024/q2 summary (final).csv'}),
			fixture('download-user-cross-account-key.json'),
		);
		expect(run.stderr).toBe('');
		expect(run.exitCode).toBe(0);
		expectOnlyReadOnlyCalls(run);
		// The parent walk stops at the root it has already read.
		expect(run.calls.filter(call => call.argv.join(' ').includes('list-parents --child-id r-ab12'))).toEqual([]);

		const {snapshot} = await importTarball(run);
		const objectKey = 'arn:aws:kms:us-east-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321';
		expect(snapshot.question).toEqual({operation: 'download', bucket: 'amzn-s3-demo-reports', objectKey: '2024/q2 summary (final).csv', kmsKeyId: objectKey});
		expect(snapshot.principal).toEqual({
			arn: 'arn:aws:iam::111122223333:user/bob',
			userId: 'AIDAEXAMPLEBOB0000001',
			sessionPolicy: null,
			organizationId: 'o-a1b2c3d4e5',
			permissionsBoundary: {
				name: 'DeveloperBoundary',
				arn: 'arn:aws:iam::111122223333:policy/DeveloperBoundary',
				document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['s3:*', 'kms:Decrypt'], Resource: '*'}]},
			},
			identityPolicies: [
				{name: 'group data-readers/ReadReports', document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-reports/*'}]}},
			],
		});
		expect(snapshot.bucket).toMatchObject({region: 'us-east-1', accountId: '111122223333', defaultEncryption: {algorithm: 'AES256', bucketKeyEnabled: false}, objectOwnership: null});
		expect(snapshot.bucket?.policy).toMatchObject({Statement: [{Sid: 'DenyInsecure', Effect: 'Deny'}]});
		// No Object Ownership setting: get-object-acl's owner is get-bucket-acl's, so the bucket's account owns it.
		expect(snapshot.object).toEqual({encryption: {algorithm: 'aws:kms', kmsKeyId: objectKey, bucketKeyEnabled: false}, ownedByBucketOwner: true, ownerAccountId: '111122223333'});
		expect(snapshot.key).toEqual({arn: objectKey, keyManager: 'CUSTOMER', keyState: 'Disabled', keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', multiRegion: true, grants: []});
		const fullAccess = {
			name: 'FullAWSAccess',
			arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
			document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]},
		};
		expect(snapshot.organization?.serviceControlPolicies?.map(level => level.map(policy => ('name' in policy ? policy.name : '?')))).toEqual([
			['FullAWSAccess'],
			['FullAWSAccess', 'DenyOutsideEU'],
			['FullAWSAccess'],
		]);
		expect(snapshot.organization?.serviceControlPolicies?.[0]).toEqual([fullAccess]);
		// RCPs are not enabled in this organization: none apply.
		expect(snapshot.organization?.resourceControlPolicies).toEqual([]);
		const unread = (snapshot.unread ?? []).map(note => note.path).sort();
		expect(unread).toEqual(['key.policy']);
		expect(snapshot.unread?.[0]?.resolveWith).toMatch(/from the key's own account 444455556666/);
	});

	it('collects and reads two managed policies whose ARNs have one safe name (policy/a/b and policy/a_b)', async () => {
		const slash = 'arn:aws:iam::111122223333:policy/a/b';
		const underscore = 'arn:aws:iam::111122223333:policy/a_b';
		const statement = (action: string) => ({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: action, Resource: keyArn}]});
		const managed = (arn: string, action: string) => [
			{call: 'iam get-policy', args: {'--policy-arn': arn}, answer: {Policy: {PolicyName: 'b', Arn: arn, DefaultVersionId: 'v1'}}},
			{call: 'iam get-policy-version', args: {'--policy-arn': arn, '--version-id': 'v1'}, answer: {PolicyVersion: {Document: statement(action), VersionId: 'v1', IsDefaultVersion: true}}},
		];
		const base = JSON.parse(readFileSync(fixture('upload-member-account.json'), 'utf8')) as {responses: Array<{call: string}>};
		const responses = base.responses.map(response =>
			response.call === 'iam list-attached-role-policies'
				? {...response, answer: {AttachedPolicies: [{PolicyName: 'b', PolicyArn: slash}, {PolicyName: 'b', PolicyArn: underscore}]}}
				: response,
		);
		const file = path.join(mkdtempSync(path.join(tmpdir(), 's3kd-colliding-')), 'fixture.json');
		writeFileSync(file, JSON.stringify({responses: [...managed(slash, 'kms:Decrypt'), ...managed(underscore, 'kms:Encrypt'), ...responses]}));

		const run = await runCollectScript(scriptFor({operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'a.txt'}), file);
		expect(run.exitCode).toBe(0);
		expectOnlyReadOnlyCalls(run);
		const asked = run.calls.filter(call => call.argv[1] === 'get-policy-version').map(call => call.argv[call.argv.indexOf('--policy-arn') + 1]);
		expect(asked).toEqual([slash, underscore]);

		const {snapshot} = await importTarball(run);
		const managedPolicies = (snapshot.principal?.identityPolicies ?? []).filter(policy => policy.arn !== undefined);
		expect(managedPolicies).toEqual([
			{name: 'b', arn: slash, document: statement('kms:Decrypt')},
			{name: 'b', arn: underscore, document: statement('kms:Encrypt')},
		]);
		expect((snapshot.unread ?? []).map(note => note.path)).not.toContain('principal.identityPolicies');
	});

	it('collects and reads policies with the longest names IAM allows: no file name passes 255 bytes', async () => {
		// A path of 497 characters (IAM allows 512), names of 128: the safe names pass 255 bytes, so the files' names are cut.
		const longPath = `/${Array.from({length: 16}, (_, index) => `unit-${String(index).padStart(2, '0')}`.padEnd(30, '-')).join('/')}/`;
		const name128 = (start: string): string => start.padEnd(128, 'x');
		const userArn = 'arn:aws:iam::111122223333:user/bob';
		const group = name128('Readers');
		const [ownInline, groupInline, otherGroupInline] = [name128('OwnInline'), name128('GroupInline-1'), name128('GroupInline-2')];
		const [ownManaged, groupManaged] = [name128('Managed-1'), name128('Managed-2')].map(name => ({name, arn: `arn:aws:iam::111122223333:policy${longPath}${name}`}));
		const statement = (action: string) => ({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: action, Resource: keyArn}]});
		const managed = ({arn, name}: {arn: string; name: string}, action: string) => [
			{call: 'iam get-policy', args: {'--policy-arn': arn}, answer: {Policy: {PolicyName: name, Arn: arn, DefaultVersionId: 'v3'}}},
			{call: 'iam get-policy-version', args: {'--policy-arn': arn, '--version-id': 'v3'}, answer: {PolicyVersion: {Document: statement(action), VersionId: 'v3', IsDefaultVersion: true}}},
		];
		const inline = (call: string, args: Record<string, string>, policyName: string, action: string) => ({call, args: {...args, '--policy-name': policyName}, answer: {...args, PolicyName: policyName, PolicyDocument: statement(action)}});
		const base = JSON.parse(readFileSync(fixture('download-user-cross-account-key.json'), 'utf8')) as {responses: Array<{call: string}>};
		const replaced: Record<string, object> = {
			'iam list-user-policies': {PolicyNames: [ownInline]},
			'iam list-attached-user-policies': {AttachedPolicies: [{PolicyName: ownManaged!.name, PolicyArn: ownManaged!.arn}]},
			'iam list-groups-for-user': {Groups: [{Path: '/', GroupName: group, GroupId: 'AGPAEXAMPLEREADERS01', Arn: `arn:aws:iam::111122223333:group/${group}`}]},
		};
		const responses = [
			...Object.entries(replaced).map(([call, answer]) => ({call, answer})),
			inline('iam get-user-policy', {'--user-name': 'bob'}, ownInline, 'kms:Decrypt'),
			...managed(ownManaged!, 'kms:DescribeKey'),
			{call: 'iam list-group-policies', args: {'--group-name': group}, answer: {PolicyNames: [groupInline, otherGroupInline]}},
			inline('iam get-group-policy', {'--group-name': group}, groupInline, 'kms:Encrypt'),
			inline('iam get-group-policy', {'--group-name': group}, otherGroupInline, 'kms:ReEncryptFrom'),
			{call: 'iam list-attached-group-policies', args: {'--group-name': group}, answer: {AttachedPolicies: [{PolicyName: groupManaged!.name, PolicyArn: groupManaged!.arn}]}},
			...managed(groupManaged!, 'kms:GenerateDataKey'),
			...base.responses.filter(response => !(response.call in replaced)),
		];
		const file = path.join(mkdtempSync(path.join(tmpdir(), 's3kd-long-names-')), 'fixture.json');
		writeFileSync(file, JSON.stringify({responses}));

		const run = await runCollectScript(scriptFor({operation: 'download', bucket: 'amzn-s3-demo-reports', objectKey: '2024/q2 summary (final).csv'}), file);
		expect(run.stderr).toBe('');
		expect(run.exitCode).toBe(0);
		expectOnlyReadOnlyCalls(run);
		const names = readdirSync(run.bundle);
		expect(names.filter(name => Buffer.byteLength(name) > 255)).toEqual([]);
		// Both policies of the group are cut to one prefix, as are both managed policies: the cksum keeps them apart.
		expect(names.filter(name => name.startsWith('iam-get-group-policy.') && name.endsWith('.json'))).toHaveLength(2);
		expect(names.filter(name => name.startsWith('iam-get-policy-version.') && name.endsWith('.json'))).toHaveLength(3);

		const {snapshot} = await importTarball(run);
		expect(snapshot.principal?.arn).toBe(userArn);
		expect(snapshot.principal?.identityPolicies).toEqual([
			{name: ownInline, document: statement('kms:Decrypt')},
			{name: ownManaged!.name, arn: ownManaged!.arn, document: statement('kms:DescribeKey')},
			{name: `group ${group}/${groupInline}`, document: statement('kms:Encrypt')},
			{name: `group ${group}/${otherGroupInline}`, document: statement('kms:ReEncryptFrom')},
			{name: groupManaged!.name, arn: groupManaged!.arn, document: statement('kms:GenerateDataKey')},
		]);
		expect((snapshot.unread ?? []).map(note => note.path)).not.toContain('principal.identityPolicies');
	});

	it('stops with a clear message when the AWS CLI has no credentials', async () => {
		const run = await runCollectScript(scriptFor({operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'a.txt'}), fixture('upload-member-account.json'), {
			FAKE_AWS_FIXTURES: fixture('no-credentials.json'),
		});
		expect(run.exitCode).toBe(1);
		expect(run.stderr).toMatch(/no working credentials.*aws sso login/);
		expect(run.calls.map(call => call.argv.slice(0, 2).join(' '))).toEqual(['--version', 'sts get-caller-identity']);
	});
});
