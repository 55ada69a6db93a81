import {noReplicationCode, replicationRuleOf, versioningOf, type RuleChoice} from '../../snapshot/aws-answers/index.js';
import type {ReplicationRule} from '../../snapshot/operation-facts.js';
import type {BucketInfo} from '../../snapshot/snapshot.js';
import {noteOf, type BundleFiles} from './bundle-files.js';
import {calls, legacyReplicaKeyPrefix, replicaKeyPrefix, sourcePrefix} from './bundle-layout.js';
import type {ReadContext} from './read-principal.js';
import {s3ArnOrUrl} from '../../names/index.js';

/** The replication reads (operation `replication`), as source/aws/read-replication.ts makes them live: the rule and each bucket's versioning. */

/**
 * The rule that covers the object, chosen from the whole configuration by the same pure function as live collection
 * (replicationRuleOf): the script cannot choose it in shell. No configuration, no covering rule: a note, never a guess.
 */
export const readReplicationRule = (context: ReadContext, sourceBucket: string, choice: RuleChoice): ReplicationRule | undefined => {
	const result = context.files.call(`${sourcePrefix}${calls.getBucketReplication.stem}`);
	const permission = `${calls.getBucketReplication.permission} on ${s3ArnOrUrl(context.partition, sourceBucket)}, with credentials of the source bucket's account`;
	const label = calls.getBucketReplication.permission;
	if (result.state === 'failed' && result.failure.code === noReplicationCode) {
		context.notes.push({path: 'replication', reason: `${label}: the bucket has no replication configuration`, resolveWith: permission});
		return undefined;
	}
	if (result.state !== 'ok') {
		context.notes.push(noteOf('replication', calls.getBucketReplication, result, undefined, permission));
		return undefined;
	}
	const rule = replicationRuleOf(result.answer, choice);
	if (rule.ok) return rule.value;
	context.notes.push({
		path: 'replication',
		reason: `${label}: ${rule.error.message}`,
		resolveWith: choice.ruleId ? permission : `${permission}; name the rule with collect-script --replication-rule ID`,
	});
	return undefined;
};

/** get-bucket-versioning of the bucket (prefix '') or of the source bucket (prefix `source.`); a failure is a note. */
export const readVersioning = (context: ReadContext, prefix: string, bucket: string): BucketInfo['versioning'] => {
	const result = context.files.call(`${prefix}${calls.getBucketVersioning.stem}`);
	if (result.state === 'ok') return versioningOf(result.answer);
	context.notes.push(noteOf(`${prefix ? 'source.bucketInfo' : 'bucket'}.versioning`, calls.getBucketVersioning, result, s3ArnOrUrl(context.partition, bucket)));
	return undefined;
};

/** The prefix of a replica key's files: this script's (with the name's cksum), unless the bundle holds them only under an older script's. */
export const replicaKeyPrefixIn = (files: BundleFiles, named: string): string => {
	const current = replicaKeyPrefix(named);
	// collect_key always starts with describe-key: its files say which script wrote the key's.
	if (files.call(`${current}${calls.describeKey.stem}`).state !== 'absent') return current;
	const legacy = legacyReplicaKeyPrefix(named);
	return files.call(`${legacy}${calls.describeKey.stem}`).state === 'absent' ? current : legacy;
};
