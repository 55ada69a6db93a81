import {keyArn, managedPolicy, type FakeKey, type FakeOrganization, type FakeScenario, type PolicyDoc} from './scenario.js';

/** Ready-made worlds for the live-collection tests: one account; and a caller, a bucket and a key in three. */

export const accounts = {app: '111122223333', storage: '444455556666', security: '777788889999', management: '999988887777'} as const;

const statement = (effect: 'Allow' | 'Deny', action: string | string[], resource: string | string[], extra: Record<string, unknown> = {}) => ({
	Effect: effect,
	Action: action,
	Resource: resource,
	...extra,
});
const policy = (...statements: Record<string, unknown>[]): PolicyDoc => ({Version: '2012-10-17', Statement: statements});

const keyPolicy = (owner: string, extra: Record<string, unknown>[] = []): PolicyDoc =>
	policy({Sid: 'EnableIAM', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${owner}:root`}, Action: 'kms:*', Resource: '*'}, ...extra);

/** Static keys of each identity, as the profiles' credentials files hold them. */
export const keys = {
	alice: {accessKeyId: 'AKIAFAKEALICE0000001', secretAccessKey: 'alice-secret'},
	uploader: {accessKeyId: 'ASIAFAKEUPLOADER0001', secretAccessKey: 'uploader-secret', sessionToken: 'uploader-token'},
	storageAdmin: {accessKeyId: 'AKIAFAKESTORAGE00001', secretAccessKey: 'storage-secret'},
	securityAdmin: {accessKeyId: 'AKIAFAKESECURITY0001', secretAccessKey: 'security-secret'},
	orgAdmin: {accessKeyId: 'AKIAFAKEORGADMIN0001', secretAccessKey: 'org-secret'},
} as const;

const app = accounts.app;
const uploadsKey: FakeKey = {
	account: app,
	region: 'eu-west-1',
	id: '1234abcd-12ab-34cd-56ef-1234567890ab',
	aliases: ['alias/uploads'],
	policy: keyPolicy(app, [
		{Sid: 'Uploader', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${app}:role/service/uploader`}, Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*'},
	]),
	grants: [
		{id: 'grant-0001', name: 'lambda', grantee: `arn:aws:iam::${app}:role/lambda-reader`, operations: ['Decrypt'], constraints: {EncryptionContextSubset: {'aws:s3:arn': 'arn:aws:s3:::acme-uploads'}}},
		{id: 'grant-0002', grantee: `arn:aws:iam::${app}:role/batch`, retiring: `arn:aws:iam::${app}:root`, operations: ['Decrypt', 'GenerateDataKey']},
	],
};

export const sameAccountOrganization: FakeOrganization = {
	id: 'o-a1b2c3d4e5',
	managementAccount: accounts.management,
	rootId: 'r-ab12',
	parents: {'ou-ab12-11111111': 'r-ab12', [app]: 'ou-ab12-11111111'},
	policies: [
		{id: 'p-FullAWSAccess', name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', document: policy(statement('Allow', '*', '*')), targets: ['r-ab12', 'ou-ab12-11111111', app]},
		{id: 'p-denyregions1', name: 'deny-other-regions', type: 'SERVICE_CONTROL_POLICY', document: policy(statement('Deny', '*', '*', {Condition: {StringNotEquals: {'aws:RequestedRegion': 'eu-west-1'}}})), targets: ['ou-ab12-11111111']},
		{id: 'p-rcpbaseline', name: 'rcp-baseline', type: 'RESOURCE_CONTROL_POLICY', document: policy(statement('Deny', 's3:*', '*', {Principal: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}})), targets: ['r-ab12']},
	],
};

/**
 * One account: an IAM user (own, group and managed policies) and a role session (inline, managed, a permissions
 * boundary, tags) upload to and download from a bucket whose default key is a customer managed key.
 */
export const sameAccountScenario = (): FakeScenario => ({
	credentials: [
		{...keys.alice, arn: `arn:aws:iam::${app}:user/dev-alice`, userId: 'AIDAFAKEALICE0000001', account: app},
		{...keys.uploader, arn: `arn:aws:sts::${app}:assumed-role/uploader/ci-run`, userId: 'AROAFAKEUPLOADER0001:ci-run', account: app},
		{...keys.orgAdmin, arn: `arn:aws:iam::${accounts.management}:user/org-admin`, userId: 'AIDAFAKEORGADMIN0001', account: accounts.management},
	],
	users: [
		{account: app, name: 'dev-alice', id: 'AIDAFAKEALICE0000001', inline: {'alice-s3': policy(statement('Allow', 's3:PutObject', 'arn:aws:s3:::acme-uploads/*'))}, attached: [`arn:aws:iam::${app}:policy/kms-use`], groups: ['developers']},
		{account: accounts.management, name: 'org-admin', id: 'AIDAFAKEORGADMIN0001'},
	],
	groups: [
		{account: app, name: 'developers', id: 'AGPAFAKEDEVELOPERS01', inline: {'read-uploads': policy(statement('Allow', 's3:GetObject', 'arn:aws:s3:::acme-uploads/*'))}, attached: [`arn:aws:iam::${app}:policy/kms-use`, 'arn:aws:iam::aws:policy/ReadOnlyAccess']},
	],
	roles: [
		{
			account: app,
			name: 'uploader',
			path: '/service/',
			id: 'AROAFAKEUPLOADER0001',
			inline: {'s3-write': policy(statement('Allow', ['s3:PutObject', 's3:GetObject'], 'arn:aws:s3:::acme-uploads/*'))},
			attached: [`arn:aws:iam::${app}:policy/kms-use`],
			boundary: `arn:aws:iam::${app}:policy/boundary`,
			tags: {team: 'data'},
		},
	],
	managedPolicies: [
		managedPolicy(
			`arn:aws:iam::${app}:policy/kms-use`,
			{v1: policy(statement('Allow', 'kms:Encrypt', '*')), v2: policy(statement('Allow', ['kms:GenerateDataKey', 'kms:Decrypt'], keyArn(uploadsKey)))},
			'v2',
		),
		managedPolicy(`arn:aws:iam::${app}:policy/boundary`, {v1: policy(statement('Allow', ['s3:*', 'kms:*'], '*'))}, 'v1'),
		managedPolicy('arn:aws:iam::aws:policy/ReadOnlyAccess', {v3: policy(statement('Allow', ['s3:Get*', 's3:List*'], '*'))}, 'v3'),
	],
	keys: [uploadsKey],
	buckets: [
		{
			name: 'acme-uploads',
			account: app,
			region: 'eu-west-1',
			policy: policy(statement('Deny', 's3:PutObject', 'arn:aws:s3:::acme-uploads/*', {Principal: '*', Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption': 'aws:kms'}}})),
			encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn(uploadsKey), bucketKey: true},
			ownership: 'BucketOwnerEnforced',
		},
		// An old bucket: no bucket policy, no default encryption configuration, no ownership controls.
		{name: 'acme-archive', account: app, region: 'eu-west-1', policy: null, encryption: null, ownership: null},
	],
	objects: [
		{bucket: 'acme-uploads', key: 'reports/2024/q1.csv', encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn(uploadsKey), bucketKey: true}},
		{bucket: 'acme-archive', key: '2019/old.txt', encryption: {algorithm: 'AES256'}},
	],
	organization: sameAccountOrganization,
});

export const sameAccountFiles = (endpoint: string) => ({
	config: [
		'[default]',
		'region = eu-west-1',
		'',
		'[profile dev]',
		'region = eu-west-1',
		'',
		'[profile ci]',
		'region = eu-west-1',
		`endpoint_url = ${endpoint}`,
		'',
		'[profile org]',
		'region = us-east-1',
		'',
	].join('\n'),
	credentials: [
		'[dev]',
		`aws_access_key_id = ${keys.alice.accessKeyId}`,
		`aws_secret_access_key = ${keys.alice.secretAccessKey}`,
		'',
		'[ci]',
		`aws_access_key_id = ${keys.uploader.accessKeyId}`,
		`aws_secret_access_key = ${keys.uploader.secretAccessKey}`,
		`aws_session_token = ${keys.uploader.sessionToken}`,
		'',
		'[org]',
		`aws_access_key_id = ${keys.orgAdmin.accessKeyId}`,
		`aws_secret_access_key = ${keys.orgAdmin.secretAccessKey}`,
		'',
	].join('\n'),
});

export const dropBucket = 'acme-drop';

/** One account's bucket that lets writers own their objects: one object its own, one a partner account wrote. */
export const objectWriterScenario = (): FakeScenario => {
	const base = sameAccountScenario();
	const key = keyArn(base.keys![0]!);
	const read = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${dropBucket}/*`}]};
	return {
		...base,
		roles: base.roles!.map(role => ({...role, inline: {...role.inline, 'drop-read': read}})),
		buckets: [...base.buckets!, {name: dropBucket, account: accounts.app, region: 'eu-west-1', policy: null, encryption: {algorithm: 'aws:kms', kmsKeyId: key}, ownership: 'ObjectWriter'}],
		objects: [
			...base.objects!,
			{bucket: dropBucket, key: 'own/report.csv', encryption: {algorithm: 'aws:kms', kmsKeyId: key}},
			{bucket: dropBucket, key: 'partner/upload.csv', encryption: {algorithm: 'aws:kms', kmsKeyId: key}, owner: accounts.storage},
		],
	};
};

const {storage, security} = accounts;
export const sharedKey: FakeKey = {
	account: security,
	region: 'eu-west-1',
	id: 'abcd1234-ab12-cd34-ef56-abcdef123456',
	aliases: ['alias/shared-data'],
	policy: keyPolicy(security, [
		{Sid: 'AppAccount', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${app}:root`}, Action: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'], Resource: '*'},
	]),
	grants: [],
};

/** A caller in one account, the bucket in a second, the key in a third (no organization). */
export const crossAccountScenario = (): FakeScenario => ({
	credentials: [
		{...keys.uploader, arn: `arn:aws:sts::${app}:assumed-role/uploader/ci-run`, userId: 'AROAFAKEUPLOADER0001:ci-run', account: app},
		{...keys.storageAdmin, arn: `arn:aws:iam::${storage}:user/storage-admin`, userId: 'AIDAFAKESTORAGE00001', account: storage},
		{...keys.securityAdmin, arn: `arn:aws:iam::${security}:user/security-admin`, userId: 'AIDAFAKESECURITY0001', account: security},
	],
	roles: [
		{
			account: app,
			name: 'uploader',
			path: '/service/',
			id: 'AROAFAKEUPLOADER0001',
			inline: {'shared-data': policy(statement('Allow', ['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::shared-data/*'), statement('Allow', ['kms:Decrypt', 'kms:GenerateDataKey'], keyArn(sharedKey)))},
		},
	],
	users: [
		{account: storage, name: 'storage-admin', id: 'AIDAFAKESTORAGE00001'},
		{account: security, name: 'security-admin', id: 'AIDAFAKESECURITY0001'},
	],
	keys: [sharedKey],
	buckets: [
		{
			name: 'shared-data',
			account: storage,
			region: 'eu-west-1',
			policy: policy(statement('Allow', ['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::shared-data/*', {Principal: {AWS: `arn:aws:iam::${app}:role/service/uploader`}})),
			encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn(sharedKey), bucketKey: false},
			ownership: 'BucketOwnerEnforced',
		},
	],
	objects: [{bucket: 'shared-data', key: 'in/data.json', encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn(sharedKey), bucketKey: false}}],
});

export const crossAccountFiles = () => ({
	config: ['[profile app]', 'region = eu-west-1', '', '[profile storage]', 'region = eu-west-1', '', '[profile security]', 'region = eu-west-1', ''].join('\n'),
	credentials: [
		'[app]',
		`aws_access_key_id = ${keys.uploader.accessKeyId}`,
		`aws_secret_access_key = ${keys.uploader.secretAccessKey}`,
		`aws_session_token = ${keys.uploader.sessionToken}`,
		'[storage]',
		`aws_access_key_id = ${keys.storageAdmin.accessKeyId}`,
		`aws_secret_access_key = ${keys.storageAdmin.secretAccessKey}`,
		'[security]',
		`aws_access_key_id = ${keys.securityAdmin.accessKeyId}`,
		`aws_secret_access_key = ${keys.securityAdmin.secretAccessKey}`,
		'',
	].join('\n'),
});
