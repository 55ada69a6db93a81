import {ok} from '../../shared/result.js';
import {parseS3Arn} from '../../names/index.js';
import type {ReplicationRule} from '../operation-facts.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asArray, asObject, asString, field} from './json-access.js';

/** S3's error for a bucket without a replication configuration: an answer (no rule), not a failure. */
export const noReplicationCode = 'ReplicationConfigurationNotFoundError';

/** Which rule the question is about: the object it replicates, the bucket it writes to, and perhaps the rule's ID. */
export type RuleChoice = {readonly objectKey: string; readonly destinationBucket: string; readonly ruleId?: string};

const bucketOfArn = (arn: string | undefined): string | undefined => (arn === undefined ? undefined : (parseS3Arn(arn)?.bucket ?? arn));

/** The rule's key prefix: its Filter's (alone or in And), or a V1 rule's Prefix. Tag filters are not known to match. */
const prefixOf = (rule: Record<string, unknown>): string =>
	asString(field(rule, 'Filter', 'Prefix')) ?? asString(field(rule, 'Filter', 'And', 'Prefix')) ?? asString(rule['Prefix']) ?? '';

const numberOf = (value: unknown): number => (typeof value === 'number' ? value : -1);

const ruleOf = (role: string | undefined, rule: Record<string, unknown>): ReplicationRule => {
	const id = asString(rule['ID']);
	const status = asString(rule['Status']);
	const destination = asString(field(rule, 'Destination', 'Bucket'));
	const account = asString(field(rule, 'Destination', 'Account'));
	const replicaKey = asString(field(rule, 'Destination', 'EncryptionConfiguration', 'ReplicaKmsKeyID'));
	return {
		...(role ? {role} : {}),
		...(id ? {ruleId: id} : {}),
		...(status === 'Enabled' || status === 'Disabled' ? {status} : {}),
		...(destination ? {destinationBucket: destination} : {}),
		...(account ? {destinationAccount: account} : {}),
		replicaKmsKeyId: replicaKey ?? null,
		sseKmsEncryptedObjects: asString(field(rule, 'SourceSelectionCriteria', 'SseKmsEncryptedObjects', 'Status')) === 'Enabled',
	};
};

/**
 * s3:GetBucketReplication → the rule that replicates the object to the destination: the one named by ID, else among
 * the rules whose destination and key prefix match, the one of highest Priority (the one S3 applies when several
 * rules share a destination). A rule filtered by tags is taken to match: the object's tags are not read.
 */
export const replicationRuleOf = (answer: unknown, choice: RuleChoice): Mapped<ReplicationRule> => {
	const configuration = asObject(field(answer, 'ReplicationConfiguration'));
	if (!configuration) return shapeProblem('GetBucketReplication returned no ReplicationConfiguration');
	const role = asString(configuration['Role']);
	const rules = asArray(configuration['Rules']).map(asObject).filter((rule): rule is Record<string, unknown> => rule !== undefined);
	if (choice.ruleId !== undefined) {
		const named = rules.find(rule => asString(rule['ID']) === choice.ruleId);
		return named ? ok(ruleOf(role, named)) : shapeProblem(`the replication configuration has no rule with ID "${choice.ruleId}"`);
	}
	const covering = rules
		.filter(rule => bucketOfArn(asString(field(rule, 'Destination', 'Bucket'))) === choice.destinationBucket && choice.objectKey.startsWith(prefixOf(rule)))
		.sort((a, b) => numberOf(b['Priority']) - numberOf(a['Priority']));
	const chosen = covering[0];
	return chosen ? ok(ruleOf(role, chosen)) : shapeProblem(`no replication rule replicates ${choice.objectKey} to ${choice.destinationBucket}`);
};
