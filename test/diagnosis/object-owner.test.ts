import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderText} from '../../source/report/render-text.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, buildSnapshot, deny, fullIdentityPolicy, objectArn, otherAccount, policy, without} from './support/build-snapshot.js';
import {decisions, findingIds, requirementOf} from './support/fix-checks.js';

/**
 * "The permissions attached to the bucket apply to all of the objects in the bucket that are owned by the bucket owner.
 * These permissions don't apply to objects that are owned by other AWS accounts." (S3 User Guide, bucket policies)
 * "If the owners are different, the object owners must use an object ACL to grant permissions." (S3 User Guide, "How
 * Amazon S3 authorizes a request for an object operation")
 */

const thirdAccount = '999988887777';
const get = 's3:GetObject@destination';

type DownloadOptions = {
	owner?: string;
	ownedByBucketOwner?: boolean;
	ownership?: 'ObjectWriter' | 'BucketOwnerPreferred' | 'BucketOwnerEnforced' | null;
	bucketPolicy?: ReturnType<typeof policy> | null;
	callerArn?: string;
	collectedBy?: 'live' | 'example';
};

const download = (options: DownloadOptions = {}) =>
	without(
		buildSnapshot({
			question: {operation: 'download'},
			...(options.collectedBy ? {metadata: {collectedBy: options.collectedBy}} : {}),
			...(options.callerArn ? {principal: {arn: options.callerArn}} : {}),
			bucket: {objectOwnership: options.ownership === undefined ? 'ObjectWriter' : options.ownership, policy: options.bucketPolicy ?? null},
			object: {
				encryption: {algorithm: 'aws:kms'},
				...(options.owner ? {ownerAccountId: options.owner} : {}),
				...(options.ownedByBucketOwner === undefined ? {} : {ownedByBucketOwner: options.ownedByBucketOwner}),
			},
		}),
		'question.kmsKeyId',
		'question.sizeBytes',
		'question.tool',
		...(options.ownership === undefined || options.ownership !== null ? [] : ['bucket.objectOwnership']),
	);

describe("an object another account owns (the bucket policy's allows do not reach it)", () => {
	it('a caller of the bucket account whose IAM policy allows the read is not "allowed": the unread object ACL decides', () => {
		const diagnosis = diagnose(download({owner: otherAccount, bucketPolicy: policy(allow('s3:GetObject', objectArn, {Principal: {AWS: `arn:aws:iam::${account}:root`}}))}));
		expect(decisions(diagnosis)[get]).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
		const row = requirementOf(diagnosis, get, 'bucket-policy');
		expect(row.status).toBe('unknown');
		expect(row.why).toContain(`owned by account ${otherAccount}, not by the bucket's account ${account}`);
		expect(row.resolveWith).toContain("aws s3api get-object-acl --bucket 'example-bucket' --key 'reports/2025/q1.csv'");
		expect(findingIds(diagnosis)).toContain('object-owned-by-another-account');
		// No fix in the bucket policy can be proven: it does not reach the object.
		expect(diagnosis.fixes.filter(fix => fix.place === 'bucket-policy')).toEqual([]);
	});

	it("a caller of the owner's account is allowed by its own IAM policy (the object owner is its parent account)", () => {
		const callerArn = `arn:aws:iam::${thirdAccount}:user/writer`;
		const snapshot = download({owner: thirdAccount, callerArn});
		const diagnosis = diagnose({...snapshot, principal: {...snapshot.principal!, arn: callerArn, identityPolicies: [fullIdentityPolicy()]}});
		expect(decisions(diagnosis)[get]).toBe('allowed');
	});

	it("the bucket owner's explicit Deny still applies to it, and decides", () => {
		const diagnosis = diagnose(download({owner: otherAccount, bucketPolicy: policy(deny('s3:GetObject', objectArn, {Sid: 'NoReads', Principal: '*'}))}));
		expect(decisions(diagnosis)[get]).toBe('denied');
		const row = requirementOf(diagnosis, get, 'bucket-policy');
		expect(row.status).toBe('denied');
		expect(row.decidedBy).toContain('NoReads');
	});

	it('with Object Ownership "Bucket owner enforced" the bucket owner owns every object: a recorded other owner does not count', () => {
		// "ACLs are disabled, and the bucket owner automatically owns and has full control over every object in the bucket."
		const diagnosis = diagnose(download({owner: otherAccount, ownership: 'BucketOwnerEnforced'}));
		expect(decisions(diagnosis)[get]).toBe('allowed');
		expect(diagnosis.assumptions.map(assumption => assumption.id)).not.toContain('object-owned-by-bucket-owner');
	});
});

describe('an object whose owner was not read', () => {
	it('where the bucket lets writers own their objects, the bucket account as owner is a named assumption in the report', () => {
		const diagnosis = diagnose(download({ownership: 'ObjectWriter'}));
		expect(decisions(diagnosis)[get]).toBe('allowed');
		const assumed = diagnosis.assumptions.find(assumption => assumption.id === 'object-owned-by-bucket-owner');
		expect(assumed?.statement).toContain('Object Ownership is ObjectWriter');
		expect(renderText(diagnosis, {width: 100, color: false})).toContain("Assumed: the object read is owned by the bucket's account");
	});

	it('an upload reads no existing object: nothing is assumed of its owner', () => {
		const diagnosis = diagnose(buildSnapshot({bucket: {objectOwnership: 'ObjectWriter'}}));
		expect(diagnosis.assumptions.map(assumption => assumption.id)).not.toContain('object-owned-by-bucket-owner');
	});
});

/**
 * What s3:GetObjectAcl and s3:GetBucketAcl tell: each names its owner by canonical user ID, "an obfuscated form of the
 * AWS account ID. You can use this ID to identify an AWS account when granting cross-account access to buckets and
 * objects using Amazon Simple Storage Service (Amazon S3)." (AWS Account Management, "View AWS account identifiers")
 * The same ID is the same account; another ID is another account, whose account ID it does not give.
 */
describe("an object whose owner was read as its ACL's owner, compared with the bucket's", () => {
	const text = (diagnosis: ReturnType<typeof diagnose>) => renderText(diagnosis, {width: 200, color: false});

	it('the same owner: the bucket account owns it, read, so nothing is assumed and the report says it was read', () => {
		const diagnosis = diagnose(download({ownedByBucketOwner: true, owner: account, collectedBy: 'live'}));
		expect(decisions(diagnosis)[get]).toBe('allowed');
		expect(diagnosis.assumptions.map(assumption => assumption.id)).not.toContain('object-owned-by-bucket-owner');
		expect(text(diagnosis)).not.toContain('Assumed: the object read is owned');
		expect(text(diagnosis)).toMatch(new RegExp(`Object owner +account ${account}, the bucket's \\(read: s3:GetObjectAcl's owner is s3:GetBucketAcl's\\)`));
	});

	it("the same owner, the bucket's account not known: still the bucket owner's object, nothing assumed", () => {
		const diagnosis = diagnose(without(download({ownedByBucketOwner: true, collectedBy: 'live'}), 'bucket.accountId'));
		expect(diagnosis.assumptions.map(assumption => assumption.id)).not.toContain('object-owned-by-bucket-owner');
		expect(findingIds(diagnosis)).not.toContain('object-owned-by-another-account');
		expect(text(diagnosis)).toMatch(/Object owner +the bucket's account \(read: s3:GetObjectAcl's owner is s3:GetBucketAcl's\)/);
	});

	it("another owner, account not known, the caller of the bucket's account: the bucket policy's allow does not reach it, the ACL decides", () => {
		const bucketPolicy = policy(allow('s3:GetObject', objectArn, {Principal: {AWS: `arn:aws:iam::${account}:root`}}));
		const diagnosis = diagnose(download({ownedByBucketOwner: false, bucketPolicy, collectedBy: 'live'}));
		expect(decisions(diagnosis)[get]).toBe('unknown');
		expect(diagnosis.assumptions.map(assumption => assumption.id)).not.toContain('object-owned-by-bucket-owner');
		const row = requirementOf(diagnosis, get, 'bucket-policy');
		expect(row.status).toBe('unknown');
		expect(row.why).toContain(`owned by another account, not known which (S3 names an owner by canonical user ID, not account ID), not by the bucket's account ${account}`);
		expect(row.why).toContain("the bucket policy's allows do not apply to it (only its denies), and only the object's ACL can grant access");
		// The caller is of the bucket's account, which does not own the object: no "unless the caller owns it".
		expect(row.why).not.toContain("caller's account owns it");
		expect(findingIds(diagnosis)).toContain('object-owned-by-another-account');
		expect(diagnosis.fixes.filter(fix => fix.place === 'bucket-policy')).toEqual([]);
		expect(text(diagnosis)).toMatch(/Object owner +another account than the bucket's, not known which: S3 names an owner by canonical user ID \(read: s3:GetObjectAcl's owner is not s3:GetBucketAcl's\)/);
	});

	it("another owner, a caller of a third account: the caller's account may be the owner, so unknown, and both ways are named", () => {
		const callerArn = `arn:aws:iam::${thirdAccount}:user/writer`;
		const snapshot = download({ownedByBucketOwner: false, callerArn});
		const diagnosis = diagnose({...snapshot, principal: {...snapshot.principal!, arn: callerArn, identityPolicies: [fullIdentityPolicy()]}});
		expect(decisions(diagnosis)[get]).toBe('unknown');
		expect(requirementOf(diagnosis, get, 'bucket-policy').why).toContain("if the caller's account owns it, the caller's own IAM policy decides instead");
		expect(diagnosis.findings.find(finding => finding.id === 'object-owned-by-another-account')?.message).toContain("unless the caller's account owns the object");
	});

	it('another owner: what denies the caller either way still denies (its IAM policy allows no read)', () => {
		const snapshot = download({ownedByBucketOwner: false});
		const diagnosis = diagnose({...snapshot, principal: {...snapshot.principal!, identityPolicies: []}});
		expect(decisions(diagnosis)[get]).toBe('denied');
	});

	it('an ACL read that failed keeps the assumption, naming the read that settles it and why it was not read', () => {
		const snapshot: Snapshot = {
			...download({collectedBy: 'live'}),
			unread: [{path: 'object.ownerAccountId', reason: 's3:GetObjectAcl: denied (AccessDenied): Access Denied', resolveWith: `s3:GetObjectAcl on ${objectArn}`}],
		};
		const assumed = diagnose(snapshot).assumptions.find(assumption => assumption.id === 'object-owned-by-bucket-owner');
		expect(assumed?.statement).toBe(
			`the object read is owned by the bucket's account (Object Ownership is ObjectWriter; its owner was not read (s3:GetObjectAcl: denied (AccessDenied): Access Denied); s3:GetObjectAcl on ${objectArn} would settle it)`,
		);
	});

	it('a snapshot whose two owner fields disagree is refused with one line naming both', () => {
		const parsed = parseSnapshot(JSON.stringify(download({ownedByBucketOwner: false, owner: account})), 'snap.json');
		expect(parsed.ok ? '' : parsed.error.message).toBe(
			`snap.json: object.ownedByBucketOwner is false, but object.ownerAccountId ${account} is bucket.accountId: leave out the field that is wrong`,
		);
	});
});
