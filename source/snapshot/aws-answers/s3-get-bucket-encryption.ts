import {ok} from '../../shared/result.js';
import type {DefaultEncryption} from '../snapshot.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asArray, field} from './json-access.js';
import {encryptionOf} from './s3-encryption.js';

/** S3's error for a bucket without default encryption: an answer (`null`), not a failure. */
export const noDefaultEncryptionCode = 'ServerSideEncryptionConfigurationNotFoundError';

/**
 * s3:GetBucketEncryption: the first rule's default encryption; `null` when there is no rule. A rule with an
 * algorithm this tool does not know is a problem, not "none": what it means for the request is unknown.
 */
export const defaultEncryptionOf = (answer: unknown): Mapped<DefaultEncryption | null> => {
	const rule = asArray(field(answer, 'ServerSideEncryptionConfiguration', 'Rules'))[0];
	if (rule === undefined) return ok(null);
	const byDefault = field(rule, 'ApplyServerSideEncryptionByDefault');
	const encryption = encryptionOf(field(byDefault, 'SSEAlgorithm'), field(byDefault, 'KMSMasterKeyID'), field(rule, 'BucketKeyEnabled'));
	return encryption ? ok(encryption) : shapeProblem('the default encryption rule has an algorithm this tool does not know');
};
