import {calls, namePartAround, replicaKeyLimit, replicaPrefix, sourcePrefix} from '../../inputs/bundle/bundle-layout.js';
import {destinationLeg, legOn} from '../../operations/registry.js';
import type {CollectScriptOptions} from './validate-options.js';

/** The collect script's section 4, the KMS key: which key to read, and for a replication every replica key. */

/** Replication: the source bucket's configuration names the role S3 assumes (the principal) and each rule's replica key. */
export const replicates = (options: CollectScriptOptions): boolean => destinationLeg(options.operation).facts.key === 'replica';

/**
 * Replication: every distinct replica key the rules name (the rule that covers the object is chosen on import, as
 * live collection chooses it), in the destination bucket's Region; and the key the request named, if any.
 */
const replicaKeys = `if [ -n "$kms_key_id" ]; then
	collect_key '' "$kms_key_id"
fi
replica_keys=$(json_values ReplicaKmsKeyID "$bundle/${sourcePrefix}${calls.getBucketReplication.stem}.json" | sort -u)
if [ -z "$replica_keys" ]; then
	skip '${replicaPrefix}kms' 'the replication configuration names no replica key (or get-bucket-replication failed)'
fi
# A bounded number of keys: a configuration may hold up to 1,000 rules.
printf '%s\\n' "$replica_keys" | head -n ${replicaKeyLimit} | while IFS= read -r replica_key; do
	[ -z "$replica_key" ] || collect_key "${replicaPrefix}$(name_part "$replica_key" ${namePartAround.replicaKey} always)." "$replica_key"
done`;

/** Which key to read: the one named in the request, the bucket's default, or the object's own. */
export const keySection = (options: CollectScriptOptions): string => {
	const defaultKey = (prefix: string): string => `json_values KMSMasterKeyID "$bundle/${prefix}${calls.getBucketEncryption.stem}.json" | head -n 1`;
	const objectKey = (prefix: string): string => `json_values SSEKMSKeyId "$bundle/${prefix}${calls.headObject.stem}.json" | head -n 1`;
	const awsManagedFallback = (variable: string, prefix: string): string =>
		`# Default encryption with SSE-KMS but no key named: S3 uses the AWS managed key aws/s3.
if [ -z "$${variable}" ] && grep -q '"SSEAlgorithm": "aws:kms' "$bundle/${prefix}${calls.getBucketEncryption.stem}.json" 2>/dev/null; then
	${variable}=alias/aws/s3
fi`;
	const keyOfObject = destinationLeg(options.operation).facts.key === 'object';
	const destination = keyOfObject
		? `key_id=$(${objectKey('')})\n[ -n "$key_id" ] || key_id=$kms_key_id`
		: `key_id=$kms_key_id\n[ -n "$key_id" ] || key_id=$(${defaultKey('')})\n${awsManagedFallback('key_id', '')}`;
	const source = legOn(options.operation, 'source')
		? `
source_key_id=$(${objectKey(sourcePrefix)})
if [ -n "$source_key_id" ]; then
	call_region=$source_region
	collect_key '${sourcePrefix}' "$source_key_id"
	call_region=$region
else
	skip '${sourcePrefix}kms' 'the source object names no KMS key (not SSE-KMS, or head-object failed)'
fi`
		: '';
	const destinationKey = replicates(options)
		? replicaKeys
		: `${destination}
if [ -n "$key_id" ]; then
	collect_key '' "$key_id"
else
	skip kms 'no KMS key found: none named, and ${keyOfObject ? 'the object names none (or head-object failed)' : 'the bucket default names none (or get-bucket-encryption failed)'}'
fi`;
	return `
# ---- 4. The KMS key ----
${destinationKey}${source}
`;
};
