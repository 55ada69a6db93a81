import {describe, expect, it} from 'vitest';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {redactSnapshot} from '../../source/snapshot/redact.js';
import {redactAll} from '../../source/snapshot/redact-all.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';

const caller = '111122223333';
const bucketOwner = '444455556666';
const keyOwner = '777788889999';
const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const keyArn = `arn:aws:kms:eu-west-1:${keyOwner}:key/${keyId}`;

const snapshot: Snapshot = {
	format: 's3-kms-doctor/snapshot@1',
	metadata: {title: 'acme-prod-data upload by jane.doe@acme.example', collectedBy: 'live', createdAt: '2025-01-15T10:00:00.000Z'},
	question: {operation: 'copy', bucket: 'acme-prod-data', objectKey: 'reports/2024/q1.csv', kmsKeyId: 'alias/acme-prod', source: {bucket: 'acme-staging', objectKey: 'reports/2024/q1.csv', kmsKeyId: keyArn}},
	principal: {
		arn: `arn:aws:sts::${caller}:assumed-role/AWSReservedSSO_DataEngineer_1a2b3c/jane.doe@acme.example`,
		roleArn: `arn:aws:iam::${caller}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DataEngineer_1a2b3c`,
		userId: 'AROA3XFRBF535PLBIFPI4:jane.doe@acme.example',
		identityPolicies: [
			{name: 'acme-data-write', document: {Version: '2012-10-17', Statement: [{Sid: 'Write', Effect: 'Allow', Action: 's3:PutObject', Resource: ['arn:aws:s3:::acme-prod-data/reports/*', 'arn:aws:s3:::acme-prod-data/home/${aws:username}/*']}]}},
			{name: 'AmazonS3ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:Get*', Resource: '*'}]}},
			{name: 'acme-kms-use', arn: `arn:aws:iam::${caller}:policy/acme-kms-use`, document: {Statement: [{Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyArn, Condition: {StringEquals: {'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'aws:userid': 'AROA3XFRBF535PLBIFPI4:*'}}}]}},
		],
		permissionsBoundary: null,
		tags: {team: 'data', owner: 'jane.doe@acme.example'},
		organizationId: 'o-a1b2c3d4e5',
	},
	bucket: {
		accountId: bucketOwner,
		region: 'eu-west-1',
		policy: {Statement: [{Effect: 'Allow', Principal: {AWS: [`arn:aws:iam::${caller}:root`, caller]}, Action: 's3:PutObject', Resource: 'arn:aws:s3:::acme-prod-data/*'}]},
		defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: true},
		objectOwnership: 'BucketOwnerEnforced',
	},
	key: {
		arn: keyArn,
		aliases: ['alias/acme-prod', 'alias/aws/s3'],
		keyManager: 'CUSTOMER',
		keyState: 'Enabled',
		policy: {Statement: [{Sid: 'EnableIAM', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${keyOwner}:root`}, Action: 'kms:*', Resource: '*'}, {Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${caller}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DataEngineer_1a2b3c`}, Action: 'kms:Decrypt', Resource: '*'}]},
		grants: [{grantId: 'a'.repeat(64), name: 'acme-etl', granteePrincipal: `arn:aws:iam::${caller}:role/etl`, operations: ['Decrypt'], constraints: {encryptionContextEquals: {'aws:s3:arn': 'arn:aws:s3:::acme-prod-data/reports/2024/q1.csv'}}}],
	},
	source: {bucketInfo: {name: 'acme-staging', accountId: caller, region: 'eu-west-1'}},
	organization: {
		serviceControlPolicies: [
			[{name: 'FullAWSAccess', arn: `arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-FullAWSAccess`, document: {Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]}}],
			[{name: 'acme-deny-regions', arn: 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-abcd1234', document: {Statement: [{Effect: 'Deny', Action: '*', Resource: '*'}]}}],
		],
	},
	unread: [
		{path: 'key.policy', reason: `the key is in account ${keyOwner} and a key policy can be read only from the key's own account`, resolveWith: `kms:GetKeyPolicy on ${keyArn}, with a profile of account ${keyOwner} (--key-profile)`},
		{path: 'object', reason: 's3:HeadObject: there is no object reports/2024/q1.csv in bucket acme-prod-data (404)'},
	],
};

const originals = [caller, bucketOwner, keyOwner, '999988887777', keyId, 'acme', 'jane', 'DataEngineer', 'AROA3XFRBF535PLBIFPI4', 'o-a1b2c3d4e5', 'p-abcd1234', 'reports', 'q1.csv', 'etl'];

describe('redactSnapshot', () => {
	const redacted = redactSnapshot(snapshot);
	const text = JSON.stringify(redacted);

	it('leaves no account ID, name, key ID, organization ID or email of the original', () => {
		for (const original of originals) expect(text, original).not.toContain(original);
		expect(redacted.metadata).toEqual({title: 'bucket-1 upload by user-1@example.com', collectedBy: 'live', createdAt: '2025-01-15T10:00:00.000Z', redacted: true});
	});

	it('uses one placeholder per original everywhere, so the snapshot still makes sense', () => {
		const principalAccount = redacted.principal!.arn.split(':')[4];
		expect(principalAccount).toMatch(/^\d{12}$/);
		// The caller's account: in its ARN, in the bucket policy (as root ARN and bare ID), in the grant.
		expect(redacted.bucket?.policy).toEqual({
			Statement: [{Effect: 'Allow', Principal: {AWS: [`arn:aws:iam::${principalAccount}:root`, principalAccount]}, Action: 's3:PutObject', Resource: `arn:aws:s3:::${redacted.question.bucket}/*`}],
		});
		expect(redacted.source?.bucketInfo?.accountId).toBe(principalAccount);
		// Three accounts stay three.
		expect(new Set([principalAccount, redacted.bucket?.accountId, redacted.key?.arn.split(':')[4]]).size).toBe(3);
		// The key: its ARN, the bucket default, the copy source, the identity policy.
		expect(redacted.key?.arn).toBe(redacted.bucket?.defaultEncryption?.kmsKeyId);
		expect(redacted.question.source?.kmsKeyId).toBe(redacted.key?.arn);
		expect(redacted.key?.arn).toMatch(/^arn:aws:kms:eu-west-1:\d{12}:key\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		// The alias named in the question is the key's alias.
		expect(redacted.key?.aliases).toEqual([redacted.question.kmsKeyId, 'alias/aws/s3']);
		// The role: session ARN, role ARN (path kept) and the key policy Principal agree.
		const role = redacted.principal!.arn.split('/')[1];
		expect(redacted.principal?.roleArn).toBe(`arn:aws:iam::${principalAccount}:role/aws-reserved/sso.amazonaws.com/${role}`);
		expect((redacted.key?.policy?.['Statement'] as {Principal: {AWS: string}}[])[1]!.Principal.AWS).toBe(redacted.principal?.roleArn);
		// The session (an email) in the ARN, the unique ID and the tag value.
		const session = redacted.principal!.arn.split('/')[2];
		expect(redacted.principal?.userId).toBe(`AROAREDACTED00000001:${session}`);
		expect(redacted.principal?.tags).toEqual({team: 'data', owner: session});
		// Object keys segment by segment, so a prefix in a policy still covers the object.
		expect(redacted.question.objectKey).toBe('path-1/path-2/path-3');
		expect(redacted.question.source?.objectKey).toBe('path-1/path-2/path-3');
		expect(redacted.principal?.identityPolicies?.[0]?.document).toEqual({
			Version: '2012-10-17',
			Statement: [{Sid: 'Write', Effect: 'Allow', Action: 's3:PutObject', Resource: [`arn:aws:s3:::${redacted.question.bucket}/path-1/*`, `arn:aws:s3:::${redacted.question.bucket}/path-4/\${aws:username}/*`]}],
		});
		expect(redacted.key?.grants?.[0]?.constraints).toEqual({encryptionContextEquals: {'aws:s3:arn': `arn:aws:s3:::${redacted.question.bucket}/path-1/path-2/path-3`}});
		// Condition values: the organization and the unique ID with its wildcard.
		expect((redacted.principal?.identityPolicies?.[2]?.document['Statement'] as {Condition: unknown}[])[0]!.Condition).toEqual({
			StringEquals: {'aws:PrincipalOrgID': redacted.principal?.organizationId, 'aws:userid': 'AROAREDACTED00000001:*'},
		});
		expect(redacted.principal?.organizationId).toMatch(/^o-[a-z0-9]{10,32}$/);
	});

	it("keeps what is AWS's own, the format's words and the notes' paths, and redacts inside notes", () => {
		expect(redacted.principal?.identityPolicies?.map(policy => policy.name)).toEqual(['policy-1', 'AmazonS3ReadOnlyAccess', 'policy-2']);
		expect(redacted.principal?.identityPolicies?.[1]?.arn).toBe('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
		expect(redacted.principal?.identityPolicies?.[2]?.arn).toBe(`arn:aws:iam::${redacted.principal!.arn.split(':')[4]}:policy/policy-2`);
		const scps = redacted.organization?.serviceControlPolicies as {name: string; arn: string}[][];
		expect(scps[0]![0]!.name).toBe('FullAWSAccess');
		expect(scps[0]![0]!.arn).toMatch(/^arn:aws:organizations::\d{12}:policy\/o-redacted01\/service_control_policy\/p-FullAWSAccess$/);
		expect(scps[1]![0]!.arn).toMatch(/\/p-redacted01$/);
		expect(redacted.bucket?.region).toBe('eu-west-1');
		expect(redacted.key?.keyState).toBe('Enabled');
		expect(redacted.key?.grants?.[0]?.grantId).toBe('a'.repeat(64));
		expect(redacted.unread?.map(note => note.path)).toEqual(['key.policy', 'object']);
		const keyAccount = redacted.key!.arn.split(':')[4];
		expect(redacted.unread?.[0]?.resolveWith).toBe(`kms:GetKeyPolicy on ${redacted.key?.arn}, with a profile of account ${keyAccount} (--key-profile)`);
		expect(redacted.unread?.[1]?.reason).toBe(`s3:HeadObject: there is no object path-1/path-2/path-3 in bucket ${redacted.question.bucket} (404)`);
	});

	it('gives the same output for the same input, leaves the input alone, and stays a valid snapshot', () => {
		const before = structuredClone(snapshot);
		expect(redactSnapshot(snapshot)).toEqual(redacted);
		expect(snapshot).toEqual(before);
		const parsed = parseSnapshot(text, 'redacted');
		expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
	});
});

describe('redacting a replication', () => {
	const source = '111122223333';
	const destination = '444455556666';
	const role = `arn:aws:iam::${source}:role/service-role/acme-replication-role`;
	const replicationSnapshot: Snapshot = {
		format: 's3-kms-doctor/snapshot@1',
		question: {operation: 'replication', bucket: 'acme-replica', objectKey: 'Tax/a.pdf', source: {bucket: 'acme-source', objectKey: 'Tax/a.pdf'}},
		principal: {
			arn: role,
			sessionPolicy: null,
			trustPolicy: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: 's3.amazonaws.com'}, Action: 'sts:AssumeRole', Condition: {StringEquals: {'aws:SourceAccount': Number(source)}}}]},
		},
		replication: {role, ruleId: 'acme-tax-to-dr', status: 'Enabled', destinationBucket: 'arn:aws:s3:::acme-replica', destinationAccount: destination, replicaKmsKeyId: null, sseKmsEncryptedObjects: true},
		unread: [{path: 'key', reason: 'the rule acme-tax-to-dr names no replica key (acme-replication-role)'}],
	};

	it.each([
		['names', (value: Snapshot) => redactSnapshot(value)],
		['all', (value: Snapshot) => redactAll(value).snapshot],
	])('--redact %s replaces the rule ID and the role name everywhere, the trust policy\'s account too', (_mode, redact) => {
		const redacted = redact(replicationSnapshot);
		const text = JSON.stringify(redacted);
		for (const original of ['acme-tax-to-dr', 'acme-replication-role', source, destination, 'acme-replica', 'acme-source']) expect(text).not.toContain(original);
		expect(redacted.replication?.ruleId).toBe('rule-1');
		expect(redacted.replication?.role).toBe(redacted.principal?.arn);
		expect(redacted.principal?.arn).toMatch(/^arn:aws:iam::\d{12}:role\/service-role\/role-1$/);
		expect(redacted.unread?.[0]?.reason).toBe('the rule rule-1 names no replica key (role-1)');
		// The trust policy's account number gets the role's account placeholder, as the string the engine compares it as.
		expect(redacted.principal?.trustPolicy).toMatchObject({Statement: [{Principal: {Service: 's3.amazonaws.com'}, Condition: {StringEquals: {'aws:SourceAccount': redacted.principal!.arn.split(':')[4]}}}]});
		const parsed = parseSnapshot(text, 'redacted');
		expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
	});
});
