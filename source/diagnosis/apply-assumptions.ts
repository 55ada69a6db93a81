import {assumptionStatements, type AssumptionId} from '../snapshot/assumptions.js';
import type {DenialEvidence} from '../snapshot/provenance.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {AssumedFact} from './diagnosis.js';
import {evidenceWords} from './evidence-words.js';
import {sessionPolicyEvidenced} from './policy-inputs.js';
import type {ResolvedFacts} from './resolve-question.js';
import {parseCaller} from '../engine/principal.js';
import {destinationLeg} from '../operations/registry.js';
import {commandInAccount} from '../snapshot/profiles.js';
import {bucketEncryptionRead, bucketReplicationRead, headObjectRead} from './read-commands.js';

/**
 * The snapshot's assumptions, applied to the facts it does not hold: a fact that was read or given is never
 * overridden, and only the assumptions that filled something are reported (beside the verdict, in every format).
 * Bucket Keys are applied where the key is resolved (resolve-question.ts), and reported from what it resolved.
 */

const statementOf = (id: AssumptionId, because: string | undefined): AssumedFact => ({id, statement: assumptionStatements[id], ...(because ? {because} : {})});

/** guardrails-allow for one type only: the other is not assumed, and the statement says why. */
const partlyAssumed = (which: 'SCPs' | 'RCPs', evidence: DenialEvidence, because: string | undefined): AssumedFact => ({
	id: 'guardrails-allow',
	statement: `the organization's ${which} deny none of these actions (not the ${evidence.deniedBy.toUpperCase()}s: ${evidenceWords(evidence)})`,
	...(because ? {because} : {}),
});

export const applyAssumptions = (snapshot: Snapshot): {readonly snapshot: Snapshot; readonly assumed: readonly AssumedFact[]} => {
	let effective = snapshot;
	const assumed: AssumedFact[] = [];
	for (const {id, because} of snapshot.assumptions ?? []) {
		switch (id) {
			case 'no-grants': {
				const key = effective.key && effective.key.grants === undefined ? {...effective.key, grants: []} : effective.key;
				const sourceKey = effective.source?.keyInfo && effective.source.keyInfo.grants === undefined ? {...effective.source.keyInfo, grants: []} : effective.source?.keyInfo;
				if (key === effective.key && sourceKey === effective.source?.keyInfo) break;
				effective = {...effective, ...(key ? {key} : {}), ...(effective.source ? {source: {...effective.source, ...(sourceKey ? {keyInfo: sourceKey} : {})}} : {})};
				assumed.push(statementOf(id, because));
				break;
			}
			case 'guardrails-allow': {
				const organization = effective.organization ?? {};
				// A pasted AccessDenied message that says an SCP (RCP) denied refutes assuming they deny nothing: that type
				// stays unread, and the message decides it (evidence.ts).
				const refuted = (type: DenialEvidence['deniedBy']): DenialEvidence | undefined => snapshot.evidence?.find(evidence => evidence.deniedBy === type);
				const scp = organization.serviceControlPolicies === undefined && !refuted('scp');
				const rcp = organization.resourceControlPolicies === undefined && !refuted('rcp');
				if (!scp && !rcp) break;
				effective = {
					...effective,
					organization: {
						...organization,
						...(scp ? {serviceControlPolicies: []} : {}),
						...(rcp ? {resourceControlPolicies: []} : {}),
					},
				};
				const setAside = [refuted('scp'), refuted('rcp')].find(evidence => evidence !== undefined);
				assumed.push(setAside ? partlyAssumed(scp ? 'SCPs' : 'RCPs', setAside, because) : statementOf(id, because));
				break;
			}
			case 'bucket-key=on':
			case 'bucket-key=off':
				// Applied where the key is resolved, and reported from there (assumedOnResolving).
				break;
		}
	}
	return {snapshot: effective, assumed};
};

/**
 * A pasted message naming a KMS action refused on the key proves the request used it; a kms:Decrypt where the request
 * has a source too may be the source's key.
 */
const keyInMessage = (snapshot: Snapshot, facts: ResolvedFacts, arn: string): boolean =>
	(snapshot.evidence ?? []).some(evidence => {
		const action = evidence.action.toLowerCase();
		return evidence.resource === arn && action.startsWith('kms:') && !(facts.sourceKey !== undefined && action === 'kms:decrypt');
	});

/**
 * A pasted kms:Decrypt refused on the key proves a copy's (a replication's) source object is encrypted with it only where
 * the destination's key is known to be another: a write in parts, or a replica with a Bucket Key, decrypts with that one too.
 */
const sourceKeyInMessage = (snapshot: Snapshot, facts: ResolvedFacts, arn: string): boolean =>
	facts.destinationKey.arn !== undefined &&
	facts.destinationKey.arn !== arn &&
	!facts.destinationKey.keyAssumed &&
	(snapshot.evidence ?? []).some(evidence => evidence.resource === arn && evidence.action.toLowerCase() === 'kms:decrypt');

/** The object's key, taken from the snapshot's where HeadObject was not read and no key was given: the read that settles it. */
const objectKeyAssumed = (snapshot: Snapshot, facts: ResolvedFacts): AssumedFact[] => {
	const {question, destinationKey: key, sourceKey} = facts;
	const assumed: AssumedFact[] = [];
	const objectKey = destinationLeg(question.operation).facts.key === 'object';
	if (objectKey && key.keyAssumed && key.arn && !keyInMessage(snapshot, facts, key.arn)) {
		const read = commandInAccount(snapshot, headObjectRead(question.bucket, question.objectKey), question.bucketAccount, 'bucket');
		assumed.push({
			id: 'object-key',
			statement: `the object is encrypted with the KMS key ${key.arn}, the snapshot's key (the object's encryption, which decides it, was not read: ${read})`,
		});
	}
	const source = snapshot.question.source;
	if (sourceKey?.keyAssumed && sourceKey.arn && source && !sourceKeyInMessage(snapshot, facts, sourceKey.arn)) {
		const read = commandInAccount(snapshot, headObjectRead(source.bucket, source.objectKey), facts.sourceBucketAccount, 'bucket');
		assumed.push({
			id: 'source-object-key',
			statement: `the source object is encrypted with the KMS key ${sourceKey.arn}, the snapshot's source key (the source object's encryption, which decides it, was not read: ${read})`,
		});
	}
	return assumed;
};

/**
 * What resolving the question took as given: the Bucket Key state where the encryption did not say, the key a write
 * naming none uses where the bucket's default encryption was not read (the snapshot's), the key of an object read whose
 * encryption was not read (the snapshot's), the partition where nothing names one, and, AWS being unable to read a
 * session policy, that a role session was assumed without one.
 */
export const assumedOnResolving = (snapshot: Snapshot, facts: ResolvedFacts): AssumedFact[] => {
	const assumed: AssumedFact[] = [];
	const bucketKey = snapshot.assumptions?.find(assumption => assumption.id.startsWith('bucket-key='));
	const usedBucketKey = [facts.destinationKey, facts.sourceKey].some(key => key?.bucketKeyAssumed);
	if (bucketKey && usedBucketKey) assumed.push(statementOf(bucketKey.id, bucketKey.because));
	const key = facts.destinationKey;
	const keyFact = destinationLeg(facts.question.operation).facts.key;
	if (keyFact === 'replica' && key.keyAssumed && key.arn && !keyInMessage(snapshot, facts, key.arn)) {
		const source = snapshot.question.source;
		const read = commandInAccount(snapshot, bucketReplicationRead(source?.bucket ?? 'SOURCE-BUCKET'), facts.sourceBucketAccount, 'bucket');
		assumed.push({
			id: 'replica-key',
			statement: `S3 encrypts the replica with the KMS key ${key.arn}, the snapshot's key (the replication rule's ReplicaKmsKeyID, which decides it, was not read: ${read})`,
		});
	}
	if (keyFact === 'request-or-bucket-default' && key.keyAssumed && key.arn && !keyInMessage(snapshot, facts, key.arn)) {
		const read = commandInAccount(snapshot, bucketEncryptionRead(facts.question.bucket), facts.question.bucketAccount, 'bucket');
		assumed.push({
			id: 'upload-key',
			statement: `S3 encrypts the object with the KMS key ${key.arn}, the snapshot's key (the request names no key, and the bucket's default encryption, which decides it, was not read: ${read})`,
		});
	}
	if (facts.partitionAssumed) {
		assumed.push({
			id: 'partition-aws',
			statement: 'the AWS partition is aws (its ARNs arn:aws:…, not arn:aws-cn:… or arn:aws-us-gov:…)',
			because: 'nothing in the snapshot names one: no ARN of the caller, key, distribution or role, no bucket Region',
		});
	}
	assumed.push(...objectKeyAssumed(snapshot, facts));
	const principal = snapshot.principal;
	// A pasted message naming a session policy says one was passed: not assumed away.
	if (principal && principal.sessionPolicy === undefined && parseCaller(principal.arn).kind === 'session' && !sessionPolicyEvidenced(snapshot)) {
		assumed.push({id: 'no-session-policy', statement: 'the role was assumed without a session policy (AWS cannot read one; paste it if one was passed)'});
	}
	return assumed;
};
