import {describe, expect, it} from 'vitest';
import {bundleToSnapshot, type BundleImport} from '../../../source/inputs/bundle/index.js';
import {managedPolicyFileName} from '../../../source/inputs/bundle/bundle-layout.js';
import {importedBundle} from '../../support/bundle-round-trip.js';
import {bundleFiles, bundleQuestion, type BundleCall} from '../../support/bundle-files.js';

const roleCaller = {UserId: 'AROAEXAMPLEUPLOADER01:alice', Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/Uploader/alice'};
const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const allow = (action: string) => ({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: action, Resource: '*'}]});

const imported = importedBundle;

const unread = (result: BundleImport): Record<string, {reason: string; resolveWith?: string}> =>
	Object.fromEntries((result.snapshot.unread ?? []).map(note => [note.path, note]));

const roleCalls: Record<string, BundleCall> = {
	'sts-get-caller-identity': roleCaller,
	'iam-get-role': {Role: {RoleName: 'Uploader', RoleId: 'AROAEXAMPLEUPLOADER01', Arn: 'arn:aws:iam::111122223333:role/Uploader'}},
	'iam-list-role-policies': {PolicyNames: ['Inline']},
	'iam-get-role-policy.Inline': {PolicyName: 'Inline', PolicyDocument: allow('s3:PutObject')},
	'iam-list-attached-role-policies': {AttachedPolicies: [{PolicyName: 'Managed', PolicyArn: 'arn:aws:iam::111122223333:policy/Managed'}]},
	'iam-get-policy.arn_aws_iam__111122223333_policy_Managed': {Policy: {DefaultVersionId: 'v2'}},
	'iam-get-policy-version.arn_aws_iam__111122223333_policy_Managed': {PolicyVersion: {Document: encodeURIComponent(JSON.stringify(allow('kms:GenerateDataKey')))}},
};

describe('bundleToSnapshot', () => {
	it('refuses a bundle without its question, and a damaged question, saying what a bundle holds', () => {
		const none = bundleToSnapshot(new Map([['manifest.tsv', '']]));
		expect(!none.ok && none.error.message).toMatch(/no question\.json.*collect-script.*manifest\.tsv/);
		const broken = bundleToSnapshot(new Map([['question.json', '{"operation": "upload",']]));
		expect(!broken.ok && broken.error.message).toMatch(/question\.json is not valid JSON.*line 1/);
		const wrong = bundleToSnapshot(new Map([['question.json', JSON.stringify({...bundleQuestion, operation: 'delete'})]]));
		expect(!wrong.ok && wrong.error.message).toMatch(/"operation" must be upload, download, copy, cloudfront-download, cloudfront-upload, presigned-download, presigned-upload, service-read, service-write or replication/);
		const other = bundleToSnapshot(new Map([['question.json', JSON.stringify({...bundleQuestion, format: 'something/else@9'})]]));
		expect(!other.ok && other.error.message).toMatch(/this version reads s3-kms-doctor\/bundle@1/);
	});

	it('imports the identity policies, decoding a URL-encoded document as well as an object', () => {
		const {snapshot} = imported(bundleFiles(roleCalls));
		expect(snapshot.principal?.identityPolicies).toEqual([
			{name: 'Inline', document: allow('s3:PutObject')},
			{name: 'Managed', arn: 'arn:aws:iam::111122223333:policy/Managed', document: allow('kms:GenerateDataKey')},
		]);
		expect(snapshot.principal).toMatchObject({userId: 'AROAEXAMPLEUPLOADER01:alice', roleArn: 'arn:aws:iam::111122223333:role/Uploader', permissionsBoundary: null});
	});

	it('leaves the identity policies unknown when any of them could not be read, and says which and why', () => {
		const result = imported(bundleFiles({...roleCalls, 'iam-get-role-policy.Inline': {error: 'AccessDenied: User: x is not authorized to perform: iam:GetRolePolicy'}}));
		expect(result.snapshot.principal?.identityPolicies).toBeUndefined();
		expect(unread(result)['principal.identityPolicies']).toEqual({
			path: 'principal.identityPolicies',
			reason: 'iam:GetRolePolicy: denied (AccessDenied): User: x is not authorized to perform: iam:GetRolePolicy',
			resolveWith: 'iam:GetRolePolicy on arn:aws:iam::111122223333:role/Uploader',
		});
		expect(result.missing.join('\n')).toMatch(/principal\.identityPolicies: iam:GetRolePolicy: denied/);
	});

	it("a service's role: the principal is the role, and the snapshot names the service", () => {
		const files = bundleFiles(roleCalls);
		const role = 'arn:aws:iam::111122223333:role/Uploader';
		files.set('question.json', JSON.stringify({...bundleQuestion, operation: 'service-write', principal: role, service: {name: 'glue', roleArn: role}}));
		const {snapshot} = imported(files);
		expect(snapshot.service).toEqual({name: 'glue', roleArn: role});
		expect(snapshot.principal?.arn).toBe(role);
		// As live collection reads it: the role itself, not a session of it (no session policy to ask for, no session ID).
		expect(snapshot.principal?.sessionPolicy).toBeNull();
		expect(snapshot.principal?.userId).toBeUndefined();
		expect(snapshot.unread?.map(note => note.path)).not.toContain('principal.sessionPolicy');
	});

	it('a service that uses a role of its own, not named: whoever ran the script is not the principal', () => {
		const files = bundleFiles(roleCalls);
		files.set('question.json', JSON.stringify({...bundleQuestion, operation: 'service-read', service: {name: 'lambda'}}));
		const {snapshot} = imported(files);
		expect(snapshot.service).toEqual({name: 'lambda'});
		expect(snapshot.principal).toBeUndefined();
		files.set('question.json', JSON.stringify({...bundleQuestion, operation: 'service-read', service: {name: 'athena'}}));
		expect(imported(files).snapshot.principal?.arn).toBe('arn:aws:sts::111122223333:assumed-role/Uploader/alice');
		files.set('question.json', JSON.stringify({...bundleQuestion, operation: 'service-read', service: {name: 'kinesis'}}));
		const refused = bundleToSnapshot(files);
		expect(!refused.ok && refused.error.message).toContain('"service.name"');
		files.set('question.json', JSON.stringify({...bundleQuestion, operation: 'service-read', service: {name: 'glue', roleArn: 'arn:aws:iam::111122223333:user/u'}}));
		const user = bundleToSnapshot(files);
		expect(!user.ok && user.error.message).toContain('"service.roleArn" is not an IAM role ARN');
	});

	it('says when the IAM part was skipped because the principal is in another account', () => {
		const files = bundleFiles({'sts-get-caller-identity': {...roleCaller, Account: '999988887777'}});
		files.set('question.json', JSON.stringify({...bundleQuestion, principal: 'arn:aws:iam::111122223333:role/Uploader'}));
		files.set('manifest.tsv', `${files.get('manifest.tsv')}iam\tskipped\t-\tthe principal is in account 111122223333 but these credentials are in 999988887777\n`);
		const result = imported(files);
		expect(result.snapshot.principal?.arn).toBe('arn:aws:iam::111122223333:role/Uploader');
		expect(unread(result)['principal.identityPolicies']).toMatchObject({reason: expect.stringMatching(/principal is in account 111122223333/), resolveWith: expect.stringMatching(/credentials of account 111122223333/)});
	});

	it('turns "there is none" answers into null and failures into notes with the permission', () => {
		const result = imported(
			bundleFiles({
				'sts-get-caller-identity': roleCaller,
				's3api-get-bucket-location': {LocationConstraint: 'EU'},
				's3api-head-bucket': {error: '403: Forbidden'},
				's3api-get-bucket-policy': {error: 'MethodNotAllowed: The specified method is not allowed against this resource.'},
				's3api-get-bucket-encryption': {error: 'ServerSideEncryptionConfigurationNotFoundError: The server side encryption configuration was not found'},
				's3api-get-bucket-ownership-controls': {error: 'OwnershipControlsNotFoundError: The bucket ownership controls were not found'},
				'organizations-describe-organization': {error: 'AWSOrganizationsNotInUseException: Your account is not a member of an organization.'},
			}),
		);
		expect(result.snapshot.bucket).toEqual({region: 'eu-west-1', defaultEncryption: null, objectOwnership: null});
		expect(result.snapshot.principal?.organizationId).toBeNull();
		// The caller's account is in no organization; the bucket's account (not proven to be the caller's) may be in one.
		expect(result.snapshot.organization).toEqual({serviceControlPolicies: []});
		const notes = unread(result);
		expect(notes['organization.resourceControlPolicies']?.reason).toMatch(/bucket's account is unknown/);
		expect(notes['bucket.policy']?.resolveWith).toMatch(/bucket owner's account/);
		expect(notes['bucket.accountId']?.reason).toMatch(/head-bucket --expected-bucket-owner 111122223333 failed \(403\)/);
	});

	it("keeps the boundary's ARN that get-role or get-user names where its document was not read, as live collection does", () => {
		const boundaryArn = 'arn:aws:iam::111122223333:policy/TeamBoundary';
		const denied = {error: 'AccessDenied: User: x is not authorized to perform: iam:GetPolicyVersion'};
		const boundaryCalls = {
			[`iam-get-policy.${managedPolicyFileName(boundaryArn)}`]: {Policy: {Arn: boundaryArn, DefaultVersionId: 'v3'}},
			[`iam-get-policy-version.${managedPolicyFileName(boundaryArn)}`]: denied,
		};
		const getRole = {Role: {RoleName: 'Uploader', RoleId: 'AROAEXAMPLEUPLOADER01', Arn: 'arn:aws:iam::111122223333:role/Uploader', PermissionsBoundary: {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundaryArn}}};
		const role = imported(bundleFiles({...roleCalls, 'iam-get-role': getRole, ...boundaryCalls}));
		expect(role.snapshot.principal?.permissionsBoundary).toBeUndefined();
		expect(role.snapshot.principal?.permissionsBoundaryArn).toBe(boundaryArn);
		expect(unread(role)['principal.permissionsBoundary']?.resolveWith).toBe(`iam:GetPolicyVersion on ${boundaryArn}`);
		const user = imported(
			bundleFiles({
				'sts-get-caller-identity': {UserId: 'AIDAEXAMPLEJOHN00001', Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/john'},
				'iam-get-user': {User: {UserName: 'john', UserId: 'AIDAEXAMPLEJOHN00001', Arn: 'arn:aws:iam::111122223333:user/john', PermissionsBoundary: {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundaryArn}}},
				...boundaryCalls,
			}),
		);
		expect(user.snapshot.principal?.permissionsBoundaryArn).toBe(boundaryArn);
		// Read, the boundary is the policy itself: no ARN beside it.
		const read = imported(
			bundleFiles({
				...roleCalls,
				'iam-get-role': getRole,
				...boundaryCalls,
				[`iam-get-policy-version.${managedPolicyFileName(boundaryArn)}`]: {PolicyVersion: {Document: allow('s3:*')}},
			}),
		);
		expect(read.snapshot.principal?.permissionsBoundary).toEqual({name: 'TeamBoundary', arn: boundaryArn, document: allow('s3:*')});
		expect(read.snapshot.principal?.permissionsBoundaryArn).toBeUndefined();
	});

	it('reads a copy: the source bucket, object and key', () => {
		const files = bundleFiles({
			'sts-get-caller-identity': roleCaller,
			'source.s3api-get-bucket-location': {LocationConstraint: 'eu-west-1'},
			'source.s3api-get-bucket-policy': {error: 'NoSuchBucketPolicy: The bucket policy does not exist'},
			'source.s3api-head-object': {ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn, BucketKeyEnabled: true},
			'source.kms-describe-key': {KeyMetadata: {Arn: keyArn, KeyState: 'PendingDeletion', KeyManager: 'AWS'}},
			'source.kms-get-key-policy': {Policy: JSON.stringify(allow('kms:*')), PolicyName: 'default'},
			'source.kms-list-grants': {Grants: [{GranteePrincipal: 'arn:aws:iam::111122223333:role/X', Operations: ['Decrypt']}]},
		});
		files.set('question.json', JSON.stringify({...bundleQuestion, operation: 'copy', source: {bucket: 'amzn-s3-demo-source', objectKey: 'orig.bin'}}));
		const {snapshot} = imported(files);
		expect(snapshot.question.source).toEqual({bucket: 'amzn-s3-demo-source', objectKey: 'orig.bin', kmsKeyId: keyArn});
		expect(snapshot.source).toEqual({
			bucketInfo: {name: 'amzn-s3-demo-source', region: 'eu-west-1', policy: null},
			objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true}},
			keyInfo: {arn: keyArn, keyState: 'PendingDeletion', keyManager: 'AWS', policy: allow('kms:*'), grants: [{granteePrincipal: 'arn:aws:iam::111122223333:role/X', operations: ['Decrypt']}]},
		});
	});

	it('never reads an emptied, deleted or left-out answer as "there is none": a Deny in it would vanish', () => {
		const denyKms = {Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: 'kms:*', Resource: '*'}]};
		const withDeny = {
			...roleCalls,
			'iam-list-attached-role-policies': {AttachedPolicies: [{PolicyName: 'DenyKms', PolicyArn: 'arn:aws:iam::111122223333:policy/DenyKms'}]},
			'iam-get-policy.arn_aws_iam__111122223333_policy_DenyKms': {Policy: {Arn: 'arn:aws:iam::111122223333:policy/DenyKms', DefaultVersionId: 'v1'}},
			'iam-get-policy-version.arn_aws_iam__111122223333_policy_DenyKms': {PolicyVersion: {Document: denyKms}},
		};
		for (const damage of ['emptied', 'deleted'] as const) {
			const files = bundleFiles(withDeny);
			if (damage === 'emptied') files.set('iam-list-attached-role-policies.json', '');
			else files.delete('iam-list-attached-role-policies.json');
			const result = imported(files);
			expect(result.snapshot.principal?.identityPolicies, damage).toBeUndefined();
			expect(unread(result)['principal.identityPolicies']?.reason).toMatch(
				new RegExp(`iam-list-attached-role-policies\\.json is ${damage === 'emptied' ? 'empty' : 'missing'}, though the call succeeded`),
			);
		}
		const noEncryption = bundleFiles({'sts-get-caller-identity': roleCaller, 's3api-get-bucket-encryption': {raw: ''}});
		expect(imported(noEncryption).snapshot.bucket?.defaultEncryption).toBeUndefined();
		// head-bucket prints nothing when it succeeds: that empty answer is one.
		expect(imported(bundleFiles({'sts-get-caller-identity': roleCaller, 's3api-head-bucket': {raw: ''}})).missing.join('\n')).not.toMatch(/head-bucket/);
	});

	it('never reads a list answer without its list (`{}`) as "there is none": grants, SCPs and inline policy names stay unread', () => {
		const calls = {
			...roleCalls,
			'iam-list-role-policies': {},
			'kms-describe-key': {KeyMetadata: {KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', Arn: keyArn, KeyManager: 'CUSTOMER', KeyState: 'Enabled'}},
			'kms-get-key-policy': {Policy: JSON.stringify(allow('kms:*'))},
			'kms-list-grants': {},
			'organizations-describe-organization': {Organization: {Id: 'o-a1b2c3d4e5', MasterAccountId: '999988887777'}},
			'organizations-list-policies-for-target.SERVICE_CONTROL_POLICY.111122223333': {},
		};
		const result = imported(bundleFiles(calls));
		expect(result.snapshot.principal?.identityPolicies).toBeUndefined();
		expect(result.snapshot.key?.grants).toBeUndefined();
		expect(result.snapshot.organization?.serviceControlPolicies).toBeUndefined();
		const notes = unread(result);
		expect(notes['principal.identityPolicies']?.reason).toBe('iam:ListRolePolicies: the answer holds no PolicyNames list, though IAM sends an empty one when there are none');
		expect(notes['key.grants']).toEqual({path: 'key.grants', reason: 'kms:ListGrants: the answer holds no Grants list, so it does not say which grants the key has', resolveWith: `kms:ListGrants on ${keyArn}`});
		expect(notes['organization.serviceControlPolicies']?.reason).toBe('organizations:ListPoliciesForTarget: the answer holds no Policies list, so it does not say which policies are attached');
	});

	it('in an older bundle, does not take one managed policy for another when their file names are the same (a/b and a_b)', () => {
		const stem = 'arn_aws_iam__111122223333_policy_a_b';
		const result = imported(
			bundleFiles({
				...roleCalls,
				'iam-list-attached-role-policies': {
					AttachedPolicies: [
						{PolicyName: 'b', PolicyArn: 'arn:aws:iam::111122223333:policy/a_b'},
						{PolicyName: 'b', PolicyArn: 'arn:aws:iam::111122223333:policy/a/b'},
					],
				},
				[`iam-get-policy.${stem}`]: {Policy: {Arn: 'arn:aws:iam::111122223333:policy/a_b', DefaultVersionId: 'v1'}},
				[`iam-get-policy-version.${stem}`]: {PolicyVersion: {Document: allow('*')}},
			}),
		);
		expect(result.snapshot.principal?.identityPolicies).toBeUndefined();
		expect(unread(result)['principal.identityPolicies']?.reason).toMatch(/the bundle's answer for arn:aws:iam::111122223333:policy\/a\/b is that of arn:aws:iam::111122223333:policy\/a_b/);
	});

	it('reads both managed policies whose safe names are the same (a/b and a_b) from their checksummed file names', () => {
		const slash = 'arn:aws:iam::111122223333:policy/a/b';
		const underscore = 'arn:aws:iam::111122223333:policy/a_b';
		const managed = (arn: string, action: string): Record<string, BundleCall> => ({
			[`iam-get-policy.${managedPolicyFileName(arn)}`]: {Policy: {Arn: arn, DefaultVersionId: 'v1'}},
			[`iam-get-policy-version.${managedPolicyFileName(arn)}`]: {PolicyVersion: {Document: allow(action)}},
		});
		const result = imported(
			bundleFiles({
				...roleCalls,
				'iam-list-attached-role-policies': {AttachedPolicies: [{PolicyName: 'b', PolicyArn: slash}, {PolicyName: 'b', PolicyArn: underscore}]},
				...managed(slash, 'kms:Decrypt'),
				...managed(underscore, 'kms:Encrypt'),
			}),
		);
		expect(result.snapshot.principal?.identityPolicies?.filter(policy => policy.arn !== undefined)).toEqual([
			{name: 'b', arn: slash, document: allow('kms:Decrypt')},
			{name: 'b', arn: underscore, document: allow('kms:Encrypt')},
		]);
		expect(unread(result)['principal.identityPolicies']).toBeUndefined();
	});

	it('imports what it can from a damaged bundle: no manifest, no exit files, an answer cut short', () => {
		const files = bundleFiles(
			{
				'sts-get-caller-identity': roleCaller,
				's3api-get-bucket-location': {raw: '{\n    "LocationConstraint": "eu-'},
				's3api-get-bucket-encryption': {error: 'AccessDenied: Access Denied'},
				'kms-describe-key': {KeyMetadata: {Arn: keyArn, KeyState: 'Enabled'}},
			},
			{},
			{manifest: false, exits: false},
		);
		const result = imported(files);
		expect(result.snapshot.key).toMatchObject({arn: keyArn, keyState: 'Enabled'});
		const notes = unread(result);
		expect(notes['bucket.region']?.reason).toMatch(/s3api-get-bucket-location\.json is not valid JSON \(.*line 2/);
		expect(notes['bucket.defaultEncryption']).toMatchObject({reason: 's3:GetEncryptionConfiguration: denied (AccessDenied): Access Denied', resolveWith: 's3:GetEncryptionConfiguration on arn:aws:s3:::amzn-s3-demo-bucket'});
		expect(notes['key.policy']?.reason).toMatch(/^kms:GetKeyPolicy: not collected/);
		expect(result.snapshot.metadata?.createdAt).toBeUndefined();
	});

	it('knows the key of a download from the object, and a missing object from a 404', () => {
		const files = bundleFiles({'sts-get-caller-identity': roleCaller, 's3api-head-object': {error: '404: Not Found'}});
		files.set('question.json', JSON.stringify({...bundleQuestion, operation: 'download'}));
		const result = imported(files);
		expect(result.snapshot.object).toBeUndefined();
		expect(unread(result)['object.encryption']?.reason).toMatch(/does not exist \(404\)/);
	});

	it('walks SCP levels from the account to the root, and knows the management account is under none', () => {
		const scp = (id: string, name: string) => ({Policy: {PolicySummary: {Id: id, Name: name, Arn: `arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/${id}`}, Content: JSON.stringify(allow('*'))}});
		const calls = {
			'sts-get-caller-identity': roleCaller,
			's3api-head-bucket': {},
			'organizations-describe-organization': {Organization: {Id: 'o-a1b2c3d4e5', MasterAccountId: '999988887777'}},
			'organizations-list-policies-for-target.SERVICE_CONTROL_POLICY.111122223333': {Policies: [{Id: 'p-account'}]},
			'organizations-list-parents.111122223333': {Parents: [{Id: 'r-ab12', Type: 'ROOT'}]},
			'organizations-list-policies-for-target.SERVICE_CONTROL_POLICY.r-ab12': {Policies: [{Id: 'p-root'}]},
			'organizations-describe-policy.p-account': scp('p-account', 'AccountLevel'),
			'organizations-describe-policy.p-root': scp('p-root', 'RootLevel'),
			'organizations-list-policies-for-target.RESOURCE_CONTROL_POLICY.111122223333': {error: 'AccessDeniedException: You don\'t have permissions to access this resource.'},
		};
		const result = imported(bundleFiles(calls));
		const levels = result.snapshot.organization?.serviceControlPolicies?.map(level => level.map(policy => ('name' in policy ? policy.name : '')));
		expect(levels).toEqual([['RootLevel'], ['AccountLevel']]);
		expect(result.snapshot.organization?.resourceControlPolicies).toBeUndefined();
		expect(unread(result)['organization.resourceControlPolicies']?.resolveWith).toMatch(/management account or a delegated administrator/);

		const management = imported(bundleFiles({...calls, 'sts-get-caller-identity': {...roleCaller, Account: '999988887777', Arn: 'arn:aws:sts::999988887777:assumed-role/Admin/ops'}}));
		expect(management.snapshot.organization?.serviceControlPolicies).toEqual([]);
	});
});
