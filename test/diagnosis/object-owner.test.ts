import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderText} from '../../source/report/render-text.js';
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

const download = (options: {owner?: string; ownership?: 'ObjectWriter' | 'BucketOwnerPreferred' | 'BucketOwnerEnforced' | null; bucketPolicy?: ReturnType<typeof policy> | null; callerArn?: string} = {}) =>
	without(
		buildSnapshot({
			question: {operation: 'download'},
			...(options.callerArn ? {principal: {arn: options.callerArn}} : {}),
			bucket: {objectOwnership: options.ownership === undefined ? 'ObjectWriter' : options.ownership, policy: options.bucketPolicy ?? null},
			object: {encryption: {algorithm: 'aws:kms'}, ...(options.owner ? {ownerAccountId: options.owner} : {})},
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
