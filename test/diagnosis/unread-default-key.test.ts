import {describe, expect, it} from 'vitest';
import {expectAssumedEverywhere} from './support/assumed-everywhere.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {CollectedProfile} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, bucket, buildSnapshot, keyArn, keyArnOf, region, without} from './support/build-snapshot.js';

/*
 * An upload that names no key, to a bucket whose default encryption was not read: which key S3 uses is the bucket's
 * default, which nobody read. The snapshot's key may be given, but that it is the one this upload uses is an assumption.
 */

const unreadDefault = (): Snapshot => without(buildSnapshot({}), 'question.kmsKeyId', 'bucket.defaultEncryption');
const profiles: readonly CollectedProfile[] = [{name: 'storage-admin', arn: `arn:aws:iam::${account}:role/StorageAdmin`, roles: ['bucket', 'key']}];
const withProfiles = (snapshot: Snapshot): Snapshot => ({...snapshot, metadata: {...snapshot.metadata, collectedBy: 'live', profiles}});

const assumedKey = `S3 encrypts the object with the KMS key ${keyArn}, the snapshot's key (the request names no key, and the bucket's default encryption, which decides it, was not read: aws s3api get-bucket-encryption --bucket ${bucket})`;

describe("an upload naming no key, the bucket's default encryption not read", () => {
	it("names the key it uses as an assumption with the read that settles it, never as a fact", () => {
		const diagnosis = diagnose(unreadDefault());
		expect(diagnosis.assumptions).toContainEqual({id: 'upload-key', statement: assumedKey});
	});

	it('gives the read the --profile of the bucket\'s account where a live collection had one', () => {
		const diagnosis = diagnose(withProfiles(unreadDefault()));
		expect(diagnosis.assumptions.find(assumption => assumption.id === 'upload-key')?.statement).toContain(`aws s3api get-bucket-encryption --bucket ${bucket} --profile 'storage-admin')`);
	});

	it('says so alike in the text and markdown reports, the JSON of check and the wizard', () => {
		expectAssumedEverywhere(diagnose(unreadDefault()), 'upload-key', assumedKey);
	});

	it('assumes nothing where a pasted message names a KMS action refused on the key: it proves the request used that key', () => {
		const refused = {...unreadDefault(), evidence: [{deniedBy: 'identity' as const, action: 'kms:GenerateDataKey', deny: 'implicit' as const, resource: keyArn}]};
		expect(diagnose(refused).assumptions.map(assumption => assumption.id)).not.toContain('upload-key');
		const otherKey = {...unreadDefault(), evidence: [{deniedBy: 'identity' as const, action: 'kms:GenerateDataKey', deny: 'implicit' as const, resource: keyArnOf(account, region, '0987dcba-09fe-87dc-65ba-ab0987654321')}]};
		expect(diagnose(otherKey).assumptions.map(assumption => assumption.id)).toContain('upload-key');
	});

	it('assumes nothing where the default encryption was read, or the request names the key', () => {
		expect(diagnose(buildSnapshot({})).assumptions.map(assumption => assumption.id)).not.toContain('upload-key');
		expect(diagnose(without(buildSnapshot({}), 'bucket.defaultEncryption')).assumptions.map(assumption => assumption.id)).not.toContain('upload-key');
		expect(diagnose(without(buildSnapshot({}), 'question.kmsKeyId')).assumptions.map(assumption => assumption.id)).not.toContain('upload-key');
	});
});
