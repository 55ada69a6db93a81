import {accessKeyIdSource} from './access-key-id.js';
import {accountIdSource} from './account-id.js';
import {bucketNameSource} from './bucket-name.js';
import {distributionArnSource} from './cloudfront-distribution.js';
import {keyArnSource} from './kms-key.js';
import {organizationIdSource} from './organizations.js';
import {profileNameSource} from './profile-name.js';
import {principalArnSource, roleArnSource} from './principal-arn.js';
import {regionSource} from './region.js';
import {resourceArnSource} from './resource-arn.js';

/**
 * The names as JSON Schema patterns, each with the words a message uses for it ("must be a 12-digit AWS
 * account ID"): the snapshot schema's patterns are these, so a snapshot file and the parse functions agree.
 */
export const namePatterns = {
	accountId: {pattern: `^${accountIdSource}$`, means: 'a 12-digit AWS account ID'},
	region: {pattern: `^${regionSource}$`, means: 'an AWS Region code such as eu-west-1'},
	bucketName: {pattern: `^${bucketNameSource}$`, means: 'a bucket name (not an ARN or an s3:// URL)'},
	keyArn: {
		pattern: `^${keyArnSource}$`,
		means: 'a KMS key ARN such as arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
	},
	principalArn: {
		pattern: `^${principalArnSource}$`,
		means: 'an IAM user, role or assumed-role session ARN such as arn:aws:sts::111122223333:assumed-role/ROLE/SESSION',
	},
	roleArn: {pattern: `^${roleArnSource}$`, means: 'an IAM role ARN such as arn:aws:iam::111122223333:role/path/NAME'},
	organizationId: {pattern: `^${organizationIdSource}$`, means: 'an organization ID such as o-a1b2c3d4e5'},
	distributionArn: {pattern: `^${distributionArnSource}$`, means: 'a CloudFront distribution ARN such as arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE'},
	accessKeyId: {pattern: `^${accessKeyIdSource}$`, means: 'an access key ID such as AKIAIOSFODNN7EXAMPLE'},
	resourceArn: {pattern: `^${resourceArnSource}$`, means: 'an ARN such as arn:aws:s3:::bucket/key or arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab, without control characters'},
	profileName: {pattern: `^${profileNameSource}$`, means: 'an AWS CLI profile name, without control or invisible characters, not starting with -'},
} as const;

export type NamePattern = keyof typeof namePatterns;
