import {describe, expect, it} from 'vitest';
import {expectAssumedEverywhere} from './support/assumed-everywhere.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {resolveQuestion} from '../../source/diagnosis/resolve-question.js';
import type {CollectedProfile} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, bucket, buildSnapshot, customerKey, fullIdentityPolicy, keyArn, keyArnOf, objectKey, region, sameAccountDownload, without} from './support/build-snapshot.js';

/*
 * A download of an object whose encryption was not read (HeadObject), the request naming no key (a GetObject names
 * none): the key that encrypts the object is the object's own, which nobody read. The snapshot's key may be given, but
 * that it is the one this object is encrypted with is an assumption.
 */

const unreadObject = (): Snapshot => without(sameAccountDownload(), 'object.encryption');
const profiles: readonly CollectedProfile[] = [{name: 'storage-admin', arn: `arn:aws:iam::${account}:role/StorageAdmin`, roles: ['bucket', 'key']}];
const withProfiles = (snapshot: Snapshot): Snapshot => ({...snapshot, metadata: {...snapshot.metadata, collectedBy: 'live', profiles}});

const assumedKey = `the object is encrypted with the KMS key ${keyArn}, the snapshot's key (the object's encryption, which decides it, was not read: aws s3api head-object --bucket ${bucket} --key ${objectKey})`;

const sourceBucket = 'source-bucket';
const sourceObject = 'in/q1.csv';
const sourceKey = keyArnOf(account, region, '0987dcba-09fe-87dc-65ba-ab0987654321');
/** A copy whose source object's encryption was not read and whose question names no source key. */
const unreadSource = (): Snapshot =>
	buildSnapshot({
		question: {operation: 'copy', source: {bucket: sourceBucket, objectKey: sourceObject}},
		principal: {identityPolicies: [fullIdentityPolicy([keyArn, sourceKey], [bucket, sourceBucket])]},
		source: {bucketInfo: {accountId: account, region, policy: null}, keyInfo: customerKey(sourceKey)},
	});
const assumedSourceKey = `the source object is encrypted with the KMS key ${sourceKey}, the snapshot's source key (the source object's encryption, which decides it, was not read: aws s3api head-object --bucket ${sourceBucket} --key ${sourceObject})`;

const ids = (snapshot: Snapshot): string[] => diagnose(snapshot).assumptions.map(assumption => assumption.id);

describe("a download whose object's encryption was not read, the request naming no key", () => {
	it('names the key as an assumption with the read that settles it, never as a fact', () => {
		expect(diagnose(unreadObject()).assumptions).toContainEqual({id: 'object-key', statement: assumedKey});
	});

	it("still says the key is the object's: where it comes from, not how it is known", () => {
		const facts = resolveQuestion(unreadObject());
		expect(facts.destinationKey).toMatchObject({arn: keyArn, source: 'object', keyAssumed: true});
		expect(resolveQuestion(sameAccountDownload()).destinationKey.keyAssumed).toBeUndefined();
	});

	it("gives the read the --profile of the bucket's account where a live collection had one", () => {
		const statement = diagnose(withProfiles(unreadObject())).assumptions.find(assumption => assumption.id === 'object-key')?.statement;
		expect(statement).toContain(`aws s3api head-object --bucket ${bucket} --key ${objectKey} --profile 'storage-admin')`);
	});

	it('says so alike in the text and markdown reports, the JSON of check and the wizard', () => {
		expectAssumedEverywhere(diagnose(unreadObject()), 'object-key', assumedKey);
	});

	it('assumes nothing where a pasted message names kms:Decrypt refused on the key: S3 was decrypting this object with it', () => {
		const refused = {...unreadObject(), evidence: [{deniedBy: 'identity' as const, action: 'kms:Decrypt', deny: 'implicit' as const, resource: keyArn}]};
		expect(ids(refused)).not.toContain('object-key');
		const otherKey = {...unreadObject(), evidence: [{deniedBy: 'identity' as const, action: 'kms:Decrypt', deny: 'implicit' as const, resource: sourceKey}]};
		expect(ids(otherKey)).toContain('object-key');
	});

	it("assumes nothing where the object's encryption was read, or the question names the object's key", () => {
		expect(ids(sameAccountDownload())).not.toContain('object-key');
		expect(ids({...unreadObject(), question: {...unreadObject().question, kmsKeyId: keyArn}})).not.toContain('object-key');
	});
});

describe("a copy whose source object's encryption was not read, the question naming no source key", () => {
	it("names the source's key as an assumption with the read of the source object", () => {
		expect(diagnose(unreadSource()).assumptions).toContainEqual({id: 'source-object-key', statement: assumedSourceKey});
	});

	it("assumes nothing where a pasted kms:Decrypt names the key and the destination's key is known to be another", () => {
		const decryptOn = (snapshot: Snapshot): Snapshot => ({...snapshot, evidence: [{deniedBy: 'identity' as const, action: 'kms:Decrypt', deny: 'implicit' as const, resource: sourceKey}]});
		expect(ids(decryptOn(unreadSource()))).not.toContain('source-object-key');
		// The destination's key itself assumed: a copy in parts decrypts with it too, so the message may name that one.
		const destinationAssumed = decryptOn(without(unreadSource(), 'question.kmsKeyId', 'bucket.defaultEncryption'));
		expect(ids(destinationAssumed)).toContain('upload-key');
		expect(ids(destinationAssumed)).toContain('source-object-key');
	});

	it("assumes nothing where the source object's encryption was read, or the question names its key", () => {
		const read = buildSnapshot({...unreadSource(), source: {...unreadSource().source, objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}}}});
		expect(ids(read)).not.toContain('source-object-key');
		const named = unreadSource();
		expect(ids({...named, question: {...named.question, source: {bucket: sourceBucket, objectKey: sourceObject, kmsKeyId: sourceKey}}})).not.toContain('source-object-key');
	});
});
