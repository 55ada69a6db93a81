import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {expectAssumedEverywhere} from './support/assumed-everywhere.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {resolveQuestion} from '../../source/diagnosis/resolve-question.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';

/*
 * A replication whose rule was not read (`replication` absent): the key S3 encrypts the replica with is the one the
 * source bucket's rule names (ReplicaKmsKeyID), which nobody read. The snapshot's key may be given, but that the rule
 * names it is an assumption, said beside the verdict with the read that settles it.
 */

const example = (): Snapshot => JSON.parse(readFileSync(new URL('../../examples/replication-cross-account-replica-key-policy.json', import.meta.url), 'utf8')) as Snapshot;
const unreadRule = (): Snapshot => {
	const {replication: _rule, ...rest} = example();
	return rest as Snapshot;
};
const replicaKey = 'arn:aws:kms:us-east-1:444455556666:key/2222bbbb-22bb-22bb-22bb-222222222222';
const assumedKey = `S3 encrypts the replica with the KMS key ${replicaKey}, the snapshot's key (the replication rule's ReplicaKmsKeyID, which decides it, was not read: aws s3api get-bucket-replication --bucket example-source)`;

describe('a replication whose rule was not read', () => {
	it('names the replica key as an assumption with the read that settles it, never as a fact', () => {
		expect(example().key?.arn).toBe(replicaKey);
		expect(diagnose(unreadRule()).assumptions).toContainEqual({id: 'replica-key', statement: assumedKey});
		expect(resolveQuestion(unreadRule()).destinationKey).toMatchObject({arn: replicaKey, source: 'replica', keyAssumed: true});
	});

	it('says so alike in the text and markdown reports, the JSON of check and the wizard', () => {
		expectAssumedEverywhere(diagnose(unreadRule()), 'replica-key', assumedKey);
	});

	it('assumes nothing where the rule was read and names the key, nor calls it an upload key', () => {
		const ids = diagnose(example()).assumptions.map(assumption => assumption.id);
		expect(ids).not.toContain('replica-key');
		expect(resolveQuestion(example()).destinationKey.keyAssumed).toBeUndefined();
		expect(diagnose(unreadRule()).assumptions.map(assumption => assumption.id)).not.toContain('upload-key');
	});

	it('assumes nothing where a pasted message names kms:Encrypt refused on the key: the request used it', () => {
		const pasted: Snapshot = {...unreadRule(), evidence: [{deniedBy: 'resource', deny: 'implicit', action: 'kms:Encrypt', resource: replicaKey}]};
		expect(diagnose(pasted).assumptions.map(assumption => assumption.id)).not.toContain('replica-key');
	});
});
