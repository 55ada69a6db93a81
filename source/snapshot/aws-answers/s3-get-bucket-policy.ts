import type {PolicyJson} from '../snapshot.js';
import type {Mapped} from './answer.js';
import {field} from './json-access.js';
import {policyDocumentOf} from './policy-document.js';

/** S3's error for a bucket without a policy: an answer (`null`, no policy), not a failure. */
export const noBucketPolicyCode = 'NoSuchBucketPolicy';

/** s3:GetBucketPolicy: the bucket policy, a JSON string. */
export const bucketPolicyOf = (answer: unknown): Mapped<PolicyJson> => policyDocumentOf(field(answer, 'Policy'));
