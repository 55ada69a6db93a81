import {shellQuote, shellWord} from '../shared/shell.js';
import {keyRegionOption} from './fixes/commands.js';

/**
 * The AWS CLI reads the report names to settle what is not known, one builder each, each value one shell word (bare
 * where a shell reads it as it is). Without `--profile`: the profile of the account that owns what is read is added
 * where each is written, by the one rule (commandInAccount, snapshot/profiles.ts).
 */

/** The key policy as its text, from the key's Region (KMS answers a key's calls only there). */
export const keyPolicyRead = (keyArn: string): string =>
	`aws kms get-key-policy --key-id ${shellWord(keyArn)}${keyRegionOption(keyArn)} --policy-name default --query Policy --output text`;

/** The key's grants, from the key's Region; KMS lists them to another account that names the key ARN too. */
export const keyGrantsRead = (keyArn: string): string => `aws kms list-grants --key-id ${shellWord(keyArn)}${keyRegionOption(keyArn)}`;

/** The bucket's default encryption: whether a request naming no key is SSE-KMS, and with which key. */
export const bucketEncryptionRead = (bucket: string): string => `aws s3api get-bucket-encryption --bucket ${shellWord(bucket)}`;

/** The source bucket's replication configuration: the role S3 assumes and the key its rule names for replicas (ReplicaKmsKeyID). */
export const bucketReplicationRead = (bucket: string): string => `aws s3api get-bucket-replication --bucket ${shellWord(bucket)}`;

/** What HeadObject says of an object: how it is encrypted, and with which key (SSEKMSKeyId); S3 asks no KMS permission. */
export const headObjectRead = (bucket: string, objectKey: string): string => `aws s3api head-object --bucket ${shellWord(bucket)} --key ${shellWord(objectKey)}`;

/** The bucket policy as its text. */
export const bucketPolicyRead = (bucket: string): string => `aws s3api get-bucket-policy --bucket ${shellWord(bucket)} --query Policy --output text`;

/** A managed policy: its default version's ID, whose document get-policy-version prints. */
export const managedPolicyRead = (policyArn: string): string => `aws iam get-policy --policy-arn ${shellWord(policyArn)}`;

/** An object's ACL: its owner and its grants (a key may hold anything: always quoted). */
export const objectAclRead = (bucket: string, key: string): string => `aws s3api get-object-acl --bucket ${shellQuote(bucket)} --key ${shellQuote(key)}`;
