import {ok} from '../../shared/result.js';
import type {DefaultEncryption} from '../snapshot.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asArray, field} from './json-access.js';
import {encryptionOf} from './s3-encryption.js';

/** S3's error for a bucket without default encryption: an answer (`null`), not a failure. */
export const noDefaultEncryptionCode = 'ServerSideEncryptionConfigurationNotFoundError';

/**
 * s3:GetBucketEncryption: the first rule's default encryption. An answer without a rule is a problem, not "none":
 * S3 says "all buckets have a default encryption configuration", and a bucket without one answers
 * `noDefaultEncryptionCode`; a 200 without a rule is a proxy's page or a broken endpoint. A rule with an algorithm
 * this tool does not know is a problem too: what it means for the request is unknown.
 */
export const defaultEncryptionOf = (answer: unknown): Mapped<DefaultEncryption | null> => {
	const rule = asArray(field(answer, 'ServerSideEncryptionConfiguration', 'Rules'))[0];
	if (rule === undefined) return shapeProblem('the answer holds no encryption rule, though every bucket has one');
	const byDefault = field(rule, 'ApplyServerSideEncryptionByDefault');
	const encryption = encryptionOf(field(byDefault, 'SSEAlgorithm'), field(byDefault, 'KMSMasterKeyID'), field(rule, 'BucketKeyEnabled'));
	return encryption ? ok(encryption) : shapeProblem('the default encryption rule has an algorithm this tool does not know');
};
