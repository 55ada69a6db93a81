import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucket, crossAccountDownload, fullIdentityPolicy, keyArnOf, otherAccount, policy, sessionArn} from './support/build-snapshot.js';
import {decisions, expectFixesHold} from './support/fix-checks.js';

/**
 * A session's aws:PrincipalArn. IAM User Guide, "AWS global condition context keys": "For IAM roles, the request context
 * returns the ARN of the role, not the ARN of the user that assumed the role." and "Do not specify the assumed role
 * session ARN as a value for this condition key." IAM identifiers: a role is "arn:aws:iam::account:role/role-name-with-path",
 * a session "arn:aws:sts::account:assumed-role/role-name/role-session-name". So a session's ARN does not say the role's
 * ARN: it is known only where the role was read (iam:GetRole) or its ARN given (principal.roleArn).
 */

const fixture = (name: string): Snapshot => JSON.parse(readFileSync(new URL(`../fixtures/snapshots/${name}`, import.meta.url), 'utf8')) as Snapshot;
const withRoleArn = (snapshot: Snapshot, roleArn: string): Snapshot => ({...snapshot, principal: {...snapshot.principal!, roleArn}});

// Deny s3:GetObject unless ArnNotLike aws:PrincipalArn arn:aws:iam::111122223333:role/Reader; the caller is a session of Reader.
const onlyReader = fixture('session-principal-arn-role-not-read.json');
// Deny s3:GetObject from outside one VPC endpoint; the request comes from none.
const vpceOnly = fixture('session-narrow-deny-role-not-read.json');

describe('a condition on aws:PrincipalArn, for a session whose role was not read', () => {
	it('is undecided, never allowed on the guess role/NAME', () => {
		const diagnosis = diagnose(onlyReader);
		expect(diagnosis.verdict).toBe('unknown');
		expect(decisions(diagnosis)['s3:GetObject@destination']).toBe('unknown');
	});

	it('names the read that settles it: iam:GetRole on the role, or its ARN in the snapshot', () => {
		const note = diagnose(onlyReader).unknowns.find(unknown => unknown.what === "the request's aws:PrincipalArn");
		expect(note?.resolveWith).toContain('iam:GetRole on role Reader in account 111122223333');
		expect(note?.resolveWith).toContain('principal.roleArn');
	});
});

describe('a condition on aws:PrincipalArn, for a session whose role was read or given', () => {
	it('is decided with the role ARN read, path included: a role with a path is not role/NAME', () => {
		const read = fixture('session-principal-arn-role-read.json');
		expect(read.principal?.roleArn).toBe('arn:aws:iam::111122223333:role/team/Reader');
		expect(diagnose(read).verdict).toBe('denied');
	});

	it('uses the ARN given, which nothing derived overrides', () => {
		expect(diagnose(withRoleArn(onlyReader, 'arn:aws:iam::111122223333:role/Reader')).verdict).toBe('allowed');
		expect(diagnose(withRoleArn(onlyReader, 'arn:aws:iam::111122223333:role/team/Reader')).verdict).toBe('denied');
	});
});

describe("the role's ARN as a bucket or key policy's Principal names it", () => {
	// AWS refuses a Principal naming a role that does not exist (S3: "Invalid principal in policy"), and shows a deleted
	// role's unique ID "because AWS can no longer map it back to a valid ARN" (IAM, "AWS JSON policy elements: Principal").
	const keyPolicyNaming = (principal: string): Snapshot => ({
		...onlyReader,
		key: {...onlyReader.key!, policy: {Version: '2012-10-17', Statement: [...(onlyReader.key!.policy!['Statement'] as object[]), {Sid: 'Reader', Effect: 'Allow', Principal: {AWS: principal}, Action: 'kms:Decrypt', Resource: '*'}]}},
	});

	it("is the session's role's ARN, path included, when it has the session's account and role name", () => {
		expect(diagnose(keyPolicyNaming('arn:aws:iam::111122223333:role/team/Reader')).verdict).toBe('denied');
		expect(diagnose(keyPolicyNaming('arn:aws:iam::111122223333:role/Reader')).verdict).toBe('allowed');
	});

	it("says nothing of it when it names another role, or the role in another account", () => {
		expect(diagnose(keyPolicyNaming('arn:aws:iam::111122223333:role/Writer')).verdict).toBe('unknown');
		expect(diagnose(keyPolicyNaming('arn:aws:iam::444455556666:role/Reader')).verdict).toBe('unknown');
	});
});

describe("a Principal naming the session's role by another path, where the role's ARN was read", () => {
	// The role is role/team/Writer; the key policy's only user statement names role/Writer: saved for another role, as
	// IAM keeps a Principal as the role's unique ID and refuses one naming a role that does not exist.
	const otherPath = fixture('key-policy-role-other-path.json');

	it('does not name the session: the key policy row is missing, never ok on the role name alone', () => {
		const diagnosis = diagnose(otherPath);
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.requirements.find(row => row.actionId === 'kms:Decrypt@destination' && row.place === 'key-policy')?.status).toBe('missing');
		const [fix] = diagnosis.fixes.filter(candidate => candidate.place === 'key-policy');
		expect(JSON.stringify(fix?.statement?.['Principal'])).toContain('arn:aws:iam::111122223333:role/team/Writer');
		expectFixesHold(otherPath, diagnosis);
	});

	it('still names it by that ARN when the role ARN is not given (the policy is what says the role\'s path)', () => {
		const {roleArn: _dropped, ...principal} = otherPath.principal!;
		expect(diagnose({...otherPath, principal}).verdict).toBe('allowed');
	});
});

describe('narrowing a Deny for a session', () => {
	it('whose role was not read: the exemption holds for the role under any path, and is not proven', () => {
		const diagnosis = diagnose(vpceOnly);
		expect(diagnosis.verdict).toBe('denied');
		const narrowed = diagnosis.fixes.filter(fix => fix.kind === 'narrow-deny');
		expect(narrowed).toHaveLength(1);
		expect(narrowed[0]).toMatchObject({proven: false, target: `arn:aws:s3:::my-bucket`});
		expect(narrowed[0]!.statement!['Condition']).toEqual({
			StringNotEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'},
			ArnNotLike: {'aws:PrincipalArn': ['arn:aws:iam::111122223333:role/Reader', 'arn:aws:iam::111122223333:role/*/Reader']},
		});
		expect(narrowed[0]!.summary).toContain('iam:GetRole on role Reader');
		expect(diagnosis.fixes.some(fix => fix.proven)).toBe(false);
	});

	it('whose role was read: the exemption names its ARN, and is proven', () => {
		const snapshot = withRoleArn(vpceOnly, 'arn:aws:iam::111122223333:role/team/Reader');
		const diagnosis = diagnose(snapshot);
		const [fix] = diagnosis.fixes.filter(candidate => candidate.kind === 'narrow-deny');
		expect(fix).toMatchObject({proven: true});
		expect(fix!.statement!['Condition']).toMatchObject({ArnNotEquals: {'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/team/Reader'}});
		expectFixesHold(snapshot, diagnosis);
	});
});

describe("a fix that names a session's role in a Principal", () => {
	// Across accounts the bucket policy must name the caller: its Principal is the role's ARN, path included.
	const foreignKey = keyArnOf(otherAccount);
	const keyPolicy = policy(allow('kms:*', '*', {Principal: {AWS: `arn:aws:iam::${otherAccount}:root`}}), allow('kms:Decrypt', '*', {Principal: {AWS: `arn:aws:iam::${account}:root`}}));
	const session = (roleArn?: string): Snapshot => {
		const snapshot = crossAccountDownload({keyPolicy, bucketPolicy: policy(allow('s3:ListBucket', `arn:aws:s3:::${bucket}`, {Principal: {AWS: `arn:aws:iam::${otherAccount}:root`}}))});
		return {...snapshot, principal: {...snapshot.principal!, arn: sessionArn, ...(roleArn ? {roleArn} : {}), identityPolicies: [fullIdentityPolicy([foreignKey])]}};
	};

	it('is not drafted when the role was not read, and a finding names the read', () => {
		const diagnosis = diagnose(session());
		expect(diagnosis.requirements.find(row => row.place === 'bucket-policy' && row.action === 's3:GetObject')?.status).toBe('missing');
		expect(diagnosis.fixes.filter(fix => fix.place === 'bucket-policy')).toEqual([]);
		const finding = diagnosis.findings.find(candidate => candidate.id === 'no-policy-fix' && candidate.message.includes('bucket policy'));
		expect(finding?.message).toContain('iam:GetRole on role Uploader');
	});

	it('names the role ARN read, path included, and is proven', () => {
		const roleArn = `arn:aws:iam::${account}:role/team/Uploader`;
		const snapshot = session(roleArn);
		const diagnosis = diagnose(snapshot);
		const [fix] = diagnosis.fixes.filter(candidate => candidate.place === 'bucket-policy');
		expect(fix).toMatchObject({proven: true, statement: {Principal: {AWS: roleArn}}});
		expectFixesHold(snapshot, diagnosis);
	});
});
