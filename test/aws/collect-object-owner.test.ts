import {describe, expect, it} from 'vitest';
import {collectSnapshot, type CollectOptions} from '../../source/aws/collect.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderText} from '../../source/report/render-text.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {expectValidSnapshot, notePaths, useFakeAws} from '../support/fake-aws/harness.js';
import {accounts, dropBucket, objectWriterScenario, sameAccountFiles} from '../support/fake-aws/scenarios.js';

/**
 * Who owns the object read, live. S3: "The permissions attached to the bucket apply to all of the objects in the bucket
 * that are owned by the bucket owner. These permissions don't apply to objects that are owned by other AWS accounts."
 * s3:GetObjectAcl and s3:GetBucketAcl name their owners by canonical user ID, "an obfuscated form of the AWS account
 * ID" (AWS Account Management, "View AWS account identifiers"): the same ID is the bucket's account, another ID another
 * account, not known which. Under Bucket owner enforced "the bucket owner automatically owns and has full control over
 * every object in the bucket" (S3 User Guide, "Controlling ownership of objects and disabling ACLs for your bucket"),
 * so the ACLs are not read there; GetObjectAcl would tell nothing more: "If your bucket uses the bucket owner enforced
 * setting for S3 Object Ownership, requests to read ACLs are still supported and return the bucket-owner-full-control
 * ACL with the owner being the account that created the bucket." (S3 API Reference, GetObjectAcl)
 */

const state = useFakeAws({scenario: objectWriterScenario, files: sameAccountFiles, checksS3Region: true});

const download = (objectKey: string) => ({operation: 'download', bucket: dropBucket, objectKey}) as const;

const collected = async (options: Omit<CollectOptions, 'env'>): Promise<Snapshot> => {
	const result = await collectSnapshot({...options, env: state.home.env});
	if (!result.ok) throw new Error(`collection failed: ${result.error.kind}: ${result.error.message}`);
	expectValidSnapshot(result.value);
	return result.value;
};

const aclCalls = () => state.fake.calls.filter(call => call.operation.endsWith('Acl')).map(call => `${call.operation} ${call.method} ${call.status}`).sort();
const text = (snapshot: Snapshot) => renderText(diagnose(snapshot), {width: 200, color: false});
const assumptionIds = (snapshot: Snapshot) => diagnose(snapshot).assumptions.map(assumption => assumption.id);

describe("live collection reads who owns the object read, from the object's and the bucket's ACLs", () => {
	it("the same owner: the bucket's account, recorded as read, so nothing is assumed and the report says it was read", async () => {
		const snapshot = await collected({question: download('own/report.csv'), profile: 'ci'});
		expect(snapshot.object).toMatchObject({ownedByBucketOwner: true, ownerAccountId: accounts.app});
		expect(notePaths(snapshot)).not.toContain('object.ownerAccountId');
		expect(aclCalls()).toEqual(['GetBucketAcl GET 200', 'GetObjectAcl GET 200']);
		expect(assumptionIds(snapshot)).not.toContain('object-owned-by-bucket-owner');
		expect(text(snapshot)).toMatch(/Object owner +account 111122223333, the bucket's \(read: s3:GetObjectAcl's owner is s3:GetBucketAcl's\)/);
		expect(text(snapshot)).not.toContain('Assumed: the object read is owned');
	});

	it("another owner: another account's object, its account ID not known; the bucket policy's allows do not reach it and the ACL decides", async () => {
		const snapshot = await collected({question: download('partner/upload.csv'), profile: 'ci'});
		expect(snapshot.object).toMatchObject({ownedByBucketOwner: false});
		expect(snapshot.object).not.toHaveProperty('ownerAccountId');
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.assumptions.map(assumption => assumption.id)).not.toContain('object-owned-by-bucket-owner');
		const row = diagnosis.requirements.find(requirement => requirement.action === 's3:GetObject' && requirement.place === 'bucket-policy');
		expect(row?.status).toBe('unknown');
		expect(row?.why).toContain("the bucket policy's allows do not apply to it (only its denies), and only the object's ACL can grant access");
		expect(diagnosis.actions.find(action => action.action === 's3:GetObject')?.decision).toBe('unknown');
		expect(diagnosis.findings.map(finding => finding.id)).toContain('object-owned-by-another-account');
		expect(text(snapshot)).toMatch(/Object owner +another account than the bucket's, not known which: S3 names an owner by canonical user ID \(read: s3:GetObjectAcl's owner is not s3:GetBucketAcl's\)/);
	});

	it("a copy's source object: its owner is read the same way, at the source's own path", async () => {
		const snapshot = await collected({
			question: {operation: 'copy', bucket: 'acme-uploads', objectKey: 'copies/upload.csv', kmsKeyId: 'alias/uploads', source: {bucket: dropBucket, objectKey: 'partner/upload.csv'}},
			profile: 'ci',
		});
		expect(snapshot.source?.objectInfo).toMatchObject({ownedByBucketOwner: false});
		// The destination is only written: no owner is read for it.
		expect(snapshot).not.toHaveProperty('object');
		expect(diagnose(snapshot).findings.map(finding => finding.id)).toContain('object-owned-by-another-account');
	});

	it('AccessDenied on s3:GetObjectAcl: a note naming the permission, the assumption stays and names the read, the rest is collected', async () => {
		state.fake.addFault({service: 's3', operation: 'GetObjectAcl', kind: 'denied'});
		const snapshot = await collected({question: download('own/report.csv'), profile: 'ci'});
		expect(snapshot.object).toEqual({encryption: {algorithm: 'aws:kms', kmsKeyId: expect.stringMatching(/^arn:aws:kms:/), bucketKeyEnabled: false}});
		const note = snapshot.unread?.find(candidate => candidate.path === 'object.ownerAccountId');
		expect(note).toEqual({path: 'object.ownerAccountId', reason: expect.stringMatching(/^s3:GetObjectAcl: denied \(AccessDenied\)/), resolveWith: `s3:GetObjectAcl on arn:aws:s3:::${dropBucket}/own/report.csv`});
		expect(snapshot.key?.policy).toBeDefined();
		const assumed = diagnose(snapshot).assumptions.find(assumption => assumption.id === 'object-owned-by-bucket-owner');
		expect(assumed?.statement).toContain(`Object Ownership is ObjectWriter; its owner was not read (s3:GetObjectAcl: denied (AccessDenied)`);
		expect(assumed?.statement).toContain(`s3:GetObjectAcl on arn:aws:s3:::${dropBucket}/own/report.csv would settle it`);
		expect(text(snapshot)).toContain("Assumed: the object read is owned by the bucket's account");
	});

	it('AccessDenied on s3:GetBucketAcl: the same, naming s3:GetBucketAcl on the bucket', async () => {
		state.fake.addFault({service: 's3', operation: 'GetBucketAcl', kind: 'denied'});
		const snapshot = await collected({question: download('partner/upload.csv'), profile: 'ci'});
		expect(snapshot.object).not.toHaveProperty('ownedByBucketOwner');
		expect(snapshot.unread?.find(candidate => candidate.path === 'object.ownerAccountId')?.resolveWith).toBe(`s3:GetBucketAcl on arn:aws:s3:::${dropBucket}`);
		expect(assumptionIds(snapshot)).toContain('object-owned-by-bucket-owner');
	});

	it('with Bucket owner enforced the ACLs are not read, and nothing is assumed', async () => {
		const snapshot = await collected({question: {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'}, profile: 'ci'});
		expect(aclCalls()).toEqual([]);
		expect(snapshot.object).not.toHaveProperty('ownedByBucketOwner');
		expect(assumptionIds(snapshot)).not.toContain('object-owned-by-bucket-owner');
	});

	it('the ACL reads only read: GET requests, none of them a write', async () => {
		await collected({question: download('partner/upload.csv'), profile: 'ci'});
		expect(aclCalls()).toEqual(['GetBucketAcl GET 200', 'GetObjectAcl GET 200']);
		expect(state.fake.calls.filter(call => call.write)).toEqual([]);
	});
});
