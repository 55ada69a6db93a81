import {GetBucketReplicationCommand, GetBucketVersioningCommand} from '@aws-sdk/client-s3';
import {noReplicationCode, replicationRuleOf, versioningOf, type Mapped, type RuleChoice} from '../snapshot/aws-answers/index.js';
import type {ReplicationRule} from '../snapshot/operation-facts.js';
import type {Failure} from './aws-error.js';
import {sendToBucket} from './bucket-region.js';
import type {Reader} from './reader.js';
import {s3NameFor, sessionLabel, type Session} from './session.js';

/** The replication reads (operation `replication`): the source bucket's rule and each bucket's versioning. Read calls only. */

/** A bucket without a replication configuration answers with an error code: no rule, said as the shape problem it is. */
const noConfiguration = (failure: Failure): {value: Mapped<ReplicationRule>; detail: string} | undefined =>
	failure.code === noReplicationCode ? {value: {ok: false, error: {kind: 'shape', message: 'the bucket has no replication configuration'}}, detail: 'no replication configuration'} : undefined;

/** s3:GetBucketReplication on the source bucket, with a profile of its account; a rule not found is a note, never a guess. */
export const readReplicationRule = async (reader: Reader, session: Session, sourceBucket: string, choice: RuleChoice): Promise<ReplicationRule | undefined> => {
	const outcome = await reader.call(
		`${session.name}:s3:GetBucketReplication:${sourceBucket}`,
		`s3:GetBucketReplication ${sourceBucket} (${sessionLabel(session)})`,
		signal =>
			sendToBucket(session, s3 => s3.send(new GetBucketReplicationCommand({Bucket: sourceBucket}), {abortSignal: signal})).then(answer => replicationRuleOf(answer, choice)),
		noConfiguration,
	);
	const permission = `s3:GetReplicationConfiguration on ${await s3NameFor(reader, session, sourceBucket)}, with a profile of the source bucket's account (--profile)`;
	if (!outcome.ok) {
		reader.note('replication', `s3:GetBucketReplication: ${reader.explain(outcome.failure)}`, permission);
		return undefined;
	}
	if (!outcome.value.ok) {
		reader.note('replication', `s3:GetBucketReplication: ${outcome.value.error.message}`, choice.ruleId ? permission : `${permission}; name the rule with --replication-rule ID`);
		return undefined;
	}
	return outcome.value.value;
};

/** s3:GetBucketVersioning, by the first profile that answers (the bucket's own, then the caller's). */
export const readVersioning = async (reader: Reader, sessions: readonly Session[], bucket: string, path: string): Promise<'Enabled' | 'Suspended' | null | undefined> => {
	let failure: Failure | undefined;
	for (const session of sessions) {
		const outcome = await reader.call(`${session.name}:s3:GetBucketVersioning:${bucket}`, `s3:GetBucketVersioning ${bucket} (${sessionLabel(session)})`, signal =>
			sendToBucket(session, s3 => s3.send(new GetBucketVersioningCommand({Bucket: bucket}), {abortSignal: signal})).then(versioningOf),
		);
		if (outcome.ok) return outcome.value;
		failure = outcome.failure;
		if (failure.kind === 'cancelled' || failure.kind === 'deadline') break;
	}
	if (failure) reader.note(`${path}.versioning`, `s3:GetBucketVersioning: ${reader.explain(failure)}`, `s3:GetBucketVersioning on ${await s3NameFor(reader, sessions[0]!, bucket)}`);
	return undefined;
};
