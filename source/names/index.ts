/**
 * AWS names in one place: each a parse function that returns the name's parts or a message a user can act on,
 * the same rules as JSON Schema patterns for the snapshot, and patterns that find names in free text.
 * A leaf layer: it imports nothing of ours.
 */
export {describeNameError, valueOf, type NameError, type Parsed} from './name-error.js';
export {isAccountId, parseAccountId} from './account-id.js';
export {isRegion, parseRegion} from './region.js';
export {accountIdOfArn, partitionOfArn, partitionOfRegion} from './partition.js';
export {s3ViaService, s3ViaServiceWords, type ViaService} from './kms-via-service.js';
export {isBucketName, parseBucketName, parseS3Arn, parseS3Location, parseS3Url, s3Arn, s3ArnOrUrl, s3Url, type BucketNameMode, type S3Location} from './bucket-name.js';
export {
	aliasNameOf,
	findKeyArn,
	isAliasName,
	isKeyArn,
	isKeyId,
	kmsKeyArn,
	parseAliasName,
	parseKeyArn,
	parseKeyId,
	parseKeyReference,
	parseKmsArn,
	startsWithKmsArn,
	type KeyReference,
	type KmsArn,
} from './kms-key.js';
export {iamNameSource, isIamName, parseIamName, parseInlinePolicyName, type IamNameKind, type InlinePolicyName} from './iam-name.js';
export {parseTagList} from './session-tags.js';
export {isPrincipalArn, parsePrincipalArn, type PrincipalArn} from './principal-arn.js';
export {parseOrganizationId} from './organizations.js';
export {isDistributionArn, parseDistributionArn, type DistributionArn} from './cloudfront-distribution.js';
export {parseAccessKeyId, type AccessKeyId, type AccessKeyKind} from './access-key-id.js';
export {parseS3ObjectUrl, type S3ObjectUrl} from './s3-endpoint.js';
export * as inText from './in-text.js';
export {findPolicyArn} from './in-text.js';
export {isAwsManagedPolicyArn} from './managed-policy.js';
export {isResourceArn} from './resource-arn.js';
export {isProfileName} from './profile-name.js';
export {namePatterns, type NamePattern} from './schema-patterns.js';
