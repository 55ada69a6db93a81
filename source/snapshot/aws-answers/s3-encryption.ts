import type {DefaultEncryption, EncryptionAlgorithm} from '../snapshot.js';
import {asBoolean, asString} from './json-access.js';

const algorithms: ReadonlySet<string> = new Set<EncryptionAlgorithm>(['aws:kms', 'aws:kms:dsse', 'AES256']);

/**
 * AWS's answer leaves BucketKeyEnabled out when it is off (S3 API: "By default, S3 Bucket Key is not enabled."),
 * so an SSE-KMS answer without it is read as off: the read settles it. Used for live reads and pasted output alike.
 */
export const answeredBucketKey = (algorithm: string | undefined, bucketKey: boolean | undefined): boolean | undefined =>
	bucketKey ?? (algorithm === 'aws:kms' ? false : undefined);

/** S3's encryption fields (a default rule's or an object's): undefined when the algorithm is none this tool knows. */
export const encryptionOf = (algorithm: unknown, keyId: unknown, bucketKey: unknown): DefaultEncryption | undefined => {
	const name = asString(algorithm);
	if (!name || !algorithms.has(name)) return undefined;
	const kmsKeyId = asString(keyId);
	const bucketKeyEnabled = answeredBucketKey(name, asBoolean(bucketKey));
	return {algorithm: name as EncryptionAlgorithm, ...(kmsKeyId ? {kmsKeyId} : {}), ...(bucketKeyEnabled === undefined ? {} : {bucketKeyEnabled})};
};
