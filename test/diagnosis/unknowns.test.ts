import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {renderText} from '../../source/report/render-text.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {
	account,
	allow,
	bucketArn,
	buildSnapshot,
	crossAccountDownload,
	deny,
	keyArn,
	keyArnOf,
	named,
	otherAccount,
	policy,
	roleArn,
	sameAccountDownload,
	sessionArn,
	userArn,
	without,
} from './support/build-snapshot.js';
import {decisions, expectFixesHold, findingIds, requirementOf} from './support/fix-checks.js';

/** Absent means unknown: what could not be read stays undecided, says which read would decide it, and never passes for allowed. */

const put = 's3:PutObject@destination';
const gdk = 'kms:GenerateDataKey@destination';
const get = 's3:GetObject@destination';
const decrypt = 'kms:Decrypt@destination';

const resolveWithOf = (diagnosis: Diagnosis): string[] => diagnosis.unknowns.map(note => note.resolveWith ?? '');

describe('an absent key policy', () => {
	const diagnosis = diagnose(without(buildSnapshot(), 'key.policy'));

	it('leaves the key-policy row unknown, naming kms:GetKeyPolicy on the key', () => {
		const row = requirementOf(diagnosis, gdk, 'key-policy');
		expect(row.status).toBe('unknown');
		expect(row.resolveWith).toBe(`kms:GetKeyPolicy on ${keyArn}`);
		expect(row.why).toMatch(/key policy could not be read/);
	});

	it('makes the verdict unknown when nothing is denied, and lists what would decide it', () => {
		expect(decisions(diagnosis)).toEqual({[put]: 'allowed', [gdk]: 'unknown'});
		expect(diagnosis.verdict).toBe('unknown');
		expect(resolveWithOf(diagnosis)).toContain(`kms:GetKeyPolicy on ${keyArn}`);
		expect(diagnosis.summary).toMatch(/cannot be decided yet: kms:GenerateDataKey depends on .*key policy/);
		expect(diagnosis.fixes).toEqual([]);
	});

	it('for another account\'s key, says a profile of that account is needed', () => {
		const cross = diagnose(without(crossAccountDownload(), 'key.policy'));
		const row = requirementOf(cross, decrypt, 'key-policy');
		expect(row.status).toBe('unknown');
		expect(row.resolveWith).toBe(`kms:GetKeyPolicy on ${keyArnOf(otherAccount)} with a profile of the key's account ${otherAccount} (a key policy cannot be read from another account)`);
	});

	it('uses the reason and the resolution that collection recorded', () => {
		const snapshot = {...without(buildSnapshot(), 'key.policy'), unread: [{path: 'key.policy', reason: 'kms:GetKeyPolicy was denied (AccessDenied)', resolveWith: 'paste the key policy from the key owner'}]};
		const row = requirementOf(diagnose(snapshot), gdk, 'key-policy');
		expect(row.why).toContain('kms:GetKeyPolicy was denied (AccessDenied)');
		expect(row.resolveWith).toBe('paste the key policy from the key owner');
	});

	it('a denied action elsewhere still makes the verdict denied', () => {
		const snapshot = without(buildSnapshot({principal: {identityPolicies: [named('KeyOnly', policy(allow('kms:GenerateDataKey', keyArn)))]}}), 'key.policy');
		const mixed = diagnose(snapshot);
		expect(decisions(mixed)).toEqual({[put]: 'denied', [gdk]: 'unknown'});
		expect(mixed.verdict).toBe('denied');
	});
});

describe('absent identity policies', () => {
	it('for a user, name the user-policy reads on the user', () => {
		const diagnosis = diagnose(without(buildSnapshot(), 'principal.identityPolicies'));
		const row = requirementOf(diagnosis, put, 'identity-policy');
		expect(row.status).toBe('unknown');
		expect(row.resolveWith).toMatch(/^iam:ListUserPolicies, iam:GetUserPolicy, iam:ListAttachedUserPolicies/);
		expect(row.resolveWith).toContain(userArn);
		expect(diagnosis.verdict).toBe('unknown');
	});

	it('for a session, name the role-policy reads on the role behind it: by its ARN where read, else by its name (the session ARN leaves its path out)', () => {
		const diagnosis = diagnose(without(buildSnapshot({principal: {arn: sessionArn, sessionPolicy: null}}), 'principal.identityPolicies'));
		const row = requirementOf(diagnosis, put, 'identity-policy');
		expect(row.resolveWith).toMatch(/^iam:ListRolePolicies, iam:GetRolePolicy, iam:ListAttachedRolePolicies and iam:GetPolicyVersion on /);
		expect(row.resolveWith).toContain('on role Uploader in account 111122223333');
		expect(row.resolveWith).not.toContain(roleArn);
		const read = `arn:aws:iam::111122223333:role/team/Uploader`;
		const withRole = diagnose(without(buildSnapshot({principal: {arn: sessionArn, roleArn: read, sessionPolicy: null}}), 'principal.identityPolicies'));
		expect(requirementOf(withRole, put, 'identity-policy').resolveWith).toContain(`on ${read}`);
	});

	it('do not block an allow that a key policy naming the caller gives on its own', () => {
		const snapshot = without(
			buildSnapshot({
				key: {policy: policy(allow('kms:GenerateDataKey', '*', {Principal: {AWS: userArn}}))},
				bucket: {policy: policy(allow('s3:PutObject', `${bucketArn}/*`, {Principal: {AWS: userArn}}))},
			}),
			'principal.identityPolicies',
		);
		// An unread identity policy could hold an explicit Deny: still unknown, never allowed.
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('unknown');
		expect(Object.values(decisions(diagnosis))).not.toContain('allowed');
	});
});

describe('an absent bucket policy', () => {
	it('is unknown (it could deny), naming s3:GetBucketPolicy with a profile of the bucket\'s account', () => {
		const diagnosis = diagnose(without(buildSnapshot(), 'bucket.policy'));
		const row = requirementOf(diagnosis, put, 'bucket-policy');
		expect(row.status).toBe('unknown');
		expect(row.resolveWith).toBe(`s3:GetBucketPolicy on ${bucketArn} with a profile of the bucket's account`);
		expect(decisions(diagnosis)[put]).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
	});

	it('null means the bucket has none: nothing to deny, nothing needed in the same account', () => {
		const diagnosis = diagnose(buildSnapshot({bucket: {policy: null}}));
		expect(requirementOf(diagnosis, put, 'bucket-policy').status).toBe('not-needed');
		expect(diagnosis.verdict).toBe('allowed');
	});

	it('across accounts, an unknown bucket policy gets no fix: it would overwrite what we cannot see', () => {
		const diagnosis = diagnose(without(crossAccountDownload(), 'bucket.policy'));
		expect(requirementOf(diagnosis, get, 'bucket-policy').status).toBe('unknown');
		expect(diagnosis.fixes.filter(fix => fix.place === 'bucket-policy')).toEqual([]);
	});
});

describe('absent organization policies', () => {
	it('SCPs: unknown, naming the Organizations reads', () => {
		const diagnosis = diagnose(without(buildSnapshot(), 'organization.serviceControlPolicies'));
		const row = requirementOf(diagnosis, gdk, 'scp');
		expect(row.status).toBe('unknown');
		expect(row.resolveWith).toMatch(/organizations:ListParents, organizations:ListPoliciesForTarget and organizations:DescribePolicy/);
		expect(diagnosis.verdict).toBe('unknown');
	});

	it('RCPs: unknown for a customer managed key and the bucket', () => {
		const diagnosis = diagnose(without(buildSnapshot(), 'organization.resourceControlPolicies'));
		expect(requirementOf(diagnosis, gdk, 'rcp').status).toBe('unknown');
		expect(requirementOf(diagnosis, put, 'rcp').status).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
	});

	it('RCPs do not matter for an AWS managed key', () => {
		const diagnosis = diagnose(without(buildSnapshot({key: {keyManager: 'AWS'}}), 'organization.resourceControlPolicies'));
		expect(diagnosis.requirements.filter(row => row.actionId === gdk).map(row => row.place)).not.toContain('rcp');
		expect(decisions(diagnosis)[gdk]).toBe('allowed');
	});

	it('no organization at all is unknown, not "no SCPs"', () => {
		expect(diagnose(without(buildSnapshot(), 'organization')).verdict).toBe('unknown');
	});
});

describe('other absent facts', () => {
	it('an absent permissions boundary is unknown, naming iam:GetUser', () => {
		const diagnosis = diagnose(without(buildSnapshot(), 'principal.permissionsBoundary'));
		const row = requirementOf(diagnosis, gdk, 'permissions-boundary');
		expect(row.status).toBe('unknown');
		expect(row.resolveWith).toBe(`iam:GetRole or iam:GetUser on ${userArn} (its PermissionsBoundary names the policy), then iam:GetPolicy and iam:GetPolicyVersion on that policy`);
	});

	it('absent grants do not matter when the key policy and IAM allow (grants only allow)', () => {
		const diagnosis = diagnose(without(buildSnapshot(), 'key.grants'));
		expect(diagnosis.verdict).toBe('allowed');
	});

	it('absent grants are unknown when nothing else allows, naming kms:ListGrants', () => {
		const snapshot = without(buildSnapshot({principal: {identityPolicies: [named('S3', policy(allow('s3:PutObject', `${bucketArn}/*`)))]}, key: {policy: policy()}}), 'key.grants');
		const diagnosis = diagnose(snapshot);
		const grants = diagnosis.requirements.find(row => row.actionId === gdk && row.place === 'key-grant');
		expect(grants?.status).toBe('unknown');
		expect(grants?.resolveWith).toBe(`kms:ListGrants on ${keyArn}`);
		expect(diagnosis.verdict).toBe('unknown');
	});

	describe("another account's key whose grants were not read", () => {
		// KMS API Reference, ListGrants: "Cross-account use: Yes. To perform this operation on a KMS key in a different Amazon
		// Web Services account, specify the key ARN in the value of the KeyId parameter." and "Required permissions:
		// kms:ListGrants (key policy)".
		const foreignKey = keyArnOf(otherAccount);
		const unreadGrants = (metadata?: Snapshot['metadata']): Snapshot => {
			const snapshot = without(crossAccountDownload(), 'key.grants');
			const unread = [{path: 'key.grants', reason: 'kms:ListGrants: AccessDeniedException', resolveWith: `kms:ListGrants on ${foreignKey}`}];
			return {...snapshot, unread, ...(metadata ? {metadata} : {})};
		};
		const grantRow = (diagnosis: Diagnosis) => requirementOf(diagnosis, decrypt, 'key-grant');
		const read = `aws kms list-grants --key-id ${foreignKey} --region 'eu-west-1'`;

		it('the grant row names the read in the key\'s account, and why the caller\'s may not list them', () => {
			const diagnosis = diagnose(unreadGrants());
			expect(grantRow(diagnosis).status).toBe('unknown');
			expect(grantRow(diagnosis).resolveWith).toBe(
				`kms:ListGrants on ${foreignKey} from the key's account ${otherAccount} (${read}); from the caller's account ${account} KMS lists them only if the key policy allows that account kms:ListGrants`,
			);
			expect(grantRow(diagnosis).why).toContain('AccessDeniedException');
			expect(diagnosis.unknowns.find(note => note.resolveWith === grantRow(diagnosis).resolveWith)).toBeDefined();
		});

		it("with the key's account's profile where a live collection read it with one, in the markdown report too", () => {
			const profiles = [
				{name: 'dev', arn: userArn, roles: ['caller' as const]},
				{name: 'key-owner', arn: `arn:aws:iam::${otherAccount}:role/Admin`, roles: ['key' as const]},
			];
			const diagnosis = diagnose(unreadGrants({collectedBy: 'live', profiles}));
			expect(grantRow(diagnosis).resolveWith).toContain(`(${read} --profile 'key-owner')`);
			const markdown = renderMarkdown(diagnosis);
			const grants = markdown.slice(markdown.indexOf('### KMS grants'));
			const row = grants.split('\n').find(line => line.startsWith('| ? | `kms:Decrypt` | unknown |'));
			expect(row).toContain(`Resolve with: kms:ListGrants on ${foreignKey} from the key's account ${otherAccount} (${read} --profile 'key-owner'); from the caller's account ${account} KMS lists them only if the key policy allows that account kms:ListGrants`);
		});

		it("a key of the caller's own account keeps the plain read", () => {
			const snapshot = without(buildSnapshot({principal: {identityPolicies: [named('S3', policy(allow('s3:PutObject', `${bucketArn}/*`)))]}, key: {policy: policy()}}), 'key.grants');
			const row = diagnose(snapshot).requirements.find(candidate => candidate.actionId === gdk && candidate.place === 'key-grant');
			expect(row?.resolveWith).toBe(`kms:ListGrants on ${keyArn}`);
		});
	});

	it('a key named only by alias, with no key info: the key is unknown, never allowed', () => {
		const snapshot = without(buildSnapshot({question: {kmsKeyId: 'alias/uploads'}, bucket: {defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: 'alias/uploads'}}}), 'key');
		const diagnosis = diagnose(snapshot);
		expect(decisions(diagnosis)[gdk]).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.requirements.filter(row => row.actionId === gdk).every(row => row.status === 'unknown')).toBe(true);
		expect(requirementOf(diagnosis, gdk, 'identity-policy').why).toMatch(/key S3 uses is not known/);
		// Nothing to fix on a key whose ARN is not known, and no made-up account to read from.
		expect(diagnosis.fixes).toEqual([]);
		expect(diagnosis.requirements.map(row => row.resolveWith ?? '').join(' ')).not.toMatch(/profile of the key's account/);
	});

	it('a snapshot with nothing but the question does not crash and decides nothing', () => {
		const diagnosis = diagnose({format: 's3-kms-doctor/snapshot@1', question: {operation: 'upload', bucket: 'b', objectKey: 'k', kmsKeyId: keyArn}});
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.unknowns.length).toBeGreaterThan(0);
	});
});

describe('unknown request context', () => {
	const sourceIpDeny = deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'OfficeOnly', Principal: '*', Condition: {NotIpAddress: {'aws:SourceIp': '203.0.113.0/24'}}});
	const withContext = (requestContext: Snapshot['requestContext']): Snapshot => buildSnapshot({bucket: {policy: policy(sourceIpDeny)}, requestContext});

	it('a Deny on aws:SourceIp with the IP unknown never yields allowed', () => {
		const diagnosis = diagnose(withContext({}));
		expect(decisions(diagnosis)[put]).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
		const row = requirementOf(diagnosis, put, 'bucket-policy');
		expect(row.status).toBe('unknown');
		expect(row.decidedBy).toBe('bucket policy, Sid "OfficeOnly"');
		expect(diagnosis.unknowns).toContainEqual(expect.objectContaining({what: "the request's aws:SourceIp"}));
	});

	it('the IP inside the range: allowed; outside: denied by the statement', () => {
		expect(diagnose(withContext({'aws:SourceIp': '203.0.113.7'})).verdict).toBe('allowed');
		const outside = diagnose(withContext({'aws:SourceIp': '198.51.100.1'}));
		expect(outside.verdict).toBe('denied');
		expect(requirementOf(outside, put, 'bucket-policy')).toMatchObject({status: 'denied', decidedBy: 'bucket policy, Sid "OfficeOnly"'});
	});

	it('known absent (through a VPC endpoint) counts as absent: the negated operator matches and denies', () => {
		expect(diagnose(withContext({'aws:SourceIp': null})).verdict).toBe('denied');
	});

	it("kms:ViaService with the bucket's Region not read: unknown, settled by the bucket's Region, not by a requestContext entry", () => {
		// docs/snapshot.md: the keys S3 and KMS add themselves (kms:ViaService, …) "are derived from the question; you do not list them".
		const viaS3 = allow('kms:GenerateDataKey', '*', {Principal: {AWS: userArn}, Condition: {StringEquals: {'kms:ViaService': 's3.eu-west-1.amazonaws.com'}}});
		const diagnosis = diagnose(without(buildSnapshot({key: {policy: policy(viaS3)}}), 'bucket.region'));
		expect(decisions(diagnosis)[gdk]).toBe('unknown');
		const note = diagnosis.unknowns.find(candidate => candidate.what === "the request's kms:ViaService");
		expect(note?.resolveWith).toBe(`the bucket's Region, which S3's request to KMS names (s3:GetBucketLocation on ${bucketArn}, or bucket.region in the snapshot)`);
		expect(decisions(diagnose(buildSnapshot({key: {policy: policy(viaS3)}})))[gdk]).toBe('allowed');
	});

	it('aws:PrincipalOrgID unknown in a key policy condition keeps the KMS call unknown', () => {
		const snapshot = buildSnapshot({key: {policy: policy(allow('kms:GenerateDataKey', '*', {Principal: {AWS: '*'}, Condition: {StringEquals: {'aws:PrincipalOrgID': 'o-abc123'}}}))}, principal: {identityPolicies: [named('S3', policy(allow('s3:PutObject', `${bucketArn}/*`)))]}});
		expect(decisions(diagnose(snapshot))[gdk]).toBe('unknown');
		const inOrg = buildSnapshot({...snapshot, principal: {...snapshot.principal!, organizationId: 'o-abc123'}});
		expect(decisions(diagnose(inOrg))[gdk]).toBe('allowed');
	});
});

describe('invalid policy documents', () => {
	it('an invalid key policy: a warning naming the problem, the row unknown, no crash', () => {
		const snapshot = buildSnapshot({key: {policy: {Version: '2012-10-17', Statement: [{Effect: 'Perhaps', Principal: {AWS: userArn}, Action: 'kms:Decrypt', Resource: '*'}]}}});
		const diagnosis = diagnose(snapshot);
		const finding = diagnosis.findings.find(candidate => candidate.id === 'policy-invalid');
		expect(finding?.severity).toBe('warning');
		expect(finding?.message).toContain('key.policy');
		expect(finding?.message).toMatch(/Effect/);
		expect(requirementOf(diagnosis, gdk, 'key-policy').status).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
	});

	it('an invalid identity policy: the same, naming the policy\'s place in the snapshot', () => {
		const snapshot = buildSnapshot({principal: {identityPolicies: [named('Broken', {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'not an action', Resource: '*'}]})]}});
		const diagnosis = diagnose(snapshot);
		expect(findingIds(diagnosis)).toContain('policy-invalid');
		expect(diagnosis.findings.find(finding => finding.id === 'policy-invalid')!.message).toContain('principal.identityPolicies[0]');
		expect(requirementOf(diagnosis, put, 'identity-policy').status).toBe('unknown');
		expect(diagnosis.verdict).not.toBe('allowed');
	});

	it('a policy that is not even an object with a Statement', () => {
		const diagnosis = diagnose(buildSnapshot({bucket: {policy: {Version: '2012-10-17'}}}));
		expect(findingIds(diagnosis)).toContain('policy-invalid');
		expect(requirementOf(diagnosis, put, 'bucket-policy').status).toBe('unknown');
		// No fix may overwrite a policy we could not read.
		expect(diagnosis.fixes.filter(fix => fix.place === 'bucket-policy')).toEqual([]);
	});

	it('fixes elsewhere stay proven while one policy is invalid', () => {
		const snapshot = buildSnapshot({
			principal: {identityPolicies: [named('S3', policy(allow('s3:PutObject', `${bucketArn}/*`)))]},
			bucket: {policy: {Version: '2012-10-17', Statement: 'nonsense'}},
			key: {policy: policy(allow('kms:Encrypt', '*', {Principal: {AWS: `arn:aws:iam::${account}:role/Other`}}))},
		});
		const diagnosis = diagnose(snapshot);
		expectFixesHold(snapshot, diagnosis);
	});
});

describe("a bucket whose default encryption is SSE-KMS naming no key (the AWS managed key aws/s3)", () => {
	// The wizard writes this when the user answers aws/s3 for the bucket's default key.
	const snapshot = without(buildSnapshot({bucket: {defaultEncryption: {algorithm: 'aws:kms'}}}), 'question.kmsKeyId', 'key');
	const diagnosis = diagnose(snapshot);

	it('names the key aws/s3 of the bucket\'s account, never "not read" for the default encryption that was given', () => {
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.question.keySource).toBe('aws-managed-default');
		const note = diagnosis.unknowns.find(unknown => unknown.what.includes('aws/s3'));
		expect(note?.what).toBe(`the AWS managed key aws/s3 (account ${account}, eu-west-1; its key policy not read)`);
		expect(note?.reason).toMatch(/S3 uses the AWS managed key aws\/s3 \(the bucket's default encryption names no key\)/);
		expect(note?.resolveWith).toMatch(/^kms:DescribeKey --key-id alias\/aws\/s3 and kms:GetKeyPolicy in account 111122223333, eu-west-1/);
		expect(JSON.stringify(diagnosis)).not.toMatch(/GetEncryptionConfiguration/);
		expect(renderText(diagnosis, {color: false}).replace(/\s+/g, ' ')).toContain("KMS key the AWS managed key aws/s3: the bucket's default encryption names no key (its ARN and key policy were not read)");
	});
});

describe("a key whose state was not read", () => {
	it('is said to be taken as enabled, and a read state needs no such word', () => {
		const read = buildSnapshot({});
		expect(diagnose(read).assumptions.map(assumption => assumption.id)).not.toContain('key-enabled');
		const unread = without(read, 'key.keyState');
		expect(diagnose(unread).assumptions).toContainEqual({id: 'key-enabled', statement: `the KMS key ${keyArn} is enabled (its state, from kms:DescribeKey, was not read or given)`});
		// Disabled, the same request is denied whatever the policies say: the state decides, so it is never silently assumed.
		expect(diagnose(buildSnapshot({key: {keyState: 'Disabled'}})).verdict).toBe('denied');
	});
});

// S3 User Guide: "Amazon S3 supports only symmetric encryption KMS keys."
describe('the key a write uses, whose spec was not read', () => {
	const symmetric = {id: 'key-symmetric', statement: `the KMS key ${keyArn} is a symmetric encryption key (SYMMETRIC_DEFAULT), as S3 needs (its key spec, from kms:DescribeKey, was not read or given)`};

	it('is said to be taken as symmetric: another spec fails the upload whatever the policies say', () => {
		const read = buildSnapshot({});
		expect(diagnose(read).assumptions.map(assumption => assumption.id)).not.toContain('key-symmetric');
		const unread = diagnose(without(read, 'key.keySpec'));
		expect(unread.verdict).toBe('allowed');
		expect(unread.assumptions).toContainEqual(symmetric);
		expect(renderText(unread, {color: false, width: 300})).toContain(`Assumed: ${symmetric.statement}`);
		expect(diagnose(buildSnapshot({key: {keySpec: 'RSA_2048'}})).verdict).toBe('denied');
	});

	it('is not assumed for a download: the object is already encrypted with it, so it is symmetric', () => {
		expect(diagnose(without(sameAccountDownload(), 'key.keySpec')).assumptions.map(assumption => assumption.id)).not.toContain('key-symmetric');
	});
});

/**
 * The unknowns name each place as the headline does, in a sentence's words ("the key policy", "the caller's IAM
 * policies"), never as a label ("key policy", "scp"); on a request with two keys, each key's by its leg's key.
 */
describe("the unknowns' names for places not read", () => {
	const listed = (diagnosis: Diagnosis): string[] => diagnosis.unknowns.map(note => note.what);

	it('are the words the headline says they depend on', () => {
		const diagnosis = diagnose(without(buildSnapshot(), 'key.policy', 'principal.identityPolicies', 'organization'));
		expect(listed(diagnosis)).toEqual(expect.arrayContaining(["the caller's IAM policies", 'the key policy', 'the service control policies', 'the resource control policies']));
		expect(diagnosis.summary).toContain("depend on the caller's IAM policies and the key policy.");
		const text = renderText(diagnosis, {color: false, width: 200});
		expect(text).toMatch(/\n {2}\? +the caller's IAM policies\n/);
		expect(text).toMatch(/\n {2}\? +the key policy\n/);
	});

	it("say which key's policy, where the request has two keys", () => {
		const sourceKey = keyArnOf(account, 'eu-west-1', 'aaaaaaaa-1111-2222-3333-444444444444');
		const copy = buildSnapshot({
			question: {operation: 'copy', source: {bucket: 'source-bucket', objectKey: 'in/q1.csv', kmsKeyId: sourceKey}},
			source: {
				bucketInfo: {accountId: account, region: 'eu-west-1', policy: null, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
				objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
				keyInfo: {arn: sourceKey, keyManager: 'CUSTOMER', keyState: 'Enabled', keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', grants: []},
			},
		});
		const diagnosis = diagnose(without(copy, 'key.policy', 'principal.identityPolicies'));
		expect(listed(diagnosis)).toEqual(expect.arrayContaining(["the key policy of the source object's key", 'the key policy of the destination key']));
		expect(diagnosis.summary).toContain("the key policy of the source object's key");
	});
});
