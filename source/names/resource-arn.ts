import {accountIdSource} from './account-id.js';
import {partitionSource} from './partition.js';

/**
 * Characters that may steer a terminal or hide text: C0 and C1 controls, DEL, bidi marks and embeddings, zero-width and
 * invisible format characters, line and paragraph separators. An ARN a customer pasted holds none of them, or is not kept.
 */
export const unsafeCharactersSource = String.raw`\s\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb`;

/**
 * Any resource's ARN, "arn:partition:service:region:account-id:resource" (IAM User Guide, "IAM identifiers"): a KMS key,
 * an S3 bucket or object (whose key may hold spaces, never another blank or a control character), its resource part at most 2001 characters.
 */
export const resourceArnSource = `arn:${partitionSource}:[a-z0-9-]+:[a-z0-9-]*:(?:${accountIdSource}|aws)?:[^${unsafeCharactersSource}](?:[^${unsafeCharactersSource}]| ){0,2000}`;

const resourceArn = new RegExp(`^${resourceArnSource}$`, 'u');

export const isResourceArn = (text: string): boolean => resourceArn.test(text);
